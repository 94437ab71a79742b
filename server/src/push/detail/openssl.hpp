#pragma once
// Private to push's .cpp files: owning handles for OpenSSL objects, and OpenSSL's error queue as
// text.
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mm::push::detail {

template <auto Free>
struct openssl_free {
  template <class T>
  void operator()(T* p) const noexcept { Free(p); }
};

using pkey_ptr = std::unique_ptr<EVP_PKEY, openssl_free<EVP_PKEY_free>>;
using pkey_ctx_ptr = std::unique_ptr<EVP_PKEY_CTX, openssl_free<EVP_PKEY_CTX_free>>;
using md_ctx_ptr = std::unique_ptr<EVP_MD_CTX, openssl_free<EVP_MD_CTX_free>>;
using cipher_ctx_ptr = std::unique_ptr<EVP_CIPHER_CTX, openssl_free<EVP_CIPHER_CTX_free>>;
using kdf_ctx_ptr = std::unique_ptr<EVP_KDF_CTX, openssl_free<EVP_KDF_CTX_free>>;
using bn_ptr = std::unique_ptr<BIGNUM, openssl_free<BN_free>>;
using bn_ctx_ptr = std::unique_ptr<BN_CTX, openssl_free<BN_CTX_free>>;
using ec_group_ptr = std::unique_ptr<EC_GROUP, openssl_free<EC_GROUP_free>>;
using ec_point_ptr = std::unique_ptr<EC_POINT, openssl_free<EC_POINT_free>>;

// The reasons OpenSSL queued on this thread, joined with "; " (the queue is emptied).
std::string openssl_errors();

// For failures that mean broken infrastructure (out of memory, a missing algorithm), not input.
[[noreturn]] inline void throw_openssl(std::string_view what) {
  throw std::runtime_error(std::string(what) + ": " + openssl_errors());
}

inline const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

} // namespace mm::push::detail
