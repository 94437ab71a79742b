#include "domain/enum_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace {

using namespace mm::domain;

const std::pair<experience_level, const char*> level_names[] = {
    {experience_level::student, "student"}, {experience_level::junior, "junior"}, {experience_level::mid, "mid"},
    {experience_level::senior, "senior"},   {experience_level::staff, "staff"},
};
const std::pair<interview_status, const char*> status_names[] = {
    {interview_status::pending, "pending"},     {interview_status::accepted, "accepted"},
    {interview_status::in_progress, "in_progress"}, {interview_status::completed, "completed"},
    {interview_status::rejected, "rejected"},   {interview_status::cancelled, "cancelled"},
    {interview_status::expired, "expired"},     {interview_status::abandoned, "abandoned"},
};
const std::pair<end_reason, const char*> reason_names[] = {
    {end_reason::declined, "declined"},   {end_reason::busy, "busy"},           {end_reason::cancelled, "cancelled"},
    {end_reason::invite_timeout, "invite_timeout"}, {end_reason::completed, "completed"}, {end_reason::no_show, "no_show"},
    {end_reason::left, "left"},           {end_reason::blocked, "blocked"},
};

TEST(names, experience_levels_are_spelled_as_the_contract_both_ways) {
  for (auto [value, name] : level_names) {
    EXPECT_EQ(to_string(value), name);
    EXPECT_EQ(parse_experience_level(name), value) << name;
  }
}

TEST(names, interview_statuses_are_spelled_as_the_contract_both_ways) {
  for (auto [value, name] : status_names) {
    EXPECT_EQ(to_string(value), name);
    EXPECT_EQ(parse_interview_status(name), value) << name;
  }
}

TEST(names, end_reasons_are_spelled_as_the_contract_both_ways) {
  for (auto [value, name] : reason_names) {
    EXPECT_EQ(to_string(value), name);
    EXPECT_EQ(parse_end_reason(name), value) << name;
  }
}

TEST(names, no_reason_is_the_empty_string_and_does_not_parse_back) {
  EXPECT_EQ(to_string(end_reason::none), "");
  EXPECT_EQ(parse_end_reason(""), std::nullopt);
}

TEST(names, unknown_spellings_are_rejected) {
  for (const char* s : {"", "Student", "SENIOR", "principal", " mid", "mid "})
    EXPECT_EQ(parse_experience_level(s), std::nullopt) << '"' << s << '"';
  for (const char* s : {"", "Pending", "in-progress", "inProgress", "done", "canceled", "accepted "})
    EXPECT_EQ(parse_interview_status(s), std::nullopt) << '"' << s << '"';
  for (const char* s : {"none", "Declined", "timeout", "no-show", "expired"})
    EXPECT_EQ(parse_end_reason(s), std::nullopt) << '"' << s << '"';
}

TEST(names, levels_are_ordered_from_student_to_staff) {
  // match_score measures level closeness by the enumerators' order.
  EXPECT_LT(static_cast<int>(experience_level::student), static_cast<int>(experience_level::junior));
  EXPECT_LT(static_cast<int>(experience_level::junior), static_cast<int>(experience_level::mid));
  EXPECT_LT(static_cast<int>(experience_level::mid), static_cast<int>(experience_level::senior));
  EXPECT_LT(static_cast<int>(experience_level::senior), static_cast<int>(experience_level::staff));
}

} // namespace
