// What a node knows of the others (cluster/peer_view.hpp): presence flips and liveness, with the
// fake clock.
#include "cluster/peer_view.hpp"

#include "domain/fake_clock.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {
using mm::cluster::peer_view;
using strings = std::vector<std::string>;
using namespace std::chrono_literals;

strings sorted(strings v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(peer_view, a_user_flips_online_on_the_first_node_and_offline_after_the_last) {
  mm::test::fake_clock clock;
  peer_view v(clock);
  EXPECT_EQ(v.add("n1", "u_1"), strings{"u_1"});
  EXPECT_EQ(v.add("n1", "u_1"), strings{}) << "the same report twice";
  EXPECT_EQ(v.add("n2", "u_1"), strings{}) << "already online elsewhere";
  EXPECT_TRUE(v.online("u_1"));
  EXPECT_EQ(v.remove("n1", "u_1"), strings{});
  EXPECT_TRUE(v.online("u_1"));
  EXPECT_EQ(v.remove("n2", "u_1"), strings{"u_1"});
  EXPECT_FALSE(v.online("u_1"));
  EXPECT_EQ(v.remove("n2", "u_1"), strings{}) << "not there any more";
}

TEST(peer_view, a_state_replaces_what_a_node_reported) {
  mm::test::fake_clock clock;
  peer_view v(clock);
  v.add("n1", "u_1");
  v.add("n1", "u_2");
  EXPECT_EQ(sorted(v.replace("n1", {"u_2", "u_3"})), (strings{"u_1", "u_3"}));
  EXPECT_FALSE(v.online("u_1"));
  EXPECT_TRUE(v.online("u_3"));
}

TEST(peer_view, dropping_a_node_takes_only_the_users_no_other_node_has) {
  mm::test::fake_clock clock;
  peer_view v(clock);
  v.add("n1", "u_1");
  v.add("n1", "u_2");
  v.add("n2", "u_2");
  EXPECT_EQ(v.drop("n1"), strings{"u_1"});
  EXPECT_TRUE(v.online("u_2"));
  EXPECT_EQ(v.drop("n1"), strings{});
}

TEST(peer_view, digests_ignore_order_and_tell_sets_apart) {
  EXPECT_EQ(peer_view::digest({"a", "b"}), peer_view::digest({"b", "a"}));
  EXPECT_NE(peer_view::digest({"a", "b"}), peer_view::digest({"a", "c"}));
  EXPECT_EQ(peer_view::digest({}), "0:0000000000000000");
  mm::test::fake_clock clock;
  peer_view v(clock);
  v.add("n1", "b");
  v.add("n1", "a");
  EXPECT_EQ(v.digest_of("n1"), peer_view::digest({"a", "b"}));
  EXPECT_EQ(v.digest_of("n9"), peer_view::digest({}));
}

TEST(peer_view, a_node_unheard_for_longer_than_the_quiet_time_is_silent_once) {
  mm::test::fake_clock clock;
  peer_view v(clock);
  v.heard("n1");
  clock.advance(10s);
  v.heard("n2");
  clock.advance(5s);
  EXPECT_EQ(v.take_silent(15s), strings{}) << "n1 was heard exactly 15 s ago";
  clock.advance(1ms);
  EXPECT_EQ(v.take_silent(15s), strings{"n1"});
  EXPECT_FALSE(v.heard_of("n1"));
  EXPECT_TRUE(v.heard_of("n2"));
  EXPECT_EQ(v.take_silent(15s), strings{});
}

} // namespace
