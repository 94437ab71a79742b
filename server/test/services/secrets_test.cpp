#include "services/secrets.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using namespace mm::services;

bool all_of(const std::string& s, std::string_view alphabet) {
  return s.find_first_not_of(alphabet) == std::string::npos;
}
constexpr std::string_view lower_hex = "0123456789abcdef";
constexpr std::string_view base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

TEST(new_id, is_the_prefix_and_128_bits_in_lower_case_hex) {
  const auto id = new_id("u");
  ASSERT_EQ(id.size(), 2u + 32u);
  EXPECT_EQ(id.substr(0, 2), "u_");
  EXPECT_TRUE(all_of(id.substr(2), lower_hex)) << id;
  EXPECT_EQ(new_id("room").substr(0, 5), "room_");
}

TEST(new_id, does_not_repeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) ASSERT_TRUE(seen.insert(new_id("r")).second);
}

TEST(new_token, is_256_bits_of_unpadded_base64url) {
  const auto token = new_token();
  EXPECT_EQ(token.size(), 43u) << token;  // ceil(256 / 6)
  EXPECT_TRUE(all_of(token, base64url)) << token;
}

TEST(new_token, does_not_repeat_and_uses_the_whole_alphabet) {
  std::set<std::string> seen;
  std::set<char> letters;
  for (int i = 0; i < 2000; ++i) {
    const auto t = new_token();
    ASSERT_TRUE(seen.insert(t).second);
    letters.insert(t.begin(), t.end());
  }
  EXPECT_EQ(letters.size(), 64u);
}

TEST(token_digest, is_the_lower_case_hex_sha256) {
  // Known vectors: FIPS 180-2 "abc", the empty string, and `printf a-token | sha256sum`.
  EXPECT_EQ(token_digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(token_digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(token_digest("a-token"), "1f6076e3a47ba1ded08025ffe06e57af217c14f9407f33fba50f99b1c7019387");
}

TEST(token_digest, differs_per_token_and_is_stable) {
  const auto t = new_token();
  EXPECT_EQ(token_digest(t), token_digest(t));
  EXPECT_NE(token_digest(t), token_digest(new_token()));
  EXPECT_EQ(token_digest(t).size(), 64u);
  EXPECT_TRUE(all_of(token_digest(t), lower_hex));
}

TEST(turn_password, is_base64_of_hmac_sha1_of_the_username) {
  // Computed independently: printf '%s' USERNAME | openssl dgst -sha1 -hmac SECRET -binary | base64
  EXPECT_EQ(turn_password("Jefe", "what do ya want for nothing?"), "7/zfauXrL6LSdBbV8YTfnCWafHk="); // RFC 2202 case 2
  EXPECT_EQ(turn_password("north-turn-secret", "1795460681:u_ada"), "GWfdnvzmC+re8TU+zm3PlzbwmZE=");
  EXPECT_EQ(turn_password("k", ""), "OoSiGO5mZSCbtw6EUl3YN2RaGWU=");
}

TEST(turn_password, depends_on_secret_and_username) {
  EXPECT_NE(turn_password("a", "1795460681:u_ada"), turn_password("b", "1795460681:u_ada"));
  EXPECT_NE(turn_password("a", "1795460681:u_ada"), turn_password("a", "1795460682:u_ada"));
  EXPECT_EQ(turn_password("a", "x").size(), 28u); // 20 bytes in padded base64
}

} // namespace
