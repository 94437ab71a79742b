#include "domain/time.hpp"
#include "domain/fake_clock.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using namespace mm::domain;
using namespace std::chrono;

struct iso_row {
  const char* text;
  std::int64_t millis;
};

// Known instants, computed independently (`date -u -d @SECONDS`).
constexpr iso_row known_instants[] = {
    {"1970-01-01T00:00:00.000Z", 0},
    {"2026-11-23T19:04:41.123Z", 1'795'460'681'123},
    {"2024-02-29T12:00:00.001Z", 1'709'208'000'001},
    {"2000-01-01T00:00:00.000Z", 946'684'800'000},
    {"1999-12-31T23:59:59.999Z", 946'684'799'999},
    {"1969-12-31T23:59:59.999Z", -1},
    {"9999-12-31T23:59:59.999Z", 253'402'300'799'999},
};

TEST(iso8601, writes_utc_with_milliseconds) {
  for (const auto& row : known_instants) EXPECT_EQ(to_iso8601(from_millis(row.millis)), row.text);
}

TEST(iso8601, reads_what_it_writes) {
  for (const auto& row : known_instants) {
    const auto parsed = from_iso8601(row.text);
    ASSERT_TRUE(parsed) << row.text;
    EXPECT_EQ(to_millis(*parsed), row.millis) << row.text;
  }
}

TEST(iso8601, round_trips_every_millisecond_of_a_second_and_many_days) {
  for (std::int64_t ms = 1'790'000'000'000; ms < 1'790'000'001'000; ++ms) {
    const auto t = from_millis(ms);
    ASSERT_EQ(from_iso8601(to_iso8601(t)), t) << ms;
  }
  for (std::int64_t day = -1000; day < 30000; day += 7) {
    const auto t = from_millis(day * 86'400'000 + 12'345'678);
    ASSERT_EQ(from_iso8601(to_iso8601(t)), t) << day;
  }
}

TEST(iso8601, rejects_other_shapes) {
  for (const char* s : {
           "",
           "2026-11-23",
           "2026-11-23T19:04:41Z",          // no milliseconds
           "2026-11-23T19:04:41.123",       // no Z
           "2026-11-23T19:04:41.123+00:00", // offset instead of Z
           "2026-11-23T19:04:41.1234Z",     // too many digits
           "2026-11-23 19:04:41.123Z",      // space instead of T
           "2026-11-23T19:04:41.123z",      // lower-case z
           "2026-11-23T19:04:41.123ZZ",
           "2026/11/23T19:04:41.123Z",
           "not a timestamp at all!!",
       })
    EXPECT_EQ(from_iso8601(s), std::nullopt) << s;
}

TEST(iso8601, rejects_impossible_dates_and_times) {
  for (const char* s : {
           "2026-13-01T00:00:00.000Z", // month 13
           "2026-00-01T00:00:00.000Z", // month 0
           "2026-11-31T00:00:00.000Z", // 31 November
           "2025-02-29T00:00:00.000Z", // not a leap year
           "2100-02-29T00:00:00.000Z", // century, not a leap year
           "2026-11-00T00:00:00.000Z", // day 0
           "2026-11-23T24:00:00.000Z", // hour 24
           "2026-11-23T19:60:00.000Z", // minute 60
           "2026-11-23T19:04:60.000Z", // second 60
       })
    EXPECT_EQ(from_iso8601(s), std::nullopt) << s;
}

// "Parses exactly the format to_iso8601 writes": no signs or blanks inside the digit fields.
TEST(iso8601, rejects_signs_and_blanks_inside_digit_fields) {
  for (const char* s : {
           "2026-11-23T-1:04:41.123Z", // negative hour
           "2026-11-23T19:-4:41.123Z", // negative minute
           "2026-11-23T19:04:-1.123Z", // negative second
           "2026-11-23T19:04:41.-12Z", // negative milliseconds
           "2026-11-23T19:04:41.+12Z",
           "2026-11-23T 9:04:41.123Z", // blank instead of a digit
           "+026-11-23T19:04:41.123Z",
           " 2026-1-23T19:04:41.123Z",
       })
    EXPECT_EQ(from_iso8601(s), std::nullopt) << s;
}

TEST(time, millis_convert_both_ways) {
  EXPECT_EQ(to_millis(from_millis(1'795'460'681'123)), 1'795'460'681'123);
  EXPECT_EQ(to_millis(from_millis(-5)), -5);
}

TEST(time, seconds_convert_to_rounded_milliseconds) {
  EXPECT_EQ(seconds_to_ms(120).count(), 120'000);
  EXPECT_EQ(seconds_to_ms(0.1).count(), 100);
  EXPECT_EQ(seconds_to_ms(2.5).count(), 2'500);
  EXPECT_EQ(seconds_to_ms(0.0004).count(), 0);
  EXPECT_EQ(seconds_to_ms(0.0006).count(), 1);
  EXPECT_EQ(seconds_to_ms(0).count(), 0);
}

TEST(system_clock, tells_the_wall_time_in_whole_milliseconds) {
  const auto before = time_point_cast<milliseconds>(std::chrono::system_clock::now());
  const auto now = mm::domain::system_clock{}.now();
  const auto after = time_point_cast<milliseconds>(std::chrono::system_clock::now());
  EXPECT_LE(before, now);
  EXPECT_LE(now, after);
}

TEST(fake_clock, stands_still_until_moved) {
  mm::test::fake_clock clock(from_millis(1000));
  EXPECT_EQ(to_millis(clock.now()), 1000);
  EXPECT_EQ(to_millis(clock.now()), 1000);
  clock.advance(milliseconds{250});
  EXPECT_EQ(to_millis(clock.now()), 1250);
  clock.set(from_millis(5));
  EXPECT_EQ(to_millis(clock.now()), 5);
}

} // namespace
