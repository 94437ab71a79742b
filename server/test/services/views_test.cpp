// The contract's JSON objects (API.md, "Objects"): exact keys, spellings and nulls.
#include "services/views.hpp"

#include "domain/enum_names.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

namespace json = boost::json;
using namespace mm::services;
using namespace mm::domain;
using namespace std::chrono_literals;

const time_point t0 = from_millis(1'795'460'681'123); // 2026-11-23T19:04:41.123Z

std::set<std::string> keys(const json::object& o) {
  std::set<std::string> out;
  for (const auto& kv : o) out.insert(std::string(kv.key()));
  return out;
}

question sample_question(const std::string& id) {
  return {id, "Title " + id, "Body of " + id, "algorithms", "easy", {"hint one", "hint two"}};
}

interview sample_interview(interview_status status) {
  interview iv;
  iv.room_id = "r_abc";
  iv.status = status;
  iv.inviter = {"u_ada", "Ada"};
  iv.invitee = {"u_bob", "Bob"};
  iv.questions = {sample_question("q1"), sample_question("q2")};
  iv.created_at = t0;
  iv.expires_at = t0 + 120s;
  return iv;
}

TEST(user_json, shows_the_email_only_to_its_owner) {
  const user u{"u_ada", "ada@example.com", "Ada", t0};
  const auto own = user_json(u, true);
  EXPECT_EQ(keys(own), (std::set<std::string>{"id", "email", "name", "createdAt"}));
  EXPECT_EQ(own.at("id"), "u_ada");
  EXPECT_EQ(own.at("email"), "ada@example.com");
  EXPECT_EQ(own.at("name"), "Ada");
  EXPECT_EQ(own.at("createdAt"), "2026-11-23T19:04:41.123Z");
  EXPECT_EQ(keys(user_json(u, false)), (std::set<std::string>{"id", "name", "createdAt"}));
}

TEST(profile_json, has_every_field_with_nulls_for_unset_ones) {
  const auto empty = profile_json(profile{});
  EXPECT_EQ(keys(empty), (std::set<std::string>{"headline", "targetRole", "experienceLevel", "topics", "languages",
                                                 "timezone", "bio", "available"}));
  for (const char* k : {"headline", "targetRole", "experienceLevel", "timezone", "bio"})
    EXPECT_TRUE(empty.at(k).is_null()) << k;
  EXPECT_EQ(empty.at("topics"), json::array{});
  EXPECT_EQ(empty.at("languages"), json::array{});
  EXPECT_EQ(empty.at("available"), true);
}

TEST(profile_json, spells_values_as_the_contract) {
  profile p;
  p.headline = "h";
  p.target_role = "SRE";
  p.level = experience_level::junior;
  p.topics = {"graphs", "dp"};
  p.languages = {"C++"};
  p.timezone = "Europe/Berlin";
  p.bio = "b";
  p.available = false;
  const auto o = profile_json(p);
  EXPECT_EQ(o.at("headline"), "h");
  EXPECT_EQ(o.at("targetRole"), "SRE");
  EXPECT_EQ(o.at("experienceLevel"), "junior");
  EXPECT_EQ(o.at("topics"), (json::array{"graphs", "dp"}));
  EXPECT_EQ(o.at("languages"), json::array{"C++"});
  EXPECT_EQ(o.at("timezone"), "Europe/Berlin");
  EXPECT_EQ(o.at("bio"), "b");
  EXPECT_EQ(o.at("available"), false);
}

TEST(partner_json, has_id_name_profile_online_busy_match_score_and_reliability) {
  partner p;
  p.id = "u_bob";
  p.name = "Bob";
  p.online = true;
  p.busy = false;
  p.match_score = 87;
  const auto o = partner_json(p);
  EXPECT_EQ(keys(o), (std::set<std::string>{"id", "name", "profile", "online", "busy", "matchScore", "reliability"}));
  EXPECT_EQ(o.at("reliability"), (json::object{{"completed", 0}, {"noShows", 0}, {"left", 0}, {"score", nullptr}}));
  EXPECT_EQ(o.at("matchScore"), 87);
  EXPECT_TRUE(o.at("matchScore").is_int64());
  EXPECT_EQ(o.at("online"), true);
  EXPECT_EQ(o.at("busy"), false);
  EXPECT_TRUE(o.at("profile").is_object());
  EXPECT_FALSE(o.at("profile").as_object().contains("email"));
}

