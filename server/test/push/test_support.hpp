#pragma once
// Helpers for the push layer's tests: base64url literals and byte strings.
#include "push/base64url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace mm::test {

// The octets of a base64url literal from an RFC (fails the test when it is not base64url).
inline std::string b64(std::string_view text) {
  auto bytes = push::base64url_decode(text);
  EXPECT_TRUE(bytes.has_value()) << "not base64url: " << text;
  return bytes.value_or(std::string());
}

inline std::string b64_of(const auto& array) {
  return push::base64url_encode({reinterpret_cast<const char*>(array.data()), array.size()});
}

} // namespace mm::test
