#include "socketio/engine_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm;
using namespace std::chrono_literals;
using test::call;
using test::make_request;

struct engine_fixture {
  boost::asio::io_context io;
  std::unique_ptr<socketio::engine_server> engine;
  std::vector<std::string> closes;

  explicit engine_fixture(socketio::engine_options o = {}) {
    engine = std::make_unique<socketio::engine_server>(io.get_executor(), std::move(o));
    engine->on_connection([this](std::shared_ptr<socketio::engine_socket> s) {
      std::weak_ptr<socketio::engine_socket> weak = s;
      s->on_message = [weak](std::string_view data, bool binary) {
        if (auto self = weak.lock()) {
          if (binary) self->send({std::make_shared<const std::string>(data), true});
          else self->send_text(data);
        }
      };
      s->on_close = [this](std::string_view reason) { closes.emplace_back(reason); };
    });
  }
  ~engine_fixture() { engine.reset(); }

  std::string handshake() {
    auto res = call(io, *engine, make_request("GET", "EIO=4&transport=polling"));
    EXPECT_EQ(res.status, 200);
    return test::sid_of(res);
  }
  net::response get(const std::string& sid) { return call(io, *engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid)); }
  net::response post(const std::string& sid, std::string body) {
    return call(io, *engine, make_request("POST", "EIO=4&transport=polling&sid=" + sid, std::move(body)));
  }
};

TEST(engine_server, polling_handshake_announces_the_websocket_upgrade) {
  engine_fixture f;
  auto res = call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling"));
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.body.starts_with("0{\"sid\":\""));
  EXPECT_NE(res.body.find(R"("upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})"),
            std::string::npos)
      << res.body;
  EXPECT_EQ(f.engine->session_count(), 1u);
}

TEST(engine_server, echoes_a_posted_payload_on_the_next_poll) {
  engine_fixture f;
  const auto sid = f.handshake();
  auto posted = f.post(sid, "4hello\x1e" "bAQIDBA==");
  EXPECT_EQ(posted.status, 200);
  EXPECT_EQ(posted.body, "ok");
  EXPECT_EQ(f.get(sid).body, "4hello\x1e" "bAQIDBA==");
}

TEST(engine_server, a_waiting_poll_is_answered_when_data_arrives) {
  engine_fixture f;
  const auto sid = f.handshake();
  auto poll = test::start(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid));
  test::run_for(f.io, 20ms);
  EXPECT_FALSE(poll.done());
  f.post(sid, "4late");
  test::wait(f.io, poll);
  ASSERT_TRUE(poll.done());
  EXPECT_EQ(poll.get().body, "4late");
}

TEST(engine_server, a_second_waiting_poll_closes_the_session) {
  engine_fixture f;
  const auto sid = f.handshake();
  auto first = test::start(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid));
  test::run_for(f.io, 10ms);
  auto second = f.get(sid);
  test::wait(f.io, first);
  EXPECT_EQ(second.status, 400);
  EXPECT_EQ(first.get().body, "1");
  EXPECT_EQ(f.get(sid).status, 400);
  EXPECT_EQ(f.closes, std::vector<std::string>{"transport error"});
}

TEST(engine_server, pings_and_closes_without_pong) {
  socketio::engine_options o;
  o.ping_interval = 50ms;
  o.ping_timeout = 250ms; // generous: the machine may be busy
  engine_fixture f(o);
  const auto sid = f.handshake();
  EXPECT_EQ(f.get(sid).body, "2");
  EXPECT_EQ(f.post(sid, "3").status, 200);
  EXPECT_EQ(f.get(sid).body, "2");
  test::run_for(f.io, 400ms);
  auto late = f.get(sid);
  EXPECT_EQ(late.status, 400);
  EXPECT_EQ(late.body, R"({"code":1,"message":"Session ID unknown"})");
  EXPECT_EQ(f.closes, std::vector<std::string>{"ping timeout"});
}

TEST(engine_server, client_close_answers_the_waiting_poll_with_noop) {
  engine_fixture f;
  const auto sid = f.handshake();
  auto poll = test::start(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid));
  test::run_for(f.io, 10ms);
  EXPECT_EQ(f.post(sid, "1").status, 200);
  test::wait(f.io, poll);
  EXPECT_EQ(poll.get().body, "6");
  EXPECT_EQ(f.closes, std::vector<std::string>{"transport close"});
  EXPECT_EQ(f.engine->session_count(), 0u);
}

TEST(engine_server, malformed_or_oversized_posts_close_the_session) {
  socketio::engine_options o;
  o.max_payload = 10;
  engine_fixture f(o);
  auto a = f.handshake();
  EXPECT_EQ(f.post(a, "abc").status, 400);
  EXPECT_EQ(f.get(a).status, 400);
  auto b = f.handshake();
  EXPECT_EQ(f.post(b, "4" + std::string(10, 'x')).status, 413);
  EXPECT_EQ(f.get(b).status, 400);
  EXPECT_EQ(f.closes, (std::vector<std::string>{"parse error", "transport error"}));
}

TEST(engine_server, server_close_delivers_the_outbox_then_the_close_packet) {
  engine_fixture f;
  const auto sid = f.handshake();
  std::shared_ptr<socketio::engine_socket> s;
  f.engine->on_connection([&](std::shared_ptr<socketio::engine_socket> c) { s = c; });
  const auto sid2 = f.handshake();
  ASSERT_TRUE(s);
  s->send_text("bye");
  s->close();
  EXPECT_FALSE(s->is_open());
  EXPECT_EQ(f.get(sid2).body, "4bye\x1e" "1");
  EXPECT_EQ(f.get(sid2).status, 400);
  EXPECT_EQ(f.engine->session_count(), 1u); // the first session is untouched
  EXPECT_EQ(f.post(sid, "4still").status, 200);
  EXPECT_EQ(f.get(sid).body, "4still");
}

TEST(engine_server, refuses_requests_the_application_forbids) {
  socketio::engine_options o;
  o.allow_request = [](const net::request& r) -> std::optional<std::string> {
    if (r.header_value("Cookie") == "mm_session=s1") return "no cookies here";
    return std::nullopt;
  };
  engine_fixture f(o);
  auto res = call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling"));
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.body, R"({"code":4,"message":"no cookies here"})");
}

} // namespace
