// The request parsers (services/requests.hpp): presence, JSON types and the limits that need no
// database; every failure is validation_failed (or payload_too_large) naming the field.
#include "services/requests.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <string>

namespace {

namespace json = boost::json;
using namespace mm::services;
using mm::domain::errc;

json::value body(std::string_view text) { return json::parse(text); }

template <class T>
void expect_invalid(const mm::domain::outcome<T>& r, std::string_view field, const std::string& what) {
  ASSERT_FALSE(r) << what << ": accepted";
  EXPECT_EQ(r.error().code, errc::validation_failed) << what;
  EXPECT_EQ(r.error().message.rfind(std::string(field) + " ", 0), 0u)
      << what << ": the message should start with the field: " << r.error().message;
}

std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

// ---- register and login -------------------------------------------------------------------

TEST(parse_register, reads_email_password_and_name) {
  auto r = parse_register(body(R"({"email":"ada@example.com","password":"correct horse","name":"Ada"})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->email, "ada@example.com");
  EXPECT_EQ(r->password, "correct horse");
  EXPECT_EQ(r->name, "Ada");
}

TEST(parse_register, names_a_missing_null_or_mistyped_field) {
  for (const char* field : {"email", "password", "name"}) {
    json::object o{{"email", "ada@example.com"}, {"password", "correct horse"}, {"name", "Ada"}};
    o.erase(field);
    expect_invalid(parse_register(o), field, std::string(field) + " missing");
    o[field] = nullptr;
    expect_invalid(parse_register(o), field, std::string(field) + " null");
    o[field] = 42;
    expect_invalid(parse_register(o), field, std::string(field) + " a number");
    o[field] = json::array{"x"};
    expect_invalid(parse_register(o), field, std::string(field) + " an array");
  }
}

TEST(parse_register, ignores_unknown_fields) {
  EXPECT_TRUE(parse_register(body(R"({"email":"a@b.co","password":"12345678","name":"A","admin":true})")));
}

TEST(request_parsers, refuse_a_body_that_is_not_an_object) {
  for (const char* text : {"null", "[]", "\"text\"", "42", "true"}) {
    const auto v = body(text);
    expect_invalid(parse_register(v), "body", text);
    expect_invalid(parse_login(v), "body", text);
    expect_invalid(parse_profile_patch(v), "body", text);
    expect_invalid(parse_invitation(v), "body", text);
    expect_invalid(parse_room(v), "body", text);
    expect_invalid(parse_answer(v), "body", text);
    expect_invalid(parse_signal(v, "sdp"), "body", text);
    expect_invalid(parse_feedback(v), "body", text);
    expect_invalid(parse_watch(v), "body", text);
  }
}

TEST(parse_login, reads_email_and_password) {
  auto r = parse_login(body(R"({"email":"ada@example.com","password":"pw"})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->email, "ada@example.com");
  EXPECT_EQ(r->password, "pw");
  expect_invalid(parse_login(body(R"({"password":"pw"})")), "email", "no email");
  expect_invalid(parse_login(body(R"({"email":"a@b.co"})")), "password", "no password");
  expect_invalid(parse_login(body(R"({"email":"a@b.co","password":12345678})")), "password", "number");
}

// ---- profile patch ------------------------------------------------------------------------

TEST(parse_profile_patch, absent_fields_stay_absent) {
  auto p = parse_profile_patch(body("{}"));
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->headline);
  EXPECT_FALSE(p->target_role);
  EXPECT_FALSE(p->timezone);
  EXPECT_FALSE(p->bio);
  EXPECT_FALSE(p->level);
  EXPECT_FALSE(p->topics);
  EXPECT_FALSE(p->languages);
  EXPECT_FALSE(p->available);
}

TEST(parse_profile_patch, null_clears_a_field) {
  auto p = parse_profile_patch(body(
      R"({"headline":null,"targetRole":null,"timezone":null,"bio":null,"experienceLevel":null,"topics":null,"languages":null})"));
  ASSERT_TRUE(p);
  for (const auto* f : {&p->headline, &p->target_role, &p->timezone, &p->bio}) {
    ASSERT_TRUE(f->has_value());
    EXPECT_FALSE(f->value().has_value());
  }
  ASSERT_TRUE(p->level.has_value());
  EXPECT_FALSE(p->level->has_value());
  ASSERT_TRUE(p->topics);
  EXPECT_TRUE(p->topics->empty());
  ASSERT_TRUE(p->languages);
  EXPECT_TRUE(p->languages->empty());
}

TEST(parse_profile_patch, an_empty_string_clears_a_text_field) {
  auto p = parse_profile_patch(body(R"({"headline":""})"));
  ASSERT_TRUE(p);
  ASSERT_TRUE(p->headline.has_value());
  EXPECT_FALSE(p->headline->has_value());
}

TEST(parse_profile_patch, reads_every_field) {
  auto p = parse_profile_patch(body(R"({"headline":"Practising","targetRole":"SRE","experienceLevel":"staff",
      "topics":["graphs","dp"],"languages":["C++"],"timezone":"Asia/Kolkata","bio":"Hi\nthere","available":false})"));
  ASSERT_TRUE(p);
  EXPECT_EQ(**p->headline, "Practising");
  EXPECT_EQ(**p->target_role, "SRE");
  EXPECT_EQ(**p->level, mm::domain::experience_level::staff);
  EXPECT_EQ(*p->topics, (std::vector<std::string>{"graphs", "dp"}));
  EXPECT_EQ(*p->languages, std::vector<std::string>{"C++"});
  EXPECT_EQ(**p->timezone, "Asia/Kolkata");
  EXPECT_EQ(**p->bio, "Hi\nthere");
  EXPECT_EQ(p->available, false);
}

TEST(parse_profile_patch, repeated_list_entries_count_once) {
  auto p = parse_profile_patch(body(R"({"topics":["graphs","dp","graphs"]})"));
  ASSERT_TRUE(p);
  EXPECT_EQ(*p->topics, (std::vector<std::string>{"graphs", "dp"}));
}

TEST(parse_profile_patch, text_limits_count_code_points_and_name_the_field) {
  struct row {
    const char* field;
    std::size_t max;
  };
  for (auto [field, max] : {row{"headline", 120}, row{"targetRole", 80}, row{"bio", 2000}, row{"timezone", 64}}) {
    json::object at_limit{{field, repeat("\xC3\xA9", max)}};
    EXPECT_TRUE(parse_profile_patch(at_limit)) << field << " at " << max;
    json::object over{{field, std::string(max + 1, 'x')}};
    expect_invalid(parse_profile_patch(over), field, std::string(field) + " over the limit");
    json::object mistyped{{field, 7}};
    expect_invalid(parse_profile_patch(mistyped), field, std::string(field) + " a number");
  }
}

TEST(parse_profile_patch, refuses_control_characters_except_line_breaks_in_bio) {
  expect_invalid(parse_profile_patch(body(R"({"headline":"a\nb"})")), "headline", "newline in headline");
  expect_invalid(parse_profile_patch(body(R"({"targetRole":"a\u0007b"})")), "targetRole", "bell in targetRole");
  EXPECT_TRUE(parse_profile_patch(body(R"({"bio":"a\nb\tc"})")));
  expect_invalid(parse_profile_patch(body(R"({"bio":"a\u0000b"})")), "bio", "NUL in bio");
}

TEST(parse_profile_patch, experience_level_is_one_of_five) {
  for (const char* level : {"student", "junior", "mid", "senior", "staff"}) {
    json::object o{{"experienceLevel", level}};
    EXPECT_TRUE(parse_profile_patch(o)) << level;
  }
  expect_invalid(parse_profile_patch(body(R"({"experienceLevel":"principal"})")), "experienceLevel", "unknown level");
  expect_invalid(parse_profile_patch(body(R"({"experienceLevel":"Senior"})")), "experienceLevel", "capitalized");
  expect_invalid(parse_profile_patch(body(R"({"experienceLevel":3})")), "experienceLevel", "number");
}

TEST(parse_profile_patch, topics_take_20_entries_of_40_characters) {
  json::array twenty, twenty_one;
  for (int i = 0; i < 20; ++i) twenty.emplace_back("t" + std::to_string(i));
  twenty_one = twenty;
  twenty_one.emplace_back("t20");
  EXPECT_TRUE(parse_profile_patch(json::object{{"topics", twenty}}));
  expect_invalid(parse_profile_patch(json::object{{"topics", twenty_one}}), "topics", "21 topics");
  EXPECT_TRUE(parse_profile_patch(json::object{{"topics", json::array{repeat("\xE6\x97\xA5", 40)}}}));
  expect_invalid(parse_profile_patch(json::object{{"topics", json::array{std::string(41, 't')}}}), "topics", "41 chars");
  expect_invalid(parse_profile_patch(body(R"({"topics":[""]})")), "topics", "empty topic");
  expect_invalid(parse_profile_patch(body(R"({"topics":["ok",3]})")), "topics", "number in topics");
  expect_invalid(parse_profile_patch(body(R"({"topics":"graphs"})")), "topics", "a string, not a list");
}

TEST(parse_profile_patch, languages_take_10_entries) {
  json::array ten, eleven;
  for (int i = 0; i < 10; ++i) ten.emplace_back("l" + std::to_string(i));
  eleven = ten;
  eleven.emplace_back("l10");
  EXPECT_TRUE(parse_profile_patch(json::object{{"languages", ten}}));
  expect_invalid(parse_profile_patch(json::object{{"languages", eleven}}), "languages", "11 languages");
}

TEST(parse_profile_patch, available_is_a_boolean) {
  EXPECT_EQ(parse_profile_patch(body(R"({"available":true})"))->available, true);
  expect_invalid(parse_profile_patch(body(R"({"available":"yes"})")), "available", "string");
  expect_invalid(parse_profile_patch(body(R"({"available":1})")), "available", "number");
  expect_invalid(parse_profile_patch(body(R"({"available":null})")), "available", "null");
}

// ---- invitations and rooms ----------------------------------------------------------------

TEST(parse_invitation, reads_invitee_and_question_ids_in_order) {
  auto r = parse_invitation(body(R"({"inviteeId":"u_bob","questionIds":["q3","q1","q2"]})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->invitee_id, "u_bob");
  EXPECT_EQ(r->question_ids, (std::vector<std::string>{"q3", "q1", "q2"}));
}

TEST(parse_invitation, needs_an_invitee) {
  expect_invalid(parse_invitation(body(R"({"questionIds":["q1"]})")), "inviteeId", "missing");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"","questionIds":["q1"]})")), "inviteeId", "empty");
  expect_invalid(parse_invitation(body(R"({"inviteeId":5,"questionIds":["q1"]})")), "inviteeId", "number");
}

TEST(parse_invitation, question_ids_are_1_to_5_distinct_strings) {
  EXPECT_TRUE(parse_invitation(body(R"({"inviteeId":"u","questionIds":["a"]})")));
  EXPECT_TRUE(parse_invitation(body(R"({"inviteeId":"u","questionIds":["a","b","c","d","e"]})")));
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u"})")), "questionIds", "missing");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u","questionIds":null})")), "questionIds", "null");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u","questionIds":[]})")), "questionIds", "none");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u","questionIds":["a","b","c","d","e","f"]})")), "questionIds",
                 "six");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u","questionIds":["a","b","a"]})")), "questionIds", "repeated");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u","questionIds":["a",1]})")), "questionIds", "number");
  expect_invalid(parse_invitation(body(R"({"inviteeId":"u","questionIds":"a"})")), "questionIds", "a string");
}

