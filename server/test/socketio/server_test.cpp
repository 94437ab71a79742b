#include "socketio/error.hpp"
#include "socketio/server.hpp"
#include "test_support.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <map>

namespace {
using namespace mm;
using namespace std::chrono_literals;
using test::call;
using test::make_request;

// A Socket.IO server driven over HTTP long-polling, in-process.
struct sio_fixture {
  boost::asio::io_context io;
  std::unique_ptr<socketio::server> sio;

  explicit sio_fixture(socketio::server_options o = {}) {
    sio = std::make_unique<socketio::server>(io.get_executor(), std::move(o));
  }
  ~sio_fixture() { sio.reset(); }

  std::string open() { return test::sid_of(call(io, *sio, make_request("GET", "EIO=4&transport=polling"))); }
  net::response get(const std::string& sid) { return call(io, *sio, make_request("GET", "EIO=4&transport=polling&sid=" + sid)); }
  net::response post(const std::string& sid, std::string body) {
    return call(io, *sio, make_request("POST", "EIO=4&transport=polling&sid=" + sid, std::move(body)));
  }
  // Opens a session and joins `nsp` ("" for "/"), returning the engine sid.
  std::string join(std::string_view nsp = "") {
    auto sid = open();
    post(sid, "40" + std::string(nsp));
    auto res = get(sid);
    EXPECT_TRUE(res.body.starts_with("40" + std::string(nsp) + "{\"sid\":")) << res.body;
    return sid;
  }
};

TEST(socketio_server, connects_the_main_namespace_and_dispatches_events_with_acks) {
  sio_fixture f;
  std::vector<std::string> seen;
  f.sio->of("/").on_connection([&](const std::shared_ptr<socketio::socket>& s) {
    EXPECT_EQ(s->handshake().header_value("Cookie"), "mm_session=s1");
    EXPECT_EQ(s->handshake().address(), "127.0.0.1");
    s->on("hello", [&seen](socketio::message m, socketio::ack reply) {
      seen.push_back(boost::json::serialize(m.args));
      if (reply) reply(boost::json::array{"ok", 1});
    });
  });
  const auto sid = f.join();
  EXPECT_EQ(f.post(sid, R"(42["hello",{"a":1}])" "\x1e" R"(4212["hello",2])").status, 200);
  EXPECT_EQ(f.get(sid).body, R"(4312["ok",1])");
  EXPECT_EQ(seen, (std::vector<std::string>{R"([{"a":1}])", "[2]"}));
}

TEST(socketio_server, refuses_unknown_namespaces_and_ignores_unknown_events) {
  sio_fixture f;
  const auto sid = f.open();
  f.post(sid, "40/nope,");
  EXPECT_EQ(f.get(sid).body, R"(44/nope,{"message":"Invalid namespace"})");
  f.post(sid, "40");
  EXPECT_TRUE(f.get(sid).body.starts_with("40{"));
  EXPECT_EQ(f.post(sid, R"(42["nobody-listens"])").status, 200);
  EXPECT_EQ(f.sio->client_count(), 1u);
}

TEST(socketio_server, events_nobody_handles_reach_the_namespace_fallback_with_their_ack) {
  sio_fixture f;
  std::vector<std::string> seen;
  f.sio->of("/").on("known", [](const std::shared_ptr<socketio::socket>&, socketio::message, socketio::ack reply) {
    if (reply) reply(boost::json::array{"known"});
  });
  f.sio->of("/").on_unhandled([&](const std::shared_ptr<socketio::socket>&, std::string_view event, socketio::message m,
                                  socketio::ack reply) {
    seen.push_back(std::string(event) + boost::json::serialize(m.args));
    if (reply) reply(boost::json::array{"unknown", std::string(event)});
  });
  const auto sid = f.join();
  EXPECT_EQ(f.post(sid, R"(427["nope",1])" "\x1e" R"(42["silent"])" "\x1e" R"(428["known"])").status, 200);
  EXPECT_EQ(f.get(sid).body, R"(437["unknown","nope"])" "\x1e" R"(438["known"])");
  EXPECT_EQ(seen, (std::vector<std::string>{"nope[1]", "silent[]"}));
  EXPECT_EQ(f.sio->of("/").size(), 1u); // still connected
}

TEST(socketio_server, async_middleware_refuses_or_admits_and_tags_the_user) {
  sio_fixture f;
  f.sio->of("/").use([](socketio::socket& s) -> boost::asio::awaitable<std::optional<boost::json::value>> {
    boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, 5ms); // a "database" call
    co_await t.async_wait(boost::asio::use_awaitable);
    const auto* token = s.handshake().auth.if_contains("token");
    if (!token || *token != "good") co_return boost::json::object{{"message", "unauthorized"}};
    s.set_user_id("u1");
    co_return std::nullopt;
  });
  int connections = 0;
  f.sio->of("/").on_connection([&](const std::shared_ptr<socketio::socket>& s) {
    EXPECT_EQ(s->user_id(), "u1");
    ++connections;
  });
  const auto bad = f.open();
  f.post(bad, R"(40{"token":"bad"})");
  EXPECT_EQ(f.get(bad).body, R"(44{"message":"unauthorized"})");
  const auto good = f.open();
  f.post(good, R"(40{"token":"good"})");
  EXPECT_TRUE(f.get(good).body.starts_with("40{\"sid\":"));
  EXPECT_EQ(connections, 1);
  EXPECT_EQ(f.sio->of("/").sockets_of_user("u1").size(), 1u);

