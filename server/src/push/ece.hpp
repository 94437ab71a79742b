#pragma once
// The "aes128gcm" HTTP content coding (RFC 8188): a header (salt, record size, key id) followed
// by AES-128-GCM records, with the content-encryption key and nonce derived by HKDF-SHA256 from
// input keying material. Pure functions over byte strings (std::string holds octets).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mm::push::ece {

inline constexpr std::size_t salt_size = 16;
inline constexpr std::size_t key_size = 16;   // AES-128
inline constexpr std::size_t nonce_size = 12;
inline constexpr std::size_t tag_size = 16;
inline constexpr std::uint32_t min_record_size = tag_size + 2; // one data octet and the delimiter

// HKDF-SHA256 (RFC 5869), through OpenSSL: PRK = Extract(salt, ikm); Expand(prk, info, length)
// with length at most 255 * 32.
std::string hkdf_extract(std::string_view salt, std::string_view ikm);
std::string hkdf_expand(std::string_view prk, std::string_view info, std::size_t length);

// RFC 8188 section 2.2 and 2.3: CEK = Expand(PRK, "Content-Encoding: aes128gcm\0", 16) and
// NONCE = Expand(PRK, "Content-Encoding: nonce\0", 12), PRK = Extract(salt, ikm).
struct content_keys {
  std::string prk;
  std::string cek;
  std::string nonce; // for record 0; record i uses nonce XOR i
};
content_keys derive_keys(std::string_view ikm, std::string_view salt);

struct header {
  std::string salt;       // 16 octets
  std::uint32_t rs = 0;   // record size, at least min_record_size
  std::string keyid;      // 0 to 255 octets
  std::size_t size = 0;   // octets the header takes: 21 + keyid length
};
// The header at the start of `body`; nullopt when it is truncated or rs is below the minimum.
std::optional<header> parse_header(std::string_view body);

// The coded form of `plaintext`: the header, then records of exactly `rs` octets but the last.
// Each record holds data, then the delimiter (0x01, or 0x02 in the last record), then zero
// octets of padding; `padding` zero octets in all go into the earliest records, as many as
// each has room for (the layout of RFC 8188 section 3.2). `salt` must be 16 octets, `keyid` at
// most 255, `rs` at least min_record_size (std::invalid_argument otherwise: a caller's bug).
std::string encrypt(std::string_view ikm, std::string_view salt, std::string_view keyid, std::uint32_t rs,
                    std::string_view plaintext, std::size_t padding = 0);

// The plaintext of a coded `body`; nullopt when the header or a record is malformed, a tag does
// not verify, a delimiter is missing or misplaced, padding is not zeros, or records follow the
// last one (RFC 8188 section 2: all of these are errors, never partial output).
std::optional<std::string> decrypt(std::string_view ikm, std::string_view body);

} // namespace mm::push::ece
