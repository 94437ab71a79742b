#include "net/router.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::net;

struct dummy final : handler {
  boost::asio::awaitable<response> handle(request) override { co_return response{}; }
};

TEST(router, picks_the_longest_matching_prefix) {
  dummy sio, api, web;
  router r;
  r.add("/socket.io/", sio);
  r.add("/api/", api);
  r.add("/api/admin/", web);
  EXPECT_EQ(r.pick("/socket.io/"), &sio);
  EXPECT_EQ(r.pick("/socket.io"), &sio);
  EXPECT_EQ(r.pick("/api/users"), &api);
  EXPECT_EQ(r.pick("/api/admin/x"), &web);
  EXPECT_EQ(r.pick("/socket.iox"), nullptr);
  r.fallback(web);
  EXPECT_EQ(r.pick("/index.html"), &web);
}

} // namespace
