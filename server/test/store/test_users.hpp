#pragma once
// A user as the store and service tests make them: e-mail <name>@example.com, created an hour
// before `now`, with a complete profile (a target role, a level, a topic) unless told, available
// unless told.
#include "store/store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace mm::test {

inline domain::user add_test_user(store::store& db, const std::string& name, domain::time_point now, bool complete = true,
                                  bool available = true) {
  domain::user u{"u_" + name, name + "@example.com", name, now - std::chrono::hours(1)};
  auto created = db.create_user(u, "hash-of-" + name);
  EXPECT_TRUE(created) << name;
  domain::profile p;
  if (complete) {
    p.target_role = "Backend engineer";
    p.level = domain::experience_level::mid;
    p.topics = {"graphs"};
  }
  p.available = available;
  db.put_profile(u.id, p);
  return u;
}

} // namespace mm::test
