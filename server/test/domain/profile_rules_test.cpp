#include "domain/profile_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace mm::domain;

std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

const std::string e_acute = "\xC3\xA9";          // é, 2 bytes
const std::string kanji = "\xE6\x97\xA5";        // 日, 3 bytes
const std::string emoji = "\xF0\x9F\x98\x80";    // 😀, 4 bytes

// Expect a validation_failed whose message starts with the field's name.
void expect_invalid(const std::optional<failure>& f, std::string_view field, const std::string& what) {
  ASSERT_TRUE(f) << what << ": accepted";
  EXPECT_EQ(f->code, errc::validation_failed) << what;
  EXPECT_EQ(f->message.rfind(std::string(field), 0), 0u) << what << ": message does not name the field: " << f->message;
}

TEST(utf8_length, counts_code_points_not_bytes) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length(e_acute), 1u);
  EXPECT_EQ(utf8_length(kanji + kanji), 2u);
  EXPECT_EQ(utf8_length(emoji), 1u);
  EXPECT_EQ(utf8_length("a" + e_acute + kanji + emoji), 4u);
}

TEST(email_rules, accepts_ordinary_addresses) {
  for (const char* e : {"a@b.co", "alice@example.com", "first.last+tag@sub.example.org", "x_y-z@mail.example.io"})
    EXPECT_EQ(check_email("email", e), std::nullopt) << e;
}

TEST(email_rules, accepts_exactly_254_characters_and_refuses_255) {
  const std::string domain = "@example.com";
  const std::string at_limit = std::string(254 - domain.size(), 'a') + domain;
  ASSERT_EQ(at_limit.size(), 254u);
  EXPECT_EQ(check_email("email", at_limit), std::nullopt);
  expect_invalid(check_email("email", "a" + at_limit), "email", "255 characters");
}

TEST(email_rules, refuses_what_is_not_an_address) {
  for (const char* e : {"", "plain", "@example.com", "alice@", "alice@example", "alice@@example.com",
                        "a@b@example.com", "alice@example.", "ali ce@example.com", "alice@exa mple.com",
                        "alice@example.com ", "alice\t@example.com", "alice@example.com\n"})
    expect_invalid(check_email("email", e), "email", std::string("\"") + e + "\"");
}

TEST(email_rules, name_the_field_they_were_given) {
  expect_invalid(check_email("inviteEmail", "nope"), "inviteEmail", "custom field");
}

TEST(email_rules, normalizing_trims_and_lower_cases) {
  EXPECT_EQ(normalize_email("  Alice@Example.COM \t"), "alice@example.com");
  EXPECT_EQ(normalize_email("bob@example.com"), "bob@example.com");
}

TEST(password_rules, take_8_to_128_characters) {
  expect_invalid(check_password("password", ""), "password", "empty");
  expect_invalid(check_password("password", std::string(7, 'x')), "password", "7");
  EXPECT_EQ(check_password("password", std::string(8, 'x')), std::nullopt);
  EXPECT_EQ(check_password("password", std::string(128, 'x')), std::nullopt);
  expect_invalid(check_password("password", std::string(129, 'x')), "password", "129");
}

TEST(password_rules, count_code_points) {
  EXPECT_EQ(check_password("password", repeat(e_acute, 8)), std::nullopt);   // 16 bytes
  EXPECT_EQ(check_password("password", repeat(emoji, 128)), std::nullopt);   // 512 bytes
  expect_invalid(check_password("password", repeat(kanji, 7)), "password", "7 kanji (21 bytes)");
  expect_invalid(check_password("password", repeat(e_acute, 129)), "password", "129 accented letters");
}

TEST(password_rules, allow_spaces_and_any_characters) {
  EXPECT_EQ(check_password("password", "correct horse battery staple"), std::nullopt);
}

TEST(text_rules, take_1_to_max_code_points) {
  expect_invalid(check_text("name", "", 1, limits::name), "name", "empty");
  EXPECT_EQ(check_text("name", "A", 1, limits::name), std::nullopt);
  EXPECT_EQ(check_text("name", std::string(80, 'a'), 1, limits::name), std::nullopt);
  expect_invalid(check_text("name", std::string(81, 'a'), 1, limits::name), "name", "81");
  EXPECT_EQ(check_text("name", repeat(kanji, 80), 1, limits::name), std::nullopt);
  expect_invalid(check_text("name", repeat(emoji, 81), 1, limits::name), "name", "81 emoji");
}

