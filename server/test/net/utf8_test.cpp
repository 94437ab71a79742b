#include "net/utf8.hpp"

#include <gtest/gtest.h>

namespace {
using mm::net::utf8_prefix;
using mm::net::valid_utf8;
using namespace std::string_literals;

TEST(utf8, accepts_well_formed_text_of_every_length) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("42[\"webrtc-offer\",{\"sdp\":\"v=0\"}]"));
  EXPECT_TRUE(valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"s)); // 2, 3 and 4 bytes
  EXPECT_TRUE(valid_utf8("\xf4\x8f\xbf\xbf"s));                          // U+10FFFF
  EXPECT_TRUE(valid_utf8("\xed\x9f\xbf"s));                              // U+D7FF, just below the surrogates
}

TEST(utf8, refuses_overlongs_surrogates_and_what_lies_beyond_u10ffff) {
  for (const auto& bad : {"\x80"s, "\xc0\x80"s, "\xc1\xbf"s, "\xe0\x9f\xbf"s, "\xed\xa0\x80"s, "\xed\xbf\xbf"s,
                          "\xf0\x8f\xbf\xbf"s, "\xf4\x90\x80\x80"s, "\xf5\x80\x80\x80"s, "\xff"s, "abcdefgh\xc3"s,
                          "\xe2\x82"s, "\xe2\x28\xa1"s})
    EXPECT_FALSE(valid_utf8(bad)) << bad.size();
}

TEST(utf8, cuts_before_a_character_not_inside_it) {
  EXPECT_EQ(utf8_prefix("abc", 5), 3u);
  EXPECT_EQ(utf8_prefix("ab\xc3\xa9"s, 3), 2u);
  EXPECT_EQ(utf8_prefix("ab\xc3\xa9"s, 4), 4u);
  EXPECT_EQ(utf8_prefix("\xf0\x9f\x98\x80z"s, 3), 0u);
}

} // namespace
