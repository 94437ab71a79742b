#include "net/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace mm::net {

bool valid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    // Socket.IO text is mostly ASCII JSON: eight bytes at a time while no byte has its top bit.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p == end) break;
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    const auto left = end - p;
    auto cont = [&](int i) { return (p[i] & 0xC0) == 0x80; };
    if (c < 0xC2) return false; // a continuation byte, or an overlong two-byte form
    if (c < 0xE0) {
      if (left < 2 || !cont(1)) return false;
      p += 2;
    } else if (c < 0xF0) {
      if (left < 3 || !cont(1) || !cont(2)) return false;
      if (c == 0xE0 && p[1] < 0xA0) return false; // overlong
      if (c == 0xED && p[1] > 0x9F) return false; // surrogate
      p += 3;
    } else if (c < 0xF5) {
      if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return false;
      if (c == 0xF0 && p[1] < 0x90) return false; // overlong
      if (c == 0xF4 && p[1] > 0x8F) return false; // above U+10FFFF
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::size_t utf8_prefix(std::string_view text, std::size_t limit) noexcept {
  if (text.size() <= limit) return text.size();
  std::size_t cut = limit;
  // Back off to the first byte of the sequence the cut falls in.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

} // namespace mm::net
