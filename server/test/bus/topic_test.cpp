// Bus topics against their exact wire strings, both ways (bus/topic.hpp).
#include "bus/topic.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::bus;

struct golden {
  topic t;
  std::string_view wire;
};

const golden goldens[] = {
    {user_topic{"u_1"}, "user:u_1"},
    {place_topic{"r_9", "u_1"}, "room:r_9:u_1"},
    {room_topic{"r_9"}, "room:r_9"},
    {presence_topic{"u_2"}, "presence:u_2"},
    {control_topic{"u_3"}, "control:u_3"},
    {place_taken_topic{"r_9", "u_1"}, "place:r_9:u_1"},
    {cluster_topic{}, "cluster"},
    {deadline_topic{}, "deadline"},
    {link_topic{}, "bus"},
};

TEST(topic, encodes_every_kind_to_its_wire_string) {
  for (const auto& g : goldens) EXPECT_EQ(encode(g.t), g.wire);
}

TEST(topic, parses_every_wire_string_back_to_its_kind) {
  for (const auto& g : goldens) {
    auto parsed = parse_topic(g.wire);
    ASSERT_TRUE(parsed) << g.wire;
    EXPECT_EQ(*parsed, g.t) << g.wire;
  }
}

TEST(topic, tells_a_room_from_a_place_in_it) {
  EXPECT_TRUE(std::holds_alternative<room_topic>(*parse_topic("room:r_1")));
  EXPECT_TRUE(std::holds_alternative<place_topic>(*parse_topic("room:r_1:u_1")));
  EXPECT_TRUE(std::holds_alternative<place_taken_topic>(*parse_topic("place:r_1:u_1")));
}

TEST(topic, refuses_what_encode_never_writes) {
  for (std::string_view bad : {"", "user", "user:", "users:u_1", "room:", "room::u_1", "room:r_1:", "room:r_1:u_1:x",
                               "place:r_1", "place::", "presence:", "control:a:b", "clusters", "Cluster", "bus:x"})
    EXPECT_FALSE(parse_topic(bad)) << bad;
}

} // namespace
