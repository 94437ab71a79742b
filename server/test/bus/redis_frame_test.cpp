// The Redis bus's frames against exact wire strings (bus/redis_frame.hpp).
#include "bus/redis_frame.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::bus;

TEST(redis_frame, encodes_origin_topic_event_and_payload_on_four_lines) {
  EXPECT_EQ(encode_frame("n1", {user_topic{"u_1"}, "interview-invitation-received", R"({"a":1})"}),
            "n1\nuser:u_1\ninterview-invitation-received\n{\"a\":1}");
  EXPECT_EQ(encode_frame("n2", {place_topic{"r_1", "u_2"}, "webrtc-offer", "{}"}), "n2\nroom:r_1:u_2\nwebrtc-offer\n{}");
}

TEST(redis_frame, parses_a_frame_back_and_keeps_line_feeds_in_the_payload) {
  auto f = parse_frame("n1\npresence:u_3\npresence\n{\"x\":\"a\nb\"}");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->origin, "n1");
  EXPECT_EQ(f->m.to, topic{presence_topic{"u_3"}});
  EXPECT_EQ(f->m.event, "presence");
  EXPECT_EQ(f->m.payload, "{\"x\":\"a\nb\"}");
}

TEST(redis_frame, round_trips_every_message) {
  const message m{room_topic{"r_7"}, "room-closed", "{}"};
  auto f = parse_frame(encode_frame("node", m));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->m.to, m.to);
  EXPECT_EQ(f->m.event, m.event);
  EXPECT_EQ(f->m.payload, m.payload);
}

TEST(redis_frame, refuses_data_that_is_not_a_frame) {
  EXPECT_FALSE(parse_frame(""));
  EXPECT_FALSE(parse_frame("n1\nuser:u_1\nevent"));        // three fields
  EXPECT_FALSE(parse_frame("n1\nnowhere:u_1\nevent\n{}")); // unknown topic
}

} // namespace