  EXPECT_EQ(f.sio->disconnect_user("u1", true), 1u);
  EXPECT_EQ(f.get(good).body, "41\x1e" "1"); // DISCONNECT, then the connection closes
  EXPECT_EQ(f.sio->of("/").size(), 0u);
  EXPECT_TRUE(f.sio->of("/").sockets_of_user("u1").empty());
}

TEST(socketio_server, room_broadcasts_share_one_encoding_and_skip_the_sender) {
  sio_fixture f;
  std::vector<std::shared_ptr<socketio::socket>> sockets;
  f.sio->of("/").on_connection([&](const std::shared_ptr<socketio::socket>& s) {
    s->join("room:1");
    sockets.push_back(s);
  });
  const auto a = f.join(), b = f.join(), c = f.join();
  sockets[2]->leave("room:1");
  EXPECT_EQ(f.sio->of("/").room_size("room:1"), 2u);
  const auto n = f.sio->of("/").emit_to_room("room:1", "news", boost::json::array{"hi"}, {}, sockets[1].get());
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(f.get(a).body, R"(42["news","hi"])");

  auto packet = f.sio->of("/").encode("bin", boost::json::array{socketio::placeholder(0)}, {std::string("\x01\x02", 2)});
  EXPECT_EQ(f.sio->of("/").send_to_room("room:1", packet), 2u);
  EXPECT_EQ(f.get(b).body, "451-[\"bin\",{\"_placeholder\":true,\"num\":0}]\x1e" "bAQI=");
  EXPECT_EQ(f.get(a).body, "451-[\"bin\",{\"_placeholder\":true,\"num\":0}]\x1e" "bAQI=");
  (void)c;
}

TEST(socketio_server, server_acks_resolve_time_out_and_fail_on_disconnect) {
  sio_fixture f;
  std::shared_ptr<socketio::socket> s;
  f.sio->of("/").on_connection([&](const std::shared_ptr<socketio::socket>& x) { s = x; });
  const auto sid = f.join();
  // By emit: how each one ended. (Which of the first two ends first depends on how fast this
  // machine answers; what each ends with does not.)
  std::map<int, std::string> results;
  auto record = [&](int n) {
    return [&results, n](boost::system::error_code ec, socketio::message m) {
      results[n] = ec ? ec.message() : boost::json::serialize(m.args);
    };
  };
  s->emit_with_ack("q", boost::json::array{1}, record(1), 1s);
  s->emit_with_ack("q", boost::json::array{2}, record(2), 10ms);
  s->emit_with_ack("q", boost::json::array{3}, record(3), 1s);
  EXPECT_EQ(f.get(sid).body, "420[\"q\",1]\x1e" "421[\"q\",2]\x1e" "422[\"q\",3]");
  f.post(sid, R"(430["a"])");
  test::run_for(f.io, 30ms);
  f.post(sid, "41");
  EXPECT_EQ(results, (std::map<int, std::string>{
                         {1, R"(["a"])"}, {2, "operation has timed out"}, {3, "socket has been disconnected"}}));
  EXPECT_FALSE(s->connected());
}

TEST(socketio_server, a_throwing_handler_is_contained) {
  sio_fixture f;
  int calls = 0;
  f.sio->of("/").on("boom", [&](const std::shared_ptr<socketio::socket>&, socketio::message, socketio::ack) {
    ++calls;
    throw std::runtime_error("handler bug");
  });
  const auto sid = f.join();
  EXPECT_EQ(f.post(sid, R"(42["boom"])" "\x1e" R"(42["boom"])").status, 200);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(f.sio->client_count(), 1u);
}

TEST(socketio_server, a_malformed_packet_closes_the_connection_with_parse_error) {
  sio_fixture f;
  std::string reason;
  f.sio->of("/").on_connection([&](const std::shared_ptr<socketio::socket>& s) {
    s->on_disconnect([&](std::string_view r) { reason = r; });
  });
  const auto sid = f.join();
  f.post(sid, "42{}");
  EXPECT_EQ(reason, "parse error");
  EXPECT_EQ(f.get(sid).status, 400);
  EXPECT_EQ(f.sio->client_count(), 0u);
}

TEST(socketio_server, a_connection_without_namespace_times_out) {
  socketio::server_options o;
  o.connect_timeout = 20ms;
  sio_fixture f(o);
  const auto sid = f.open();
  test::run_for(f.io, 50ms);
  EXPECT_EQ(f.get(sid).body, "1");
  EXPECT_EQ(f.sio->client_count(), 0u);
}

TEST(socketio_server, close_disconnects_everyone_with_server_shutting_down) {
  sio_fixture f;
  std::vector<std::string> reasons;
  f.sio->of("/").on_connection([&](const std::shared_ptr<socketio::socket>& s) {
    s->on_disconnect([&](std::string_view r) { reasons.emplace_back(r); });
  });
  const auto a = f.join();
  auto poll = test::start(f.io, *f.sio, make_request("GET", "EIO=4&transport=polling&sid=" + a));
  test::run_for(f.io, 10ms);
  f.sio->close();
  test::wait(f.io, poll);
  EXPECT_EQ(poll.get().body, "1");
  EXPECT_EQ(reasons, std::vector<std::string>{"server shutting down"});
}

} // namespace