TEST(parse_room, reads_a_room_id_of_1_to_128_characters) {
  EXPECT_EQ(parse_room(body(R"({"roomId":"r_1"})"))->room_id, "r_1");
  EXPECT_TRUE(parse_room(json::object{{"roomId", std::string(128, 'r')}}));
  expect_invalid(parse_room(json::object{{"roomId", std::string(129, 'r')}}), "roomId", "129");
  expect_invalid(parse_room(body(R"({"roomId":""})")), "roomId", "empty");
  expect_invalid(parse_room(body(R"({})")), "roomId", "missing");
  expect_invalid(parse_room(body(R"({"roomId":12})")), "roomId", "number");
}

TEST(parse_answer, reads_the_room_and_a_boolean_accept) {
  auto yes = parse_answer(body(R"({"roomId":"r_1","accept":true})"));
  ASSERT_TRUE(yes);
  EXPECT_EQ(yes->room_id, "r_1");
  EXPECT_TRUE(yes->accept);
  EXPECT_FALSE(parse_answer(body(R"({"roomId":"r_1","accept":false})"))->accept);
  expect_invalid(parse_answer(body(R"({"roomId":"r_1"})")), "accept", "missing");
  expect_invalid(parse_answer(body(R"({"roomId":"r_1","accept":"true"})")), "accept", "string");
  expect_invalid(parse_answer(body(R"({"roomId":"r_1","accept":1})")), "accept", "number");
  expect_invalid(parse_answer(body(R"({"accept":true})")), "roomId", "no room");
}

