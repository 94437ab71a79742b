// RFC 8291 appendix A: the published push message, byte for byte, and its intermediate values.
#include "push/message_encryption.hpp"

#include "push/ece.hpp"
#include "push/subscription.hpp"
#include "test_support.hpp"

using namespace mm::push;
using mm::test::b64;

namespace {

constexpr std::string_view plaintext = "When I grow up, I want to be a watermelon";
constexpr std::string_view as_private = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view as_public =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
constexpr std::string_view ua_private = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
constexpr std::string_view ua_public =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
constexpr std::string_view salt = "DGv6ra1nlYgDCS1FRnbzlw";
constexpr std::string_view auth = "BTBZMqHH6r4Tts7J_aSIgg";
constexpr std::string_view message =
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3"
    "jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

subscription_keys rfc_subscription() {
  auto keys = parse_subscription_keys(ua_public, auth);
  EXPECT_TRUE(keys.has_value());
  return keys.value();
}

p256_key key_of(std::string_view scalar) {
  auto key = p256_key::from_scalar(b64(scalar));
  EXPECT_TRUE(key.has_value());
  return std::move(*key);
}

} // namespace

TEST(message_encryption, the_rfc_keys_have_the_published_public_points) {
  EXPECT_EQ(mm::test::b64_of(key_of(as_private).public_point()), as_public);
  EXPECT_EQ(mm::test::b64_of(key_of(ua_private).public_point()), ua_public);
}

TEST(message_encryption, derives_the_published_ecdh_secret) {
  const auto secret = key_of(as_private).ecdh(rfc_subscription().p256dh);
  EXPECT_EQ(mm::test::b64_of(secret), "kyrL1jIIOHEzg3sM2ZWRHDRB62YACZhhSlknJ672kSs");
}

TEST(message_encryption, derives_the_published_intermediate_keys) {
  const auto secret = key_of(as_private).ecdh(rfc_subscription().p256dh);
  const auto prk_key = ece::hkdf_extract(b64(auth), std::string_view(reinterpret_cast<const char*>(secret.data()), 32));
  EXPECT_EQ(base64url_encode(prk_key), "Snr3JMxaHVDXHWJn5wdC52WjpCtd2EIEGBykDcZW32k");
  std::string info("WebPush: info\0", 14);
  info += b64(ua_public);
  info += b64(as_public);
  EXPECT_EQ(base64url_encode(info),
            "V2ViUHVzaDogaW5mbwAEJXGyvs3942BVGq8e0PTNNmwRzr5VX4m8t7GGpTM5FzFo7OLr4BhZe9MEebhuPI-OztV3ylkYfpJGmQ22ggCLDgT-M_"
            "SrDepxkU21WCP3O1SUj0EwbZIHMtu5pZpTKGSCIA5Zent7wmC6HCJ5mFgJkuk5cwAvMBKiiujwa7t45ewP");
  const auto ikm = ece::hkdf_expand(prk_key, info, 32);
  EXPECT_EQ(base64url_encode(ikm), "S4lYMb_L0FxCeq0WhDx813KgSYqU26kOyzWUdsXYyrg");
  const auto keys = ece::derive_keys(ikm, b64(salt));
  EXPECT_EQ(base64url_encode(keys.prk), "09_eUZGrsvxChDCGRCdkLiDXrReGOEVeSCdCcPBSJSc");
  EXPECT_EQ(base64url_encode(keys.cek), "oIhVW04MRdy2XN9CiKLxTg");
  EXPECT_EQ(base64url_encode(keys.nonce), "4h_95klXJ5E_qnoN");
}

TEST(message_encryption, encrypts_the_appendix_a_message_byte_for_byte) {
  const auto body = encrypt_message(rfc_subscription(), plaintext, key_of(as_private), b64(salt));
  EXPECT_EQ(base64url_encode(body), message);
}

TEST(message_encryption, the_user_agent_decrypts_the_appendix_a_message) {
  EXPECT_EQ(decrypt_message(b64(message), key_of(ua_private), rfc_subscription().auth), plaintext);
}

TEST(message_encryption, fresh_messages_differ_and_decrypt) {
  const auto ua = p256_key::generate();
  subscription_keys to{ua.public_point(), {}};
  to.auth.fill(7);
  const auto a = encrypt_message(to, "{\"type\":\"invitation\"}");
  const auto b = encrypt_message(to, "{\"type\":\"invitation\"}");
  EXPECT_NE(a.substr(0, 16), b.substr(0, 16)); // salts
  EXPECT_NE(a.substr(21, 65), b.substr(21, 65)); // ephemeral keys
  EXPECT_EQ(decrypt_message(a, ua, to.auth), "{\"type\":\"invitation\"}");
  EXPECT_EQ(decrypt_message(b, ua, to.auth), "{\"type\":\"invitation\"}");
  auto wrong = to.auth;
  wrong[0] ^= 1;
  EXPECT_FALSE(decrypt_message(a, ua, wrong));
}

TEST(message_encryption, the_header_is_salt_4096_and_the_ephemeral_key) {
  const auto ua = p256_key::generate();
  subscription_keys to{ua.public_point(), {}};
  const auto body = encrypt_message(to, "x");
  const auto h = ece::parse_header(body);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->rs, 4096u);
  EXPECT_EQ(h->keyid.size(), 65u);
  EXPECT_TRUE(parse_p256_point(h->keyid));
  EXPECT_EQ(body.size(), 86u + 1 + 1 + 16); // header, data, delimiter 0x02, tag
}

TEST(message_encryption, refuses_plaintext_beyond_one_4096_octet_record) {
  const auto ua = p256_key::generate();
  subscription_keys to{ua.public_point(), {}};
  EXPECT_EQ(encrypt_message(to, std::string(max_message_plaintext, 'a')).size(), 4096u);
  EXPECT_THROW(encrypt_message(to, std::string(max_message_plaintext + 1, 'a')), std::invalid_argument);
}
