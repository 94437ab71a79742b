#include "push/delivery.hpp"

#include <gtest/gtest.h>

using namespace mm::push;
using namespace std::chrono_literals;

namespace {
const auto now = mm::domain::from_millis(784'111'777'000); // Sun, 06 Nov 1994 08:49:37 GMT
}

TEST(delivery, classifies_push_service_answers) {
  for (unsigned s : {200u, 201u, 202u}) EXPECT_EQ(classify_status(s), delivery::delivered) << s;
  EXPECT_EQ(classify_status(404), delivery::gone);
  EXPECT_EQ(classify_status(410), delivery::gone);
  EXPECT_EQ(classify_status(413), delivery::too_large);
  for (unsigned s : {400u, 401u, 403u}) EXPECT_EQ(classify_status(s), delivery::rejected) << s;
  for (unsigned s : {301u, 302u, 303u, 307u, 308u}) EXPECT_EQ(classify_status(s), delivery::redirected) << s;
  for (unsigned s : {429u, 500u, 502u, 503u, 504u}) EXPECT_EQ(classify_status(s), std::nullopt) << s;
}

TEST(delivery, reads_retry_after_in_seconds_or_as_an_http_date) {
  EXPECT_EQ(parse_retry_after("120", now), 120s);
  EXPECT_EQ(parse_retry_after(" 0 ", now), 0s);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), 0s);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now), 30s);
  EXPECT_EQ(parse_retry_after("Mon, 07 Nov 1994 08:49:37 GMT", now), 86400s);
  EXPECT_EQ(parse_retry_after("Sat, 05 Nov 1994 08:49:37 GMT", now), 0s); // in the past
  for (const char* bad : {"", "-1", "1.5", "soon", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
                          "Sunday, 06-Nov-94 08:49:37 GMT", "9999999999"})
    EXPECT_EQ(parse_retry_after(bad, now), std::nullopt) << bad;
}

TEST(delivery, retries_at_most_three_tries_with_backoff) {
  const retry_policy policy;
  const auto deadline = now + 1h;
  EXPECT_EQ(next_retry_delay(policy, 1, std::nullopt, now, deadline), 1000ms);
  EXPECT_EQ(next_retry_delay(policy, 2, std::nullopt, now, deadline), 2000ms);
  EXPECT_EQ(next_retry_delay(policy, 3, std::nullopt, now, deadline), std::nullopt);
}

TEST(delivery, honours_retry_after_but_not_past_the_deadline) {
  const retry_policy policy;
  EXPECT_EQ(next_retry_delay(policy, 1, 30s, now, now + 1min), 30000ms);
  EXPECT_EQ(next_retry_delay(policy, 1, 0s, now, now + 1min), 0ms);
  EXPECT_EQ(next_retry_delay(policy, 1, 90s, now, now + 1min), std::nullopt);
  EXPECT_EQ(next_retry_delay(policy, 2, std::nullopt, now, now + 1s), std::nullopt); // 2 s backoff
}
