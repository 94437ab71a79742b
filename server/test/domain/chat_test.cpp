// domain::check_chat_text: "text 1 to 2,000 characters after trimming", in code points.
#include "domain/chat.hpp"

#include <gtest/gtest.h>

namespace mm::domain {
namespace {

TEST(chat_text, is_trimmed_at_both_ends) {
  EXPECT_EQ(check_chat_text("  hello there \n\t").value(), "hello there");
  EXPECT_EQ(check_chat_text("\xC2\xA0hi\xE3\x80\x80").value(), "hi"); // NBSP, ideographic space
}

TEST(chat_text, keeps_inner_line_breaks_and_tabs) {
  EXPECT_EQ(check_chat_text("line one\nline two\tend").value(), "line one\nline two\tend");
}

TEST(chat_text, must_not_be_empty_after_trimming) {
  for (const char* t : {"", "   ", "\n\n", "\xC2\xA0 \t"}) {
    auto r = check_chat_text(t);
    ASSERT_FALSE(r) << t;
    EXPECT_EQ(r.error().code, errc::validation_failed);
    EXPECT_EQ(r.error().message.rfind("text ", 0), 0u);
  }
}

TEST(chat_text, counts_characters_not_bytes) {
  std::string emoji;
  for (int i = 0; i < 2000; ++i) emoji += "\xF0\x9F\x98\x80"; // 2000 code points, 8000 bytes
  EXPECT_TRUE(check_chat_text(emoji));
  EXPECT_FALSE(check_chat_text(emoji + "\xF0\x9F\x98\x80"));
}

TEST(chat_text, at_most_2000_characters_after_trimming) {
  const std::string max(2000, 'a');
  EXPECT_TRUE(check_chat_text("   " + max + "   "));
  auto r = check_chat_text(max + "b");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::validation_failed);
}

TEST(chat_text, refuses_other_control_characters) {
  EXPECT_FALSE(check_chat_text(std::string("a\0b", 3)));
  EXPECT_FALSE(check_chat_text("a\x1b[31mb"));
  EXPECT_FALSE(check_chat_text("a\x7f"));
}

} // namespace
} // namespace mm::domain