TEST(question_json, carries_no_hints) {
  const auto o = question_json(sample_question("two-sum"));
  EXPECT_EQ(keys(o), (std::set<std::string>{"id", "title", "body", "category", "difficulty", "tests"}));
  EXPECT_EQ(json::serialize(o).find("hint one"), std::string::npos);
  EXPECT_EQ(o.at("id"), "two-sum");
  EXPECT_EQ(o.at("category"), "algorithms");
  EXPECT_EQ(o.at("difficulty"), "easy");
}

TEST(interview_json, has_exactly_the_contracts_keys) {
  const auto o = interview_json(sample_interview(interview_status::pending), t0);
  EXPECT_EQ(keys(o), (std::set<std::string>{"roomId", "status", "inviter", "invitee", "questions", "createdAt", "expiresAt",
                                             "expiresInMs", "respondedAt", "startedAt", "endedAt", "reason",
                                             "absent", "origin", "rounds"}));
  EXPECT_EQ(o.at("origin"), "invitation");
  EXPECT_EQ(o.at("rounds"), json::array{});
  EXPECT_EQ(o.at("roomId"), "r_abc");
  EXPECT_EQ(o.at("status"), "pending");
  EXPECT_EQ(o.at("inviter"), (json::object{{"id", "u_ada"}, {"name", "Ada"}}));
  EXPECT_EQ(o.at("invitee"), (json::object{{"id", "u_bob"}, {"name", "Bob"}}));
  EXPECT_EQ(o.at("createdAt"), "2026-11-23T19:04:41.123Z");
  EXPECT_EQ(o.at("expiresAt"), "2026-11-23T19:06:41.123Z");
  for (const char* k : {"respondedAt", "startedAt", "endedAt", "reason", "absent"}) EXPECT_TRUE(o.at(k).is_null()) << k;
}

TEST(interview_json, questions_keep_their_order_and_carry_no_hints) {
  const auto o = interview_json(sample_interview(interview_status::accepted), t0);
  const auto& qs = o.at("questions").as_array();
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].as_object().at("id"), "q1");
  EXPECT_EQ(qs[1].as_object().at("id"), "q2");
  for (const auto& q : qs) EXPECT_FALSE(q.as_object().contains("hints"));
  EXPECT_EQ(json::serialize(o).find("hint one"), std::string::npos);
}

