// UTF-8 <-> UTF-16 (domain/utf16.hpp): exact units both ways, and every kind of invalid input
// refused rather than replaced.
#include "domain/utf16.hpp"

#include <gtest/gtest.h>

namespace {

using namespace mm::domain;

TEST(utf8_to_utf16, counts_units_as_javascript_does) {
  struct row {
    std::string utf8;
    std::u16string utf16;
  };
  const row rows[] = {
      {"", u""},
      {"abc", u"abc"},
      {"\n\t", u"\n\t"},
      {"\xC3\xA9", u"\u00E9"},                  // é: 2 bytes, 1 unit
      {"\xE4\xB8\xAD", u"\u4E2D"},              // 中: 3 bytes, 1 unit
      {"\xF0\x9F\x98\x80", u"\xD83D\xDE00"},    // 😀: 4 bytes, 2 units
      {"a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" "b", u"a\xD83D\xDC4D\xD83C\xDFFD" "b"}, // 👍🏽 between letters
      {"\xEF\xBF\xBF", u"\uFFFF"},
      {"\xF4\x8F\xBF\xBF", u"\xDBFF\xDFFF"},    // U+10FFFF
  };
  for (const auto& r : rows) {
    auto u = utf8_to_utf16(r.utf8);
    ASSERT_TRUE(u) << r.utf8;
    EXPECT_EQ(*u, r.utf16) << r.utf8;
    auto back = utf16_to_utf8(*u);
    ASSERT_TRUE(back) << r.utf8;
    EXPECT_EQ(*back, r.utf8);
  }
  EXPECT_EQ(utf8_to_utf16("\xF0\x9F\x98\x80")->size(), 2u);
}

TEST(utf8_to_utf16, refuses_invalid_utf8) {
  const std::string bad[] = {
      "\x80",                 // a stray continuation byte
      "a\xC3",                // truncated at the end
      "\xE4\xB8",             // truncated three-byte form
      "\xF0\x9F\x98",         // truncated four-byte form
      "\xC3" "a",             // a lead byte followed by ASCII
      "\xC0\xAF",             // overlong '/'
      "\xE0\x80\xAF",         // overlong, three bytes
      "\xF0\x80\x80\xAF",     // overlong, four bytes
      "\xED\xA0\x80",         // an encoded high surrogate (CESU / WTF-8)
      "\xED\xBF\xBF",         // an encoded low surrogate
      "\xF4\x90\x80\x80",     // above U+10FFFF
      "\xF5\x80\x80\x80",     // lead byte beyond F4
      "\xFF",
  };
  for (const auto& s : bad) EXPECT_FALSE(utf8_to_utf16(s)) << "accepted byte string of size " << s.size();
}

TEST(utf16_to_utf8, refuses_unpaired_surrogates) {
  const std::u16string bad[] = {u"\xD83D", u"\xDE00", u"a\xD83D" "b", u"\xDE00\xD83D", u"\xD83D\xD83D\xDE00"};
  for (const auto& s : bad) EXPECT_FALSE(utf16_to_utf8(s));
  EXPECT_EQ(*utf16_to_utf8(u"\xD83D\xDE00"), "\xF0\x9F\x98\x80");
}

} // namespace