// ---- signaling ----------------------------------------------------------------------------

TEST(parse_signal, sdp_is_a_string_of_at_most_64_kib) {
  json::object ok{{"roomId", "r_1"}, {"sdp", std::string(64 * 1024, 'v')}};
  auto r = parse_signal(ok, "sdp");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->room_id, "r_1");
  EXPECT_EQ(r->data.as_string().size(), 64u * 1024);

  json::object big{{"roomId", "r_1"}, {"sdp", std::string(64 * 1024 + 1, 'v')}};
  auto too_big = parse_signal(big, "sdp");
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().code, errc::payload_too_large);
  EXPECT_NE(too_big.error().message.find("sdp"), std::string::npos);

  expect_invalid(parse_signal(body(R"({"roomId":"r_1"})"), "sdp"), "sdp", "missing");
  expect_invalid(parse_signal(body(R"({"roomId":"r_1","sdp":null})"), "sdp"), "sdp", "null");
  expect_invalid(parse_signal(body(R"({"roomId":"r_1","sdp":{"type":"offer"}})"), "sdp"), "sdp", "object");
  expect_invalid(parse_signal(body(R"({"sdp":"v=0"})"), "sdp"), "roomId", "no room");
}

TEST(parse_signal, candidate_is_an_object_of_at_most_2_kib_as_json) {
  auto r = parse_signal(body(R"({"roomId":"r_1","candidate":{"candidate":"candidate:1 1 udp 1 1.2.3.4 5 typ host","sdpMid":"0"}})"),
                        "candidate");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->data.as_object().at("sdpMid"), "0");

  // {"c":"xxx..."} is 8 characters plus the string.
  json::object exactly{{"roomId", "r_1"}, {"candidate", json::object{{"c", std::string(2048 - 8, 'x')}}}};
  ASSERT_EQ(json::serialize(exactly.at("candidate")).size(), 2048u);
  EXPECT_TRUE(parse_signal(exactly, "candidate"));
  json::object over{{"roomId", "r_1"}, {"candidate", json::object{{"c", std::string(2048 - 7, 'x')}}}};
  auto too_big = parse_signal(over, "candidate");
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().code, errc::payload_too_large);

  expect_invalid(parse_signal(body(R"({"roomId":"r_1","candidate":"a=candidate"})"), "candidate"), "candidate", "string");
  expect_invalid(parse_signal(body(R"({"roomId":"r_1"})"), "candidate"), "candidate", "missing");
}

