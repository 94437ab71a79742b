#pragma once
// UTF-8 validation as RFC 3629 defines it (what RFC 6455 requires of text messages and close
// reasons): no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF. Pure.
#include <cstddef>
#include <string_view>

namespace mm::net {

// True when `text` is well-formed UTF-8 (the empty string is).
bool valid_utf8(std::string_view text) noexcept;

// The longest prefix of `text` of at most `limit` bytes that does not end inside a multi-byte
// sequence (for cutting a close reason to its 123 bytes).
std::size_t utf8_prefix(std::string_view text, std::size_t limit) noexcept;

} // namespace mm::net
