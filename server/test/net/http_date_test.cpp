#include "net/http_date.hpp"

#include <gtest/gtest.h>

namespace {
using mm::net::http_date;

TEST(http_date, is_the_imf_fixdate_of_rfc_9110) {
  EXPECT_EQ(http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT"); // RFC 9110's own example
  EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(http_date(1796342399), "Thu, 03 Dec 2026 23:59:59 GMT");
  EXPECT_EQ(http_date(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
}

TEST(http_date, now_is_the_current_second) {
  const auto before = std::time(nullptr);
  const auto& now = mm::net::http_date_now();
  const auto after = std::time(nullptr);
  EXPECT_TRUE(now == http_date(before) || now == http_date(after)) << now;
}
} // namespace
