#include "net/websocket_handshake.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::net::websocket;

TEST(websocket_handshake, computes_the_accept_value_of_rfc_6455) {
  EXPECT_EQ(accept_value("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="); // section 1.3
}

TEST(websocket_handshake, answers_101_with_no_subprotocol_and_no_extension) {
  EXPECT_EQ(switching_protocols("dGhlIHNhbXBsZSBub25jZQ==", "ab12cd34-1"),
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nX-Request-Id: ab12cd34-1\r\n\r\n");
}

TEST(websocket_handshake, accepts_only_keys_of_sixteen_bytes) {
  EXPECT_TRUE(is_valid_key("dGhlIHNhbXBsZSBub25jZQ=="));
  EXPECT_FALSE(is_valid_key(""));
  EXPECT_FALSE(is_valid_key("dGhlIHNhbXBsZSBub25jZQ="));    // 23 characters
  EXPECT_FALSE(is_valid_key("dGhlIHNhbXBsZSBub25jZQ=A"));   // not the padding of 16 bytes
  EXPECT_FALSE(is_valid_key("dGhlIHNhbXBsZSBub25j*Q=="));   // outside the alphabet
  EXPECT_FALSE(is_valid_key("dGhlIHNhbXBsZSBub25jZQ==AAAA"));
}

} // namespace
