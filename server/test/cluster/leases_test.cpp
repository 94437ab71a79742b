// How the places sets spell a place (cluster/leases.hpp).
#include "cluster/leases.hpp"

#include <gtest/gtest.h>

namespace {
using mm::cluster::leases;
using mm::cluster::place;

TEST(leases, a_place_is_its_room_and_user_on_two_lines) {
  EXPECT_EQ(leases::encode({"r_1", "u_2"}), "r_1\nu_2");
  auto p = leases::parse("r_1\nu_2");
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, (place{"r_1", "u_2"}));
}

TEST(leases, refuses_a_member_that_is_not_a_place) {
  for (std::string_view bad : {"", "r_1", "\nu_2", "r_1\n"}) EXPECT_FALSE(leases::parse(bad)) << bad;
}

} // namespace
