// RFC 8188 section 3: the two published examples of the aes128gcm coding, byte for byte.
#include "push/ece.hpp"

#include "test_support.hpp"

using namespace mm::push;
using mm::test::b64;

namespace {

// Section 3.1: one record of 4096, no key id.
constexpr std::string_view example1_ikm = "yqdlZ-tYemfogSmv7Ws5PQ";
constexpr std::string_view example1_salt = "I1BsxtFttlv3u_Oo94xnmw";
constexpr std::string_view example1_body = "I1BsxtFttlv3u_Oo94xnmwAAEAAA-NAVub2qFgBEuQKRapoZu-IxkIva3MEB1PD-ly8Thjg";
// Section 3.2: records of 25 octets, key id "a1", one octet of padding.
constexpr std::string_view example2_ikm = "BO3ZVPxUlnLORbVGMpbT1Q";
constexpr std::string_view example2_body =
    "uNCkWiNYzKTnBN9ji3-qWAAAABkCYTHOG8chz_gnvgOqdGYovxyjuqRyJFjEDyoF1Fvkj6hQPdPHI51OEUKEpgz3SsLWIqS_uA";

} // namespace

TEST(ece, derives_the_published_prk_key_and_nonce) {
  const auto keys = ece::derive_keys(b64(example1_ikm), b64(example1_salt));
  EXPECT_EQ(base64url_encode(keys.prk), "zyeH5phsIsgUyd4oiSEIy35x-gIi4aM7y0hCF8mwn9g");
  EXPECT_EQ(base64url_encode(keys.cek), "_wniytB-ofscZDh4tbSjHw");
  EXPECT_EQ(base64url_encode(keys.nonce), "Bcs8gkIRKLI8GeI8");
}

TEST(ece, encrypts_example_3_1_byte_for_byte) {
  EXPECT_EQ(base64url_encode(ece::encrypt(b64(example1_ikm), b64(example1_salt), "", 4096, "I am the walrus")),
            example1_body);
}

TEST(ece, decrypts_example_3_1) {
  EXPECT_EQ(ece::decrypt(b64(example1_ikm), b64(example1_body)), "I am the walrus");
}

TEST(ece, reads_the_header_of_example_3_2) {
  const auto h = ece::parse_header(b64(example2_body));
  ASSERT_TRUE(h);
  EXPECT_EQ(base64url_encode(h->salt), "uNCkWiNYzKTnBN9ji3-qWA");
  EXPECT_EQ(h->rs, 25u);
  EXPECT_EQ(h->keyid, "a1");
  EXPECT_EQ(h->size, 23u);
}

TEST(ece, decrypts_example_3_2_across_two_records) {
  EXPECT_EQ(ece::decrypt(b64(example2_ikm), b64(example2_body)), "I am the walrus");
}

TEST(ece, encrypts_example_3_2_byte_for_byte) {
  const auto body = ece::encrypt(b64(example2_ikm), b64("uNCkWiNYzKTnBN9ji3-qWA"), "a1", 25, "I am the walrus", 1);
  EXPECT_EQ(base64url_encode(body), example2_body);
}

TEST(ece, round_trips_many_records_with_padding) {
  const std::string ikm(16, 'k'), salt(16, 's');
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>('a' + i % 26);
  for (const std::size_t padding : {0u, 1u, 7u, 40u}) {
    const auto body = ece::encrypt(ikm, salt, "id", 40, text, padding);
    EXPECT_EQ(ece::decrypt(ikm, body), text) << padding;
  }
}

// The salt, the key id length, the ciphertext and the tag are all bound (rs is not: RFC 8188
// leaves it unauthenticated, and one record reads the same under any larger rs).
TEST(ece, refuses_a_wrong_key_or_a_changed_octet) {
  const auto body = b64(example1_body);
  EXPECT_FALSE(ece::decrypt(b64(example2_ikm), body));
  for (const std::size_t i : {std::size_t{0}, std::size_t{20}, std::size_t{21}, body.size() - 1}) {
    auto changed = body;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    EXPECT_FALSE(ece::decrypt(b64(example1_ikm), changed)) << i;
  }
}

TEST(ece, refuses_truncation_and_missing_records) {
  const auto body = b64(example2_body);
  EXPECT_FALSE(ece::decrypt(b64(example2_ikm), body.substr(0, 23)));          // header only
  EXPECT_FALSE(ece::decrypt(b64(example2_ikm), body.substr(0, 23 + 25)));     // the last record lost
  EXPECT_FALSE(ece::decrypt(b64(example2_ikm), body.substr(0, body.size() - 1)));
  EXPECT_FALSE(ece::parse_header(body.substr(0, 20)));
}

TEST(ece, refuses_a_record_size_below_the_minimum) {
  auto body = b64(example1_body);
  body[16] = body[17] = body[18] = 0;
  body[19] = 17;
  EXPECT_FALSE(ece::parse_header(body));
  EXPECT_THROW(ece::encrypt(b64(example1_ikm), b64(example1_salt), "", 17, "x"), std::invalid_argument);
}
