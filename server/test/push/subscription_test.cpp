#include "push/subscription.hpp"

#include "test_support.hpp"

using namespace mm::push;

namespace {
constexpr std::string_view p256dh =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
constexpr std::string_view auth = "BTBZMqHH6r4Tts7J_aSIgg";

std::string message_of(std::string_view key, std::string_view secret) {
  const auto r = parse_subscription_keys(key, secret);
  EXPECT_FALSE(r.has_value());
  if (r.has_value()) return {};
  EXPECT_EQ(r.error().code, mm::domain::errc::validation_failed);
  return r.error().message;
}
} // namespace

TEST(subscription, accepts_browser_keys_with_or_without_padding) {
  const auto keys = parse_subscription_keys(p256dh, auth);
  ASSERT_TRUE(keys);
  EXPECT_EQ(mm::test::b64_of(keys->p256dh), p256dh);
  EXPECT_EQ(mm::test::b64_of(keys->auth), auth);
  EXPECT_TRUE(parse_subscription_keys(std::string(p256dh) + "=", std::string(auth) + "=="));
}

TEST(subscription, refuses_a_p256dh_that_is_not_an_uncompressed_point_on_the_curve) {
  const auto point = mm::test::b64(p256dh);
  EXPECT_NE(message_of("not base64!", auth).find("keys.p256dh"), std::string::npos);
  EXPECT_NE(message_of(base64url_encode(point.substr(0, 64)), auth).find("keys.p256dh"), std::string::npos);
  auto compressed = point.substr(0, 33);
  compressed[0] = 0x02;
  EXPECT_NE(message_of(base64url_encode(compressed), auth).find("keys.p256dh"), std::string::npos);
  auto off_curve = point;
  off_curve[64] = static_cast<char>(off_curve[64] ^ 1);
  EXPECT_NE(message_of(base64url_encode(off_curve), auth).find("keys.p256dh"), std::string::npos);
  EXPECT_NE(message_of(base64url_encode(std::string(1, '\x04') + std::string(64, '\0')), auth).find("keys.p256dh"),
            std::string::npos);
}

TEST(subscription, refuses_an_auth_secret_that_is_not_16_bytes) {
  EXPECT_NE(message_of(p256dh, "BTBZMqHH6r4Tts7J_aSI").find("keys.auth"), std::string::npos);
  EXPECT_NE(message_of(p256dh, "BTBZMqHH6r4Tts7J_aSIggAA").find("keys.auth"), std::string::npos);
  EXPECT_NE(message_of(p256dh, "BTBZMqHH6r4Tts7J/aSIgg").find("keys.auth"), std::string::npos);
}