// ---- feedback -----------------------------------------------------------------------------

TEST(parse_feedback, reads_rating_rubric_and_comments) {
  auto r = parse_feedback(body(R"({"rating":4,"rubric":{"problemSolving":5,"communication":null,"codeQuality":2},
                                   "comments":"Nice work."})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->rating, 4);
  EXPECT_EQ(r->scores.problem_solving, 5);
  EXPECT_EQ(r->scores.communication, std::nullopt);
  EXPECT_EQ(r->scores.code_quality, 2);
  EXPECT_EQ(r->comments, "Nice work.");
}

TEST(parse_feedback, rubric_and_comments_are_optional) {
  auto r = parse_feedback(body(R"({"rating":1})"));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->scores.problem_solving);
  EXPECT_FALSE(r->scores.communication);
  EXPECT_FALSE(r->scores.code_quality);
  EXPECT_FALSE(r->comments);
  EXPECT_TRUE(parse_feedback(body(R"({"rating":1,"rubric":null,"comments":null})")));
  EXPECT_FALSE(parse_feedback(body(R"({"rating":1,"comments":""})"))->comments);
}

TEST(parse_feedback, rating_is_a_whole_number_from_1_to_5) {
  for (const char* ok : {"1", "5", "3.0"})
    EXPECT_TRUE(parse_feedback(body(std::string(R"({"rating":)") + ok + "}"))) << ok;
  for (const char* bad : {"0", "6", "-1", "3.5", "\"4\"", "true", "null", "1e300", "18446744073709551615", "[4]"})
    expect_invalid(parse_feedback(body(std::string(R"({"rating":)") + bad + "}")), "rating", bad);
  expect_invalid(parse_feedback(body("{}")), "rating", "missing");
}

