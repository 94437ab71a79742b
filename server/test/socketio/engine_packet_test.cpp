#include "socketio/base64.hpp"
#include "socketio/engine_packet.hpp"
#include "socketio/error.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::socketio;
using T = engine_packet_type;

TEST(base64, round_trips_every_tail_length) {
  EXPECT_EQ(base64_encode(std::string("\x01\x02\x03\x04", 4)), "AQIDBA==");
  EXPECT_EQ(base64_encode("ab"), "YWI=");
  EXPECT_EQ(base64_encode("abc"), "YWJj");
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_decode("AQIDBA=="), std::string("\x01\x02\x03\x04", 4));
  EXPECT_EQ(base64_decode("YWI="), "ab");
  EXPECT_EQ(base64_decode("YWJj"), "abc");
}

TEST(base64, rejects_malformed_text) {
  EXPECT_FALSE(base64_decode("AQI"));
  EXPECT_FALSE(base64_decode("A=QI"));
  EXPECT_FALSE(base64_decode("AQ!D"));
  EXPECT_FALSE(base64_decode("A==="));
  EXPECT_FALSE(base64_decode("AQ==AQ=="));
}

TEST(engine_packet, encodes_text_and_binary_packets) {
  EXPECT_EQ(encode_engine_packet({T::message, "hello", false}), "4hello");
  EXPECT_EQ(encode_engine_packet({T::ping, "probe", false}), "2probe");
  EXPECT_EQ(encode_engine_packet({T::close, "", false}), "1");
  EXPECT_EQ(encode_engine_packet({T::message, std::string("\x01\x02\x03\x04", 4), true}), "bAQIDBA==");
}

TEST(engine_packet, decodes_every_type) {
  EXPECT_EQ(*decode_engine_packet("0{\"sid\":\"x\"}"), (engine_packet{T::open, "{\"sid\":\"x\"}", false}));
  EXPECT_EQ(*decode_engine_packet("1"), (engine_packet{T::close, "", false}));
  EXPECT_EQ(*decode_engine_packet("2probe"), (engine_packet{T::ping, "probe", false}));
  EXPECT_EQ(*decode_engine_packet("3"), (engine_packet{T::pong, "", false}));
  EXPECT_EQ(*decode_engine_packet("4hello"), (engine_packet{T::message, "hello", false}));
  EXPECT_EQ(*decode_engine_packet("5"), (engine_packet{T::upgrade, "", false}));
  EXPECT_EQ(*decode_engine_packet("6"), (engine_packet{T::noop, "", false}));
  EXPECT_EQ(*decode_engine_packet("bAQIDBA=="), (engine_packet{T::message, std::string("\x01\x02\x03\x04", 4), true}));
}

TEST(engine_packet, rejects_malformed_packets) {
  EXPECT_EQ(decode_engine_packet("").error(), error::invalid_packet);
  EXPECT_EQ(decode_engine_packet("abc").error(), error::invalid_packet);
  EXPECT_EQ(decode_engine_packet("7").error(), error::invalid_packet);
  EXPECT_EQ(decode_engine_packet("bnot base64").error(), error::invalid_packet);
}

TEST(engine_payload, joins_frames_with_the_record_separator) {
  std::vector<engine_frame> frames{make_engine_frame(T::message, "hello"),
                                   {std::make_shared<const std::string>("\x01\x02\x03\x04", 4), true},
                                   make_engine_frame(T::ping)};
  EXPECT_EQ(encode_engine_payload(frames), "4hello\x1e" "bAQIDBA==\x1e" "2");
  EXPECT_EQ(encode_engine_payload(std::span<const engine_frame>{}), "");
}

TEST(engine_payload, splits_and_decodes_a_payload) {
  auto packets = decode_engine_payload("4test1\x1e" "4test2\x1e" "bAQIDBA==");
  ASSERT_TRUE(packets);
  ASSERT_EQ(packets->size(), 3u);
  EXPECT_EQ((*packets)[1], (engine_packet{T::message, "test2", false}));
  EXPECT_TRUE((*packets)[2].binary);
}

TEST(engine_payload, fails_on_any_bad_packet) {
  EXPECT_FALSE(decode_engine_payload("abc"));
  EXPECT_FALSE(decode_engine_payload("4ok\x1e"));
  EXPECT_FALSE(decode_engine_payload("4ok\x1e" "x"));
  EXPECT_FALSE(decode_engine_payload(""));
}

} // namespace