TEST(interview_json, expires_in_ms_counts_down_while_pending) {
  const auto iv = sample_interview(interview_status::pending);
  EXPECT_EQ(interview_json(iv, t0).at("expiresInMs"), 120000);
  EXPECT_EQ(interview_json(iv, t0 + 119'999ms).at("expiresInMs"), 1);
  EXPECT_EQ(interview_json(iv, t0 + 120s).at("expiresInMs"), 0);
  EXPECT_EQ(interview_json(iv, t0 + 1h).at("expiresInMs"), 0) << "never negative";
}

TEST(interview_json, expires_in_ms_is_null_once_not_pending) {
  for (auto s : {interview_status::accepted, interview_status::in_progress, interview_status::completed,
                 interview_status::rejected, interview_status::cancelled, interview_status::expired,
                 interview_status::abandoned}) {
    const auto o = interview_json(sample_interview(s), t0);
    EXPECT_TRUE(o.at("expiresInMs").is_null()) << to_string(s);
    EXPECT_EQ(o.at("status"), json::value(to_string(s)));
    EXPECT_EQ(o.at("expiresAt"), "2026-11-23T19:06:41.123Z") << "the deadline stays visible";
  }
}

TEST(interview_json, shows_times_and_reason_of_an_ended_interview) {
  auto iv = sample_interview(interview_status::abandoned);
  iv.responded_at = t0 + 5s;
  iv.started_at = t0 + 10s;
  iv.ended_at = t0 + 1h;
  iv.reason = end_reason::no_show;
  const auto o = interview_json(iv, t0 + 2h);
  EXPECT_EQ(o.at("respondedAt"), "2026-11-23T19:04:46.123Z");
  EXPECT_EQ(o.at("startedAt"), "2026-11-23T19:04:51.123Z");
  EXPECT_EQ(o.at("endedAt"), "2026-11-23T20:04:41.123Z");
  EXPECT_EQ(o.at("reason"), "no_show");
  EXPECT_EQ(o.at("status"), "abandoned");
}

TEST(interview_json, absent_is_the_missing_participants_id_only_when_abandoned) {
  auto iv = sample_interview(interview_status::abandoned);
  iv.reason = end_reason::left;
  iv.absent = "u_bob";
  iv.absent_reason = end_reason::left;
  EXPECT_EQ(interview_json(iv, t0).at("absent"), "u_bob") << "the id, as API.md says; the reason is the interview's";
  iv.absent.reset();
  EXPECT_TRUE(interview_json(iv, t0).at("absent").is_null());
  iv = sample_interview(interview_status::completed);
  iv.absent = "u_bob"; // whatever the row holds, only abandoned interviews have one
  EXPECT_TRUE(interview_json(iv, t0).at("absent").is_null());
}

TEST(reliability_json, spells_the_counts_and_the_score) {
  EXPECT_EQ(reliability_json(mm::domain::reliability{12, 1, 2, 0.8}),
            (json::object{{"completed", 12}, {"noShows", 1}, {"left", 2}, {"score", 0.8}}));
}

TEST(block_json, is_the_user_and_the_time) {
  const mm::domain::block b{{"u_bob", "Bob"}, t0};
  EXPECT_EQ(block_json(b), (json::object{{"user", json::object{{"id", "u_bob"}, {"name", "Bob"}}},
                                         {"createdAt", "2026-11-23T19:04:41.123Z"}}));
}

TEST(interview_json, status_in_progress_is_spelled_with_an_underscore) {
  EXPECT_EQ(interview_json(sample_interview(interview_status::in_progress), t0).at("status"), "in_progress");
}

TEST(hints_json, maps_each_question_to_its_hints) {
  const auto o = hints_json(sample_interview(interview_status::accepted));
  EXPECT_EQ(keys(o), (std::set<std::string>{"q1", "q2"}));
  EXPECT_EQ(o.at("q1"), (json::array{"hint one", "hint two"}));
}

TEST(feedback_json, has_the_contracts_keys_and_nulls) {
  feedback f;
  f.id = "f_1";
  f.room_id = "r_abc";
  f.from = {"u_ada", "Ada"};
  f.rating = 4;
  f.scores = {5, std::nullopt, 3};
  f.created_at = t0;
  const auto o = feedback_json(f);
  EXPECT_EQ(keys(o), (std::set<std::string>{"id", "roomId", "from", "rating", "rubric", "comments", "createdAt"}));
  EXPECT_EQ(o.at("from"), (json::object{{"id", "u_ada"}, {"name", "Ada"}}));
  EXPECT_EQ(o.at("rating"), 4);
  EXPECT_EQ(o.at("rubric"), (json::object{{"problemSolving", 5}, {"communication", nullptr}, {"codeQuality", 3}}));
  EXPECT_TRUE(o.at("comments").is_null());
  EXPECT_EQ(o.at("createdAt"), "2026-11-23T19:04:41.123Z");
  f.comments = "Good.";
  EXPECT_EQ(feedback_json(f).at("comments"), "Good.");
}

TEST(error_json, has_code_and_message) {
  const auto o = error_json(fail(errc::invitee_busy, "Bob is in another interview."));
  EXPECT_EQ(keys(o), (std::set<std::string>{"code", "message"}));
  EXPECT_EQ(o.at("code"), "invitee_busy");
  EXPECT_EQ(o.at("message"), "Bob is in another interview.");
}

TEST(error_json, rate_limited_carries_whole_retry_after_seconds_rounded_up) {
  auto f = fail(errc::rate_limited, "Too many invitations; try again later.");
  f.retry_after_seconds = 2.1;
  const auto o = error_json(f);
  EXPECT_EQ(keys(o), (std::set<std::string>{"code", "message", "retryAfterSeconds"}));
  EXPECT_EQ(o.at("retryAfterSeconds"), 3);
  f.retry_after_seconds = 570;
  EXPECT_EQ(error_json(f).at("retryAfterSeconds"), 570);
}

} // namespace

// ---- v2: question tests, origin and rounds -------------------------------------------------

namespace {

interview_round sample_round(int number, const party& interviewer, const party& candidate, time_point started) {
  interview_round r;
  r.number = number;
  r.interviewer = interviewer;
  r.candidate = candidate;
  r.questions = {sample_question("two-sum")};
  r.started_at = started;
  r.planned_minutes = 45;
  return r;
}

} // namespace

TEST(question_json, carries_the_banks_example_tests_for_coding_questions_and_none_for_others) {
  const auto o = question_json(sample_question("two-sum"));
  const auto& tests = o.at("tests").as_array();
  ASSERT_GE(tests.size(), 3u);
  EXPECT_EQ(keys(tests[0].as_object()), (std::set<std::string>{"name", "input", "expectedOutput"}));
  EXPECT_EQ(tests[0].as_object().at("name"), "example");
  EXPECT_EQ(tests[0].as_object().at("input"), "4 10\n3 8 11 2\n");
  EXPECT_EQ(tests[0].as_object().at("expectedOutput"), "1 3\n");
  EXPECT_EQ(question_json(sample_question("not-in-the-bank")).at("tests"), json::array{});
}

TEST(interview_json, shows_its_origin) {
  auto iv = sample_interview(interview_status::accepted);
  iv.origin = interview_origin::match;
  EXPECT_EQ(interview_json(iv, t0).at("origin"), "match");
  iv.origin = interview_origin::schedule;
  EXPECT_EQ(interview_json(iv, t0).at("origin"), "schedule");
}

TEST(interview_json, rounds_have_the_contracts_shape_and_count_elapsed_time_while_running) {
  auto iv = sample_interview(interview_status::in_progress);
  iv.rounds = {sample_round(1, iv.inviter, iv.invitee, t0), sample_round(2, iv.invitee, iv.inviter, t0 + 20min)};
  iv.rounds[0].ended_at = t0 + 20min;
  const auto o = interview_json(iv, t0 + 25min + 7ms);
  const auto& rounds = o.at("rounds").as_array();
  ASSERT_EQ(rounds.size(), 2u);
  const auto& one = rounds[0].as_object();
  EXPECT_EQ(keys(one), (std::set<std::string>{"number", "interviewer", "candidate", "questions", "startedAt", "endedAt",
                                               "elapsedMs", "plannedMinutes"}));
  EXPECT_EQ(one.at("number"), 1);
  EXPECT_EQ(one.at("interviewer"), (json::object{{"id", "u_ada"}, {"name", "Ada"}}));
  EXPECT_EQ(one.at("candidate"), (json::object{{"id", "u_bob"}, {"name", "Bob"}}));
  EXPECT_EQ(one.at("startedAt"), "2026-11-23T19:04:41.123Z");
  EXPECT_EQ(one.at("endedAt"), "2026-11-23T19:24:41.123Z");
  EXPECT_TRUE(one.at("elapsedMs").is_null()) << "an ended round has no running count";
  EXPECT_EQ(one.at("plannedMinutes"), 45);
  const auto& two = rounds[1].as_object();
  EXPECT_EQ(two.at("number"), 2);
  EXPECT_EQ(two.at("interviewer"), (json::object{{"id", "u_bob"}, {"name", "Bob"}}));
  EXPECT_TRUE(two.at("endedAt").is_null());
  EXPECT_EQ(two.at("elapsedMs"), 5 * 60'000 + 7);
  const auto& q = two.at("questions").as_array().at(0).as_object();
  EXPECT_EQ(q.at("id"), "two-sum");
  EXPECT_FALSE(q.contains("hints"));
  EXPECT_FALSE(q.at("tests").as_array().empty());
  EXPECT_EQ(interview_json(iv, t0 + 26min).at("rounds").as_array()[1].as_object().at("elapsedMs"), 6 * 60'000)
      << "the count grows with the server's clock";
}
