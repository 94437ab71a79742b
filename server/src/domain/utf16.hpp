#pragma once
// UTF-8 <-> UTF-16, for text whose positions count UTF-16 code units as JavaScript strings do
// (the shared editor's documents, API.md "Shared code editor"). Both directions refuse what is
// not valid Unicode, so a document that went in comes out byte for byte. Pure.
#include <optional>
#include <string>
#include <string_view>

namespace mm::domain {

// nullopt for invalid UTF-8: a truncated or stray continuation byte, an overlong form, an
// encoded surrogate (U+D800..U+DFFF) or a code point above U+10FFFF.
std::optional<std::u16string> utf8_to_utf16(std::string_view s);
// nullopt when `s` holds an unpaired surrogate.
std::optional<std::string> utf16_to_utf8(std::u16string_view s);

inline bool is_high_surrogate(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
inline bool is_low_surrogate(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

} // namespace mm::domain
