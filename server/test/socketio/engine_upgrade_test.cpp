#include "socketio/engine_server.hpp"
#include "test_support.hpp"

#include <boost/asio/co_spawn.hpp>
#include <gtest/gtest.h>

namespace {
using namespace mm;
using namespace std::chrono_literals;
using test::call;
using test::make_request;

// Records what the engine sends on a WebSocket.
class fake_websocket final : public net::websocket_connection {
public:
  void send(std::shared_ptr<const std::string> frame, bool binary) override {
    if (open_) sent.push_back((binary ? "bin:" : "") + *frame);
  }
  void close(std::uint16_t code, std::string_view) override {
    if (open_) close_code = code;
    open_ = false;
  }
  bool is_open() const noexcept override { return open_; }
  std::size_t queued_bytes() const noexcept override { return 0; }
  const std::string& remote_address() const noexcept override { return address_; }

  std::vector<std::string> sent;
  int close_code = -1; // not closed

private:
  bool open_ = true;
  std::string address_ = "127.0.0.1";
};

struct upgrade_fixture {
  boost::asio::io_context io;
  std::unique_ptr<socketio::engine_server> engine;
  upgrade_fixture() {
    engine = std::make_unique<socketio::engine_server>(io.get_executor());
    engine->on_connection([](std::shared_ptr<socketio::engine_socket> s) {
      std::weak_ptr<socketio::engine_socket> weak = s;
      s->on_message = [weak](std::string_view data, bool) {
        if (auto self = weak.lock()) self->send_text(data);
      };
    });
  }
  ~upgrade_fixture() { engine.reset(); }

  std::shared_ptr<net::websocket_handler> upgrade(const std::string& query, std::shared_ptr<fake_websocket> ws,
                                                  net::response* refusal = nullptr) {
    std::optional<net::upgrade_result> result;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
          auto req = make_request("GET", query);
          result = co_await engine->upgrade(std::move(req), ws);
        },
        [](std::exception_ptr e) {
          if (e) std::rethrow_exception(e);
        });
    test::run_for(io, 5ms);
    EXPECT_TRUE(result);
    if (!result) return nullptr;
    if (auto* r = std::get_if<net::response>(&*result)) {
      if (refusal) *refusal = *r;
      return nullptr;
    }
    return std::get<std::shared_ptr<net::websocket_handler>>(*result);
  }
};

TEST(engine_upgrade, probes_pauses_polling_and_moves_the_session_to_websocket) {
  upgrade_fixture f;
  const auto sid = test::sid_of(call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling")));
  auto ws = std::make_shared<fake_websocket>();
  auto handler = f.upgrade("EIO=4&transport=websocket&sid=" + sid, ws);
  ASSERT_TRUE(handler);

  auto poll = test::start(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid));
  test::run_for(f.io, 10ms);
  EXPECT_FALSE(poll.done());
  handler->on_message("2probe", false);
  EXPECT_EQ(ws->sent, std::vector<std::string>{"3probe"});
  test::wait(f.io, poll); // ended with a noop within the 100 ms check
  ASSERT_TRUE(poll.done());
  EXPECT_EQ(poll.get().body, "6");

  // Data sent before "5" goes by polling's outbox and reaches the WebSocket after the upgrade.
  call(f.io, *f.engine, make_request("POST", "EIO=4&transport=polling&sid=" + sid, "4queued"));
  handler->on_message("5", false);
  handler->on_message("4hello", false);
  EXPECT_EQ(ws->sent, (std::vector<std::string>{"3probe", "4queued", "4hello"}));

  EXPECT_EQ(call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid)).status, 400);
  // A second WebSocket for the upgraded session: handshake, then an empty close frame at once.
  auto late = std::make_shared<fake_websocket>();
  auto late_handler = f.upgrade("EIO=4&transport=websocket&sid=" + sid, late);
  ASSERT_TRUE(late_handler);
  EXPECT_EQ(late->close_code, net::close_code::no_status);
  EXPECT_TRUE(late->sent.empty());
  late_handler->on_message("4ignored", false);
  late_handler->on_close();
  handler->on_message("4still here", false);
  EXPECT_EQ(ws->sent.back(), "4still here");

  handler->on_message("1", false); // the client closes
  EXPECT_EQ(ws->close_code, 1000);
  EXPECT_EQ(f.engine->session_count(), 0u);
}