TEST(text_rules, blank_is_empty) {
  expect_invalid(check_text("name", "   ", 1, limits::name), "name", "blanks");
  expect_invalid(check_text("name", " \t ", 1, limits::name), "name", "blank tab");
}

TEST(text_rules, optional_text_may_be_empty) {
  EXPECT_EQ(check_text("headline", "", 0, limits::headline), std::nullopt);
}

TEST(text_rules, contract_limits) {
  EXPECT_EQ(limits::email, 254u);
  EXPECT_EQ(limits::password_min, 8u);
  EXPECT_EQ(limits::password_max, 128u);
  EXPECT_EQ(limits::name, 80u);
  EXPECT_EQ(limits::headline, 120u);
  EXPECT_EQ(limits::target_role, 80u);
  EXPECT_EQ(limits::bio, 2000u);
  EXPECT_EQ(limits::topics, 20u);
  EXPECT_EQ(limits::topic, 40u);
  EXPECT_EQ(limits::languages, 10u);
  EXPECT_EQ(limits::question_ids_max, 5u);
}

TEST(text_rules, refuse_control_characters) {
  for (const std::string& bad : {std::string("a\x01" "b"), std::string("a\nb"), std::string("a\rb"), std::string("a\tb"),
                                std::string("a\x7f" "b"), std::string("a\x1f" "b"), std::string("a\0b", 3)})
    expect_invalid(check_text("name", bad, 1, limits::name), "name", "control character");
}

TEST(text_rules, bio_may_hold_line_breaks_and_tabs_but_no_other_control_characters) {
  EXPECT_EQ(check_text("bio", "line one\nline two\r\n\tindented", 0, limits::bio), std::nullopt);
  expect_invalid(check_text("bio", "bell\x07", 0, limits::bio), "bio", "bell");
  expect_invalid(check_text("bio", std::string(2001, 'b'), 0, limits::bio), "bio", "2001");
  EXPECT_EQ(check_text("bio", std::string(2000, 'b'), 0, limits::bio), std::nullopt);
}

TEST(list_rules, take_at_most_max_entries_of_1_to_max_characters) {
  std::vector<std::string> twenty(20, "graphs");
  EXPECT_EQ(check_list("topics", twenty, limits::topics, limits::topic), std::nullopt);
  twenty.push_back("one more");
  expect_invalid(check_list("topics", twenty, limits::topics, limits::topic), "topics", "21 entries");
  EXPECT_EQ(check_list("topics", {std::string(40, 't')}, limits::topics, limits::topic), std::nullopt);
  EXPECT_EQ(check_list("topics", {repeat(kanji, 40)}, limits::topics, limits::topic), std::nullopt);
  expect_invalid(check_list("topics", {std::string(41, 't')}, limits::topics, limits::topic), "topics", "41");
  expect_invalid(check_list("topics", {"ok", ""}, limits::topics, limits::topic), "topics", "empty entry");
  expect_invalid(check_list("topics", {"  "}, limits::topics, limits::topic), "topics", "blank entry");
  expect_invalid(check_list("languages", {"C\x1f++"}, limits::languages, limits::language), "languages", "unit separator");
  EXPECT_EQ(check_list("topics", {}, limits::topics, limits::topic), std::nullopt);
}

TEST(profile_rules, complete_needs_target_role_level_and_a_topic) {
  profile p;
  EXPECT_FALSE(profile_complete(p));
  p.target_role = "Backend engineer";
  EXPECT_FALSE(profile_complete(p));
  p.level = experience_level::mid;
  EXPECT_FALSE(profile_complete(p));
  p.topics = {"graphs"};
  EXPECT_TRUE(profile_complete(p));
  p.target_role = "";
  EXPECT_FALSE(profile_complete(p));
  p.target_role = "Backend engineer";
  p.level.reset();
  EXPECT_FALSE(profile_complete(p));
}

TEST(profile_rules, headline_bio_timezone_and_availability_do_not_make_complete) {
  profile p;
  p.headline = "h";
  p.bio = "b";
  p.timezone = "Europe/Berlin";
  p.languages = {"C++"};
  EXPECT_FALSE(profile_complete(p));
}

} // namespace
