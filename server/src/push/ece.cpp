#include "push/ece.hpp"

#include "push/detail/openssl.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <stdexcept>

namespace mm::push::ece {
namespace {

using namespace detail;

std::string hkdf(const char* mode, std::string_view key, std::string_view salt, std::string_view info, std::size_t length) {
  std::unique_ptr<EVP_KDF, openssl_free<EVP_KDF_free>> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  if (!kdf) throw_openssl("HKDF");
  kdf_ctx_ptr ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) throw_openssl("HKDF context");
  OSSL_PARAM params[6];
  std::size_t n = 0;
  char digest[] = "SHA256";
  params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
  params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MODE, const_cast<char*>(mode), 0);
  params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char*>(key.data()), key.size());
  if (!salt.empty())
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()), salt.size());
  if (!info.empty())
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()), info.size());
  params[n] = OSSL_PARAM_construct_end();
  std::string out(length, '\0');
  if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), out.size(), params) != 1)
    throw_openssl("HKDF derive");
  return out;
}

std::string record_nonce(const std::string& base, std::uint64_t seq) {
  std::string nonce = base;
  for (std::size_t i = 0; i < 8; ++i)
    nonce[nonce_size - 1 - i] = static_cast<char>(static_cast<std::uint8_t>(nonce[nonce_size - 1 - i]) ^ ((seq >> (8 * i)) & 0xff));
  return nonce;
}

// AES-128-GCM of `plain` appended to `out`: ciphertext then the 16-octet tag.
void seal(const content_keys& keys, std::uint64_t seq, std::string_view plain, std::string& out) {
  cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
  const std::string nonce = record_nonce(keys.nonce, seq);
  const std::size_t at = out.size();
  out.resize(at + plain.size() + tag_size);
  auto* dst = reinterpret_cast<unsigned char*>(out.data() + at);
  int len = 0, final_len = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce_size), nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(keys.cek), bytes(nonce)) != 1 ||
      EVP_EncryptUpdate(ctx.get(), dst, &len, bytes(plain), static_cast<int>(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), dst + len, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_size), dst + plain.size()) != 1)
    throw_openssl("AES-128-GCM encryption");
}

std::optional<std::string> open(const content_keys& keys, std::uint64_t seq, std::string_view record) {
  if (record.size() < tag_size) return std::nullopt;
  const std::string_view cipher = record.substr(0, record.size() - tag_size);
  std::string tag(record.substr(cipher.size()));
  cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
  const std::string nonce = record_nonce(keys.nonce, seq);
  std::string plain(cipher.size(), '\0');
  auto* dst = reinterpret_cast<unsigned char*>(plain.data());
  int len = 0, final_len = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce_size), nullptr) != 1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(keys.cek), bytes(nonce)) != 1 ||
      EVP_DecryptUpdate(ctx.get(), dst, &len, bytes(cipher), static_cast<int>(cipher.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_size), tag.data()) != 1)
    throw_openssl("AES-128-GCM decryption");
  const bool authentic = EVP_DecryptFinal_ex(ctx.get(), dst + len, &final_len) == 1;
  ERR_clear_error();
  if (!authentic) return std::nullopt;
  return plain;
}

} // namespace

std::string hkdf_extract(std::string_view salt, std::string_view ikm) { return hkdf("EXTRACT_ONLY", ikm, salt, {}, 32); }

std::string hkdf_expand(std::string_view prk, std::string_view info, std::size_t length) {
  return hkdf("EXPAND_ONLY", prk, {}, info, length);
}

content_keys derive_keys(std::string_view ikm, std::string_view salt) {
  using namespace std::string_view_literals;
  content_keys keys;
  keys.prk = hkdf_extract(salt, ikm);
  keys.cek = hkdf_expand(keys.prk, "Content-Encoding: aes128gcm\0"sv, key_size);
  keys.nonce = hkdf_expand(keys.prk, "Content-Encoding: nonce\0"sv, nonce_size);
  return keys;
}

std::optional<header> parse_header(std::string_view body) {
  if (body.size() < salt_size + 5) return std::nullopt;
  header h;
  h.salt = std::string(body.substr(0, salt_size));
  for (std::size_t i = 0; i < 4; ++i) h.rs = (h.rs << 8) | static_cast<std::uint8_t>(body[salt_size + i]);
  const std::size_t idlen = static_cast<std::uint8_t>(body[salt_size + 4]);
  h.size = salt_size + 5 + idlen;
  if (body.size() < h.size || h.rs < min_record_size) return std::nullopt;
  h.keyid = std::string(body.substr(salt_size + 5, idlen));
  return h;
}

std::string encrypt(std::string_view ikm, std::string_view salt, std::string_view keyid, std::uint32_t rs,
                    std::string_view plaintext, std::size_t padding) {
  if (salt.size() != salt_size || keyid.size() > 255 || rs < min_record_size)
    throw std::invalid_argument("aes128gcm: bad salt, key id or record size");
  const content_keys keys = derive_keys(ikm, salt);
  std::string out(salt);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((rs >> shift) & 0xff);
  out += static_cast<char>(keyid.size());
  out += keyid;
  const std::size_t room = rs - tag_size - 1; // data and padding octets a record holds
  std::string record;
  for (std::uint64_t seq = 0;; ++seq) {
    const bool last = plaintext.size() + padding <= room;
    const std::size_t pad = std::min(padding, room);
    const std::size_t data = std::min(plaintext.size(), room - pad);
    record.assign(plaintext.substr(0, data));
    record += last ? '\x02' : '\x01';
    record.append(pad, '\0');
    seal(keys, seq, record, out);
    plaintext.remove_prefix(data);
    padding -= pad;
    if (last) return out;
  }
}

std::optional<std::string> decrypt(std::string_view ikm, std::string_view body) {
  const auto h = parse_header(body);
  if (!h) return std::nullopt;
  const content_keys keys = derive_keys(ikm, h->salt);
  body.remove_prefix(h->size);
  if (body.empty()) return std::nullopt;
  std::string out;
  for (std::uint64_t seq = 0; !body.empty(); ++seq) {
    const std::string_view chunk = body.substr(0, h->rs);
    body.remove_prefix(chunk.size());
    auto plain = open(keys, seq, chunk);
    if (!plain) return std::nullopt;
    const auto delimiter = plain->find_last_not_of('\0');
    if (delimiter == std::string::npos) return std::nullopt;
    const char d = (*plain)[delimiter];
    const bool last = body.empty();
    // A full-size record may be the last one only when it says so; a short one must be last.
    if (d == '\x02' ? !last : (d != '\x01' || last || chunk.size() != h->rs)) return std::nullopt;
    out.append(*plain, 0, delimiter);
  }
  return out;
}

} // namespace mm::push::ece
