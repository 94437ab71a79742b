#include "push/base64url.hpp"

#include <gtest/gtest.h>

using mm::push::base64url_decode;
using mm::push::base64url_encode;

TEST(base64url, encodes_without_padding_in_the_url_alphabet) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
}

TEST(base64url, decodes_with_or_without_padding) {
  EXPECT_EQ(base64url_decode("Zm9vYg"), "foob");
  EXPECT_EQ(base64url_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(base64url_decode("Zm9vYmE="), "fooba");
  EXPECT_EQ(base64url_decode("-_-_"), "\xfb\xff\xbf");
  EXPECT_EQ(base64url_decode(""), "");
}

TEST(base64url, refuses_what_no_encoder_writes) {
  EXPECT_FALSE(base64url_decode("Zm9v+g"));   // standard alphabet
  EXPECT_FALSE(base64url_decode("Zm9v/g"));
  EXPECT_FALSE(base64url_decode("Zm9vY"));    // a length no encoding has
  EXPECT_FALSE(base64url_decode("Zm=9"));     // '=' inside
  EXPECT_FALSE(base64url_decode("Zm9vYg="));  // padding of the wrong length
  EXPECT_FALSE(base64url_decode("===="));
  EXPECT_FALSE(base64url_decode("Zh"));       // non-zero trailing bits
  EXPECT_FALSE(base64url_decode("Zm9v Yg"));
}
