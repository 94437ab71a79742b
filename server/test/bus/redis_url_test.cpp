// --redis URLs (bus/redis_url.hpp).
#include "bus/redis_url.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {
using mm::bus::parse_redis_url;

TEST(redis_url, defaults_to_port_6379_and_database_0) {
  const auto e = parse_redis_url("redis://cache.internal");
  EXPECT_EQ(e.host, "cache.internal");
  EXPECT_EQ(e.port, 6379);
  EXPECT_EQ(e.db, 0);
  EXPECT_TRUE(e.password.empty());
}

TEST(redis_url, reads_credentials_port_and_database) {
  const auto e = parse_redis_url("redis://me:s3cret@10.0.0.2:6380/3");
  EXPECT_EQ(e.user, "me");
  EXPECT_EQ(e.password, "s3cret");
  EXPECT_EQ(e.host, "10.0.0.2");
  EXPECT_EQ(e.port, 6380);
  EXPECT_EQ(e.db, 3);
  EXPECT_EQ(parse_redis_url("redis://onlypass@h").password, "onlypass");
}

TEST(redis_url, reads_an_ipv6_host_in_brackets) {
  const auto e = parse_redis_url("redis://[::1]:7000");
  EXPECT_EQ(e.host, "::1");
  EXPECT_EQ(e.port, 7000);
}

TEST(redis_url, an_empty_host_is_this_machine) { EXPECT_EQ(parse_redis_url("redis://").host, "127.0.0.1"); }

TEST(redis_url, refuses_what_is_not_a_redis_url) {
  for (const char* bad : {"http://h", "redis://:6379", "redis://h:port", "redis://h/db", "redis://[::1", "redis://h:123456"})
    EXPECT_THROW(parse_redis_url(bad), std::invalid_argument) << bad;
}

} // namespace