TEST(parse_feedback, rubric_scores_name_their_path) {
  expect_invalid(parse_feedback(body(R"({"rating":3,"rubric":{"problemSolving":0}})")), "rubric.problemSolving", "0");
  expect_invalid(parse_feedback(body(R"({"rating":3,"rubric":{"communication":6}})")), "rubric.communication", "6");
  expect_invalid(parse_feedback(body(R"({"rating":3,"rubric":{"codeQuality":"5"}})")), "rubric.codeQuality", "string");
  expect_invalid(parse_feedback(body(R"({"rating":3,"rubric":[1,2,3]})")), "rubric", "array");
}

TEST(parse_feedback, comments_take_4000_code_points) {
  EXPECT_TRUE(parse_feedback(json::object{{"rating", 3}, {"comments", repeat("\xC3\xA9", 4000)}}));
  expect_invalid(parse_feedback(json::object{{"rating", 3}, {"comments", std::string(4001, 'c')}}), "comments", "4001");
  expect_invalid(parse_feedback(body(R"({"rating":3,"comments":5})")), "comments", "number");
}

// ---- presence -----------------------------------------------------------------------------

TEST(parse_watch, reads_distinct_user_ids_in_order) {
  auto r = parse_watch(body(R"({"userIds":["u_b","u_a","u_b"]})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->user_ids, (std::vector<std::string>{"u_b", "u_a"}));
  EXPECT_TRUE(parse_watch(body(R"({"userIds":[]})"))->user_ids.empty());
}

TEST(parse_watch, takes_at_most_200_distinct_ids) {
  json::array two_hundred, with_repeats, too_many;
  for (int i = 0; i < 200; ++i) two_hundred.emplace_back("u_" + std::to_string(i));
  with_repeats = two_hundred;
  for (int i = 0; i < 100; ++i) with_repeats.emplace_back("u_" + std::to_string(i));
  too_many = two_hundred;
  too_many.emplace_back("u_200");
  EXPECT_EQ(parse_watch(json::object{{"userIds", two_hundred}})->user_ids.size(), 200u);
  EXPECT_EQ(parse_watch(json::object{{"userIds", with_repeats}})->user_ids.size(), 200u);
  expect_invalid(parse_watch(json::object{{"userIds", too_many}}), "userIds", "201");
  expect_invalid(parse_watch(body("{}")), "userIds", "missing");
  expect_invalid(parse_watch(body(R"({"userIds":"u_1"})")), "userIds", "string");
  expect_invalid(parse_watch(body(R"({"userIds":[1]})")), "userIds", "number");
}

// ---- rounds -------------------------------------------------------------------------------

TEST(parse_start_round, reads_the_room_and_question_ids_in_order) {
  auto r = parse_start_round(body(R"({"roomId":"r_1","questionIds":["q3","q1"]})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->room_id, "r_1");
  EXPECT_EQ(r->question_ids, (std::vector<std::string>{"q3", "q1"}));
}

TEST(parse_start_round, question_ids_follow_the_rules_of_an_invitation) {
  expect_invalid(parse_start_round(body(R"({"questionIds":["a"]})")), "roomId", "missing room");
  expect_invalid(parse_start_round(body(R"([1])")), "body", "array");
  expect_invalid(parse_start_round(body(R"({"roomId":"r"})")), "questionIds", "missing");
  expect_invalid(parse_start_round(body(R"({"roomId":"r","questionIds":[]})")), "questionIds", "none");
  expect_invalid(parse_start_round(body(R"({"roomId":"r","questionIds":["a","b","c","d","e","f"]})")), "questionIds", "six");
  expect_invalid(parse_start_round(body(R"({"roomId":"r","questionIds":["a","a"]})")), "questionIds", "repeated");
  expect_invalid(parse_start_round(body(R"({"roomId":"r","questionIds":[1]})")), "questionIds", "number");
}

} // namespace