TEST(engine_upgrade, a_websocket_arriving_while_another_probes_is_accepted_and_closed) {
  upgrade_fixture f;
  const auto sid = test::sid_of(call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling")));
  auto ws = std::make_shared<fake_websocket>();
  auto handler = f.upgrade("EIO=4&transport=websocket&sid=" + sid, ws);
  ASSERT_TRUE(handler);
  auto second = std::make_shared<fake_websocket>();
  ASSERT_TRUE(f.upgrade("EIO=4&transport=websocket&sid=" + sid, second));
  EXPECT_EQ(second->close_code, net::close_code::no_status);
  handler->on_message("2probe", false); // the first probe goes on
  handler->on_message("5", false);
  handler->on_message("4hello", false);
  EXPECT_EQ(ws->sent, (std::vector<std::string>{"3probe", "4hello"}));
  EXPECT_EQ(ws->close_code, -1);
}

TEST(engine_upgrade, a_second_websocket_for_a_websocket_session_is_accepted_and_closed) {
  upgrade_fixture f;
  auto ws = std::make_shared<fake_websocket>();
  auto handler = f.upgrade("EIO=4&transport=websocket", ws);
  ASSERT_TRUE(handler);
  const auto sid = test::sid_of_packet(ws->sent.at(0));
  auto second = std::make_shared<fake_websocket>();
  ASSERT_TRUE(f.upgrade("EIO=4&transport=websocket&sid=" + sid, second));
  EXPECT_EQ(second->close_code, net::close_code::no_status);
  handler->on_message("4hi", false);
  EXPECT_EQ(ws->sent.back(), "4hi");
  EXPECT_EQ(f.engine->session_count(), 1u);
}

TEST(engine_upgrade, a_probe_that_misbehaves_is_dropped_and_polling_goes_on) {
  upgrade_fixture f;
  const auto sid = test::sid_of(call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling")));
  auto ws = std::make_shared<fake_websocket>();
  auto handler = f.upgrade("EIO=4&transport=websocket&sid=" + sid, ws);
  ASSERT_TRUE(handler);
  handler->on_message("4too-early", false);
  EXPECT_EQ(ws->close_code, 1000);
  handler->on_close();
  call(f.io, *f.engine, make_request("POST", "EIO=4&transport=polling&sid=" + sid, "4still polling"));
  EXPECT_EQ(call(f.io, *f.engine, make_request("GET", "EIO=4&transport=polling&sid=" + sid)).body, "4still polling");
}

TEST(engine_upgrade, refuses_unknown_sessions_and_opens_websocket_only_sessions) {
  upgrade_fixture f;
  net::response refusal;
  EXPECT_FALSE(f.upgrade("EIO=4&transport=websocket&sid=nope", std::make_shared<fake_websocket>(), &refusal));
  EXPECT_EQ(refusal.body, R"({"code":1,"message":"Session ID unknown"})");

  auto ws = std::make_shared<fake_websocket>();
  auto handler = f.upgrade("EIO=4&transport=websocket", ws);
  ASSERT_TRUE(handler);
  ASSERT_EQ(ws->sent.size(), 1u);
  EXPECT_TRUE(ws->sent[0].starts_with("0{\"sid\":"));
  EXPECT_NE(ws->sent[0].find(R"("upgrades":[])"), std::string::npos);
  handler->on_message("4hi", false);
  handler->on_message(std::string("\x01\x02", 2), true);
  EXPECT_EQ(ws->sent.back(), std::string("4\x01\x02", 3)); // the echo handler sends text back
  handler->on_message("abc", false); // not an Engine.IO packet
  EXPECT_EQ(ws->close_code, 1000);
  EXPECT_EQ(f.engine->session_count(), 0u);
}

} // namespace
