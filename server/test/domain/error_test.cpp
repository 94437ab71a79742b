#include "domain/error.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using mm::domain::errc;

struct code_row {
  errc code;
  const char* name;
  int status;
};

// API.md, "Conventions": every code and its HTTP status.
constexpr code_row contract_codes[] = {
    {errc::validation_failed, "validation_failed", 400},
    {errc::malformed_json, "malformed_json", 400},
    {errc::unauthorized, "unauthorized", 401},
    {errc::forbidden, "forbidden", 403},
    {errc::not_found, "not_found", 404},
    {errc::conflict, "conflict", 409},
    {errc::invitation_expired, "invitation_expired", 410},
    {errc::invitee_busy, "invitee_busy", 409},
    {errc::payload_too_large, "payload_too_large", 413},
    {errc::rate_limited, "rate_limited", 429},
    {errc::internal, "internal", 500},
    {errc::unavailable, "unavailable", 503},
};

TEST(error_codes, spell_every_code_as_the_contract_does) {
  for (const auto& row : contract_codes) EXPECT_EQ(mm::domain::code_name(row.code), row.name);
}

TEST(error_codes, map_every_code_to_its_http_status) {
  for (const auto& row : contract_codes) EXPECT_EQ(mm::domain::http_status(row.code), row.status) << row.name;
}

TEST(error_codes, names_are_distinct) {
  std::set<std::string> names;
  for (const auto& row : contract_codes) EXPECT_TRUE(names.insert(std::string(mm::domain::code_name(row.code))).second);
}

TEST(error_codes, fail_builds_a_failure_without_retry_after) {
  const auto f = mm::domain::fail(errc::conflict, "Already answered.");
  EXPECT_EQ(f.code, errc::conflict);
  EXPECT_EQ(f.message, "Already answered.");
  EXPECT_EQ(f.retry_after_seconds, 0);
}

TEST(error_codes, outcome_holds_a_value_or_a_failure) {
  mm::domain::outcome<int> good = 7;
  mm::domain::outcome<int> bad = mm::domain::fail(errc::not_found, "No such thing.");
  ASSERT_TRUE(good);
  EXPECT_EQ(*good, 7);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::not_found);
}

TEST(error_codes, reading_the_value_of_a_failure_throws) {
  mm::domain::outcome<int> bad = mm::domain::fail(errc::not_found, "No such thing.");
  EXPECT_THROW((void)bad.value(), std::logic_error);
}

} // namespace
