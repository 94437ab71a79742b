// The nodes' messages against their exact payloads, both ways (cluster/cluster_message.hpp).
#include "cluster/cluster_message.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::cluster;
using mm::bus::message;

struct golden {
  cluster_message m;
  std::string_view event;
  std::string_view payload;
};

const golden goldens[] = {
    {user_online{"n1", "u_1"}, "on", R"({"user":"u_1","node":"n1"})"},
    {user_offline{"n1", "u_1"}, "off", R"({"user":"u_1","node":"n1"})"},
    {node_state{"n2", {"u_1", "u_2"}}, "state", R"({"users":["u_1","u_2"],"node":"n2"})"},
    {node_state{"n2", {}}, "state", R"({"users":[],"node":"n2"})"},
    {hello{"n3"}, "hello", R"({"node":"n3"})"},
    {sync_request{"n1", "n2"}, "sync", R"({"target":"n2","node":"n1"})"},
    {heartbeat{"n1", "2:00000000000000ff"}, "hb", R"({"digest":"2:00000000000000ff","node":"n1"})"},
    {node_dead{"n1", "n4"}, "dead", R"({"dead":"n4","node":"n1"})"},
    {goodbye{"n5"}, "bye", R"({"node":"n5"})"},
};

TEST(cluster_message, encodes_every_kind_on_the_cluster_topic) {
  for (const auto& g : goldens) {
    const auto m = to_message(g.m);
    EXPECT_TRUE(std::holds_alternative<mm::bus::cluster_topic>(m.to));
    EXPECT_EQ(m.event, g.event);
    EXPECT_EQ(m.payload, g.payload);
  }
}

TEST(cluster_message, parses_every_kind_back_with_its_sender) {
  for (const auto& g : goldens) {
    auto parsed = parse_cluster_message(message{mm::bus::cluster_topic{}, std::string(g.event), std::string(g.payload)});
    ASSERT_TRUE(parsed) << g.event;
    EXPECT_EQ(*parsed, g.m) << g.event;
    EXPECT_EQ(sender(*parsed), sender(g.m));
  }
}

TEST(cluster_message, refuses_what_no_node_sends) {
  const std::pair<std::string_view, std::string_view> bad[] = {
      {"on", R"({"user":"u_1"})"},             // no sender
      {"on", R"({"node":"n1"})"},              // no user
      {"on", R"({"node":"","user":"u_1"})"},   // empty sender
      {"state", R"({"node":"n1","users":[1]})"},
      {"state", R"({"node":"n1"})"},
      {"sync", R"({"node":"n1"})"},
      {"dead", R"({"node":"n1"})"},
      {"hb", R"({"node":"n1","digest":3})"},
      {"shout", R"({"node":"n1"})"},
      {"hello", "not json"},
      {"hello", R"(["node"])"},
  };
  for (const auto& [event, payload] : bad)
    EXPECT_FALSE(parse_cluster_message(message{mm::bus::cluster_topic{}, std::string(event), std::string(payload)}))
        << event << " " << payload;
  EXPECT_FALSE(parse_cluster_message(message{mm::bus::user_topic{"u_1"}, "hello", R"({"node":"n1"})"})) << "another topic";
}

TEST(place_taken, travels_on_the_place_topic_with_node_and_time) {
  const place_taken t{{"r_1", "u_2"}, "n1", mm::domain::from_millis(1'790'000'000'123)};
  const auto m = to_message(t);
  EXPECT_EQ(m.to, (mm::bus::topic{mm::bus::place_taken_topic{"r_1", "u_2"}}));
  EXPECT_EQ(m.event, "place-taken");
  EXPECT_EQ(m.payload, R"({"node":"n1","at":1790000000123})");
  auto back = parse_place_taken(m);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, t);
}

TEST(place_taken, refuses_a_take_without_node_or_time) {
  for (std::string_view payload : {R"({"node":"n1"})", R"({"at":5})", R"({"node":"n1","at":"5"})", "{"})
    EXPECT_FALSE(parse_place_taken(message{mm::bus::place_taken_topic{"r", "u"}, "place-taken", std::string(payload)})) << payload;
  EXPECT_FALSE(parse_place_taken(message{mm::bus::room_topic{"r"}, "place-taken", R"({"node":"n1","at":5})"}));
}

} // namespace
