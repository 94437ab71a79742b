#include "domain/chat.hpp"

#include "domain/profile_rules.hpp"

#include <algorithm>

namespace mm::domain {

namespace {
// ASCII white space and the Unicode spaces an IME or a paste leaves: NBSP, U+2000..U+200B,
// U+2028/9, U+202F, U+205F, U+3000, U+FEFF. Returns the byte length of the space at the front.
std::size_t space_at(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
  if (starts("\xC2\xA0")) return 2;
  if (starts("\xE3\x80\x80") || starts("\xEF\xBB\xBF")) return 3;
  if (s.size() >= 3 && c == 0xE2) {
    const auto b1 = static_cast<unsigned char>(s[1]), b2 = static_cast<unsigned char>(s[2]);
    if (b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) return 3;
    if (b1 == 0x81 && b2 == 0x9F) return 3;
  }
  return 0;
}
// The byte length of the space that ends `s` (UTF-8 sequences are at most 3 bytes here).
std::size_t space_before_end(std::string_view s) {
  for (std::size_t n = 1; n <= 3 && n <= s.size(); ++n)
    if (space_at(s.substr(s.size() - n)) == n) return n;
  return 0;
}
} // namespace

outcome<std::string> check_chat_text(std::string_view text) {
  while (auto n = space_at(text)) text.remove_prefix(n);
  while (auto n = space_before_end(text)) text.remove_suffix(n);
  const auto n = utf8_length(text);
  if (n < 1) return fail(errc::validation_failed, "text must not be empty.");
  if (n > limits::chat_text) return fail(errc::validation_failed, "text must be at most 2000 characters.");
  const bool control = std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7f;
  });
  if (control) return fail(errc::validation_failed, "text must not contain control characters.");
  return std::string(text);
}

} // namespace mm::domain
