#include "sandbox/output_capture.hpp"

#include <gtest/gtest.h>

namespace {

using mm::sandbox::output_capture;

TEST(output_capture, keeps_everything_under_its_cap) {
  output_capture c(10);
  c.append("hello");
  c.append(" you");
  EXPECT_EQ(c.kept(), "hello you");
  EXPECT_FALSE(c.truncated());
  EXPECT_EQ(c.total(), 9u);
  EXPECT_EQ(c.tail(), "hello you");
}

TEST(output_capture, keeps_the_first_bytes_and_counts_the_rest) {
  output_capture c(4);
  c.append("abc");
  c.append("defgh");
  c.append("ij");
  EXPECT_EQ(c.kept(), "abcd");
  EXPECT_TRUE(c.truncated());
  EXPECT_EQ(c.total(), 10u);
}

TEST(output_capture, exactly_the_cap_is_not_truncated) {
  output_capture c(3);
  c.append("abc");
  EXPECT_FALSE(c.truncated());
  c.append("");
  EXPECT_FALSE(c.truncated());
  c.append("d");
  EXPECT_TRUE(c.truncated());
}

TEST(output_capture, the_tail_is_the_last_bytes_seen_whatever_the_chunks) {
  output_capture c(0);
  std::string all;
  for (int i = 0; i < 3000; ++i) {
    const auto chunk = std::to_string(i) + ",";
    c.append(chunk);
    all += chunk;
  }
  EXPECT_EQ(c.kept(), "");
  EXPECT_EQ(c.tail(), all.substr(all.size() - output_capture::tail_bytes));
  c.append(std::string(5000, 'x') + "MemoryError\n");
  EXPECT_EQ(c.tail(), std::string(output_capture::tail_bytes - 12, 'x') + "MemoryError\n");
}

} // namespace
