#include "push/p256.hpp"

#include "push/detail/openssl.hpp"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <cstring>
#include <utility>

namespace mm::push {
namespace {

using namespace detail;
using ecdsa_sig_ptr = std::unique_ptr<ECDSA_SIG, openssl_free<ECDSA_SIG_free>>;
using bio_ptr = std::unique_ptr<BIO, openssl_free<BIO_free>>;
using param_bld_ptr = std::unique_ptr<OSSL_PARAM_BLD, openssl_free<OSSL_PARAM_BLD_free>>;
using params_ptr = std::unique_ptr<OSSL_PARAM, openssl_free<OSSL_PARAM_free>>;

constexpr const char* curve_name = "prime256v1";

ec_group_ptr p256_group() {
  ec_group_ptr group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
  if (!group) throw_openssl("P-256 group");
  return group;
}

// An EVP_PKEY from OSSL_PARAMs: the public point, and the private scalar when given.
pkey_ptr key_from_data(const p256_point& pub, const BIGNUM* priv) {
  param_bld_ptr bld(OSSL_PARAM_BLD_new());
  if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve_name, 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size()) ||
      (priv && !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv)))
    throw_openssl("P-256 key parameters");
  params_ptr params(OSSL_PARAM_BLD_to_param(bld.get()));
  pkey_ctx_ptr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
    throw_openssl("P-256 key from data");
  return pkey_ptr(key);
}

// The uncompressed public point of an EC key on P-256; nullopt for any other key.
std::optional<p256_point> public_point_of(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "EC") != 1) return std::nullopt;
  char group[64] = {};
  std::size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1 ||
      std::string_view(group, len) != curve_name)
    return std::nullopt;
  EVP_PKEY_set_utf8_string_param(key, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "uncompressed");
  p256_point pub{};
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size(), &len) != 1 ||
      len != pub.size() || pub[0] != 0x04)
    return std::nullopt;
  return pub;
}

} // namespace

std::optional<p256_point> parse_p256_point(std::string_view bytes) {
  if (bytes.size() != 65 || static_cast<std::uint8_t>(bytes[0]) != 0x04) return std::nullopt;
  const auto group = p256_group();
  ec_point_ptr point(EC_POINT_new(group.get()));
  if (!point) throw_openssl("EC point");
  const bool ok = EC_POINT_oct2point(group.get(), point.get(), detail::bytes(bytes), bytes.size(), nullptr) == 1 &&
                  EC_POINT_is_on_curve(group.get(), point.get(), nullptr) == 1 &&
                  EC_POINT_is_at_infinity(group.get(), point.get()) == 0;
  ERR_clear_error();
  if (!ok) return std::nullopt;
  p256_point out;
  std::memcpy(out.data(), bytes.data(), out.size());
  return out;
}

p256_key p256_key::generate() {
  pkey_ptr key(EVP_EC_gen(curve_name));
  if (!key) throw_openssl("P-256 key generation");
  const auto pub = public_point_of(key.get());
  if (!pub) throw std::runtime_error("P-256 key generation: no public point");
  return p256_key(key.release(), *pub);
}

std::optional<p256_key> p256_key::from_scalar(std::string_view scalar) {
  if (scalar.size() != 32) return std::nullopt;
  const auto group = p256_group();
  bn_ptr d(BN_bin2bn(detail::bytes(scalar), 32, nullptr));
  if (!d) throw_openssl("scalar");
  if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0) return std::nullopt;
  ec_point_ptr q(EC_POINT_new(group.get()));
  bn_ctx_ptr ctx(BN_CTX_new());
  p256_point pub{};
  if (!q || !ctx || EC_POINT_mul(group.get(), q.get(), d.get(), nullptr, nullptr, ctx.get()) != 1 ||
      EC_POINT_point2oct(group.get(), q.get(), POINT_CONVERSION_UNCOMPRESSED, pub.data(), pub.size(), ctx.get()) != pub.size())
    throw_openssl("public point");
  auto key = key_from_data(pub, d.get());
  return p256_key(key.release(), pub);
}

std::optional<p256_key> p256_key::from_pem(std::string_view pem) {
  bio_ptr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw_openssl("BIO");
  // A callback that supplies no passphrase: an encrypted key is refused, never prompted for.
  auto no_passphrase = [](char*, int, int, void*) { return 0; };
  pkey_ptr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  ERR_clear_error();
  if (!key) return std::nullopt;
  const auto pub = public_point_of(key.get());
  if (!pub) return std::nullopt;
  return p256_key(key.release(), *pub);
}

p256_key::p256_key(p256_key&& other) noexcept : key_(std::exchange(other.key_, nullptr)), public_(other.public_) {}

p256_key& p256_key::operator=(p256_key&& other) noexcept {
  if (this != &other) {
    EVP_PKEY_free(key_);
    key_ = std::exchange(other.key_, nullptr);
    public_ = other.public_;
  }
  return *this;
}

p256_key::~p256_key() { EVP_PKEY_free(key_); }

std::string p256_key::to_pem() const {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    throw_openssl("PEM encoding");
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

ecdh_secret p256_key::ecdh(const p256_point& peer) const {
  const auto peer_key = key_from_data(peer, nullptr);
  pkey_ctx_ptr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key_, nullptr));
  ecdh_secret out{};
  std::size_t len = out.size();
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_derive_set_peer(ctx.get(), peer_key.get()) <= 0 ||
      EVP_PKEY_derive(ctx.get(), out.data(), &len) <= 0 || len != out.size())
    throw_openssl("ECDH");
  return out;
}

es256_signature p256_key::sign_es256(std::string_view data) const {
  md_ctx_ptr md(EVP_MD_CTX_new());
  unsigned char der[80];
  std::size_t der_len = sizeof der;
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key_) != 1 ||
      EVP_DigestSign(md.get(), der, &der_len, detail::bytes(data), data.size()) != 1)
    throw_openssl("ES256 signature");
  const unsigned char* p = der;
  ecdsa_sig_ptr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der_len)));
  if (!sig) throw_openssl("ES256 signature decoding");
  es256_signature out{};
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out.data(), 32) != 32 ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out.data() + 32, 32) != 32)
    throw_openssl("ES256 signature encoding");
  return out;
}

bool verify_es256(const p256_point& pub, std::string_view data, const es256_signature& sig) {
  const auto key = key_from_data(pub, nullptr);
  ecdsa_sig_ptr ecdsa(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(sig.data(), 32, nullptr);
  BIGNUM* s = BN_bin2bn(sig.data() + 32, 32, nullptr);
  if (!ecdsa || !r || !s || ECDSA_SIG_set0(ecdsa.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    throw_openssl("ECDSA signature");
  }
  unsigned char* der = nullptr;
  const int der_len = i2d_ECDSA_SIG(ecdsa.get(), &der);
  if (der_len <= 0) throw_openssl("ECDSA signature encoding");
  struct openssl_buffer_free {
    void operator()(unsigned char* p) const noexcept { OPENSSL_free(p); }
  };
  std::unique_ptr<unsigned char, openssl_buffer_free> der_owner(der);
  md_ctx_ptr md(EVP_MD_CTX_new());
  const bool ok = md && EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
                  EVP_DigestVerify(md.get(), der, static_cast<std::size_t>(der_len), detail::bytes(data), data.size()) == 1;
  ERR_clear_error();
  return ok;
}

} // namespace mm::push
