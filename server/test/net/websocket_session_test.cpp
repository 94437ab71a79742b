// net's WebSocket connections at the byte level: a raw TCP client that performs the opening
// handshake by hand and writes frames a conforming client library would never send.
#include "net/server.hpp"
#include "net/websocket_frame.hpp"
#include "test_support.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include <string>
#include <vector>

namespace {
namespace asio = boost::asio;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
using namespace mm;
using namespace std::string_literals;

// Accepts /ws, greets with "hello", echoes every message, and sends three frames in one call
// for "burst".
class app final : public net::handler {
public:
  struct echo final : net::websocket_handler {
    std::shared_ptr<net::websocket_connection> conn;
    app* owner;
    void on_message(std::string_view data, bool binary) override {
      owner->received.emplace_back(data);
      if (data == "burst") {
        for (const char* part : {"one", "two", "three"}) conn->send(std::make_shared<const std::string>(part), false);
        return;
      }
      conn->send(std::make_shared<const std::string>(data), binary);
    }
    void on_close() override { ++owner->closes; }
  };
  asio::awaitable<net::response> handle(net::request) override { co_return net::response::text(404, ""); }
  asio::awaitable<net::upgrade_result> upgrade(net::request req, std::shared_ptr<net::websocket_connection> c) override {
    upgrade_requests.push_back(req);
    auto h = std::make_shared<echo>();
    h->conn = c;
    h->owner = this;
    c->send(std::make_shared<const std::string>("hello"), false);
    co_return h;
  }
  std::vector<net::request> upgrade_requests;
  std::vector<std::string> received;
  int closes = 0;
};

const std::array<unsigned char, 4> key{1, 2, 3, 4};

std::string masked(unsigned b0, std::string payload) {
  std::string out{static_cast<char>(b0), static_cast<char>(0x80 | payload.size())}; // payloads under 126 bytes
  out.append(reinterpret_cast<const char*>(key.data()), 4);
  net::websocket::apply_mask(payload.data(), payload.size(), key, 0);
  return out + payload;
}

// Classes with constructors, not aggregates: they cross co_await (docs/decisions/0002).
struct server_frame {
  server_frame(unsigned b, std::string p) : b0(b), payload(std::move(p)) {}
  unsigned b0;
  std::string payload;
  std::uint16_t close_code() const {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]));
  }
};

struct raw_client {
  explicit raw_client(tcp::socket s) : socket(std::move(s)) {}
  tcp::socket socket;
  std::string buffer;

  // `after`: bytes written in the same write as the request.
  static asio::awaitable<raw_client> open(tcp::endpoint ep, std::string version = "13",
                                          std::string ws_key = "dGhlIHNhbXBsZSBub25jZQ==", std::string after = {}) {
    raw_client c(tcp::socket(co_await asio::this_coro::executor));
    co_await c.socket.async_connect(ep, use_awaitable);
    const std::string request = "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Key: " + ws_key + "\r\nSec-WebSocket-Version: " + version + "\r\n\r\n" +
                                after;
    co_await asio::async_write(c.socket, asio::buffer(request), use_awaitable);
    co_return c;
  }
  asio::awaitable<std::string> response_head() {
    const auto n = co_await asio::async_read_until(socket, asio::dynamic_buffer(buffer), "\r\n\r\n", use_awaitable);
    std::string head = buffer.substr(0, n);
    buffer.erase(0, n);
    co_return head;
  }
  asio::awaitable<void> need(std::size_t n) {
    if (buffer.size() < n)
      co_await asio::async_read(socket, asio::dynamic_buffer(buffer), asio::transfer_at_least(n - buffer.size()),
                                use_awaitable);
  }
  asio::awaitable<server_frame> frame() {
    co_await need(2);
    const auto b0 = static_cast<unsigned char>(buffer[0]);
    const auto len = static_cast<unsigned char>(buffer[1]);
    EXPECT_EQ(len & 0x80, 0) << "server frames are not masked";
    EXPECT_LT(len, 126u); // the tests' frames are small
    co_await need(2 + len);
    server_frame f(b0, buffer.substr(2, len));
    buffer.erase(0, 2 + len);
    co_return f;
  }
  asio::awaitable<void> write(std::string bytes) { co_await asio::async_write(socket, asio::buffer(bytes), use_awaitable); }
  // True when the server has closed its side (EOF after what was read).
  asio::awaitable<bool> closed_by_server() {
    char byte;
    auto [ec, n] = co_await socket.async_read_some(asio::buffer(&byte, 1), asio::as_tuple(use_awaitable));
    co_return ec == asio::error::eof;
  }
};

struct fixture {
  asio::io_context io;
  app handler;
  std::unique_ptr<net::server> srv;
  tcp::endpoint ep;
  void start(asio::io_context& io, net::server_options opts = {}) {
    opts.websocket_close_timeout = std::chrono::milliseconds(200); // the raw clients never answer stop()'s 1001
    srv = std::make_unique<net::server>(io.get_executor(), handler, std::move(opts));
    auto r = srv->listen({asio::ip::make_address("127.0.0.1"), 0});
    ASSERT_TRUE(r.has_value());
    ep = *r;
  }
};

TEST(net_websocket, answers_the_handshake_then_sends_what_was_queued_before_it) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    auto c = co_await raw_client::open(f.ep);
    const auto head = co_await c.response_head();
    EXPECT_EQ(head.rfind("HTTP/1.1 101 Switching Protocols\r\n", 0), 0u) << head;
    EXPECT_NE(head.find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), std::string::npos) << head;
    EXPECT_EQ(head.find("Sec-WebSocket-Extensions"), std::string::npos) << "no permessage-deflate";
    EXPECT_EQ(f.handler.upgrade_requests.at(0).header_value("Host"), "localhost");
    EXPECT_TRUE(f.handler.upgrade_requests.at(0).header_value("Sec-WebSocket-Key").empty()) << "net's own business";
    auto hello = co_await c.frame();
    EXPECT_EQ(hello.b0, 0x81u);
    EXPECT_EQ(hello.payload, "hello");
    co_await c.write(masked(0x81, "burst"));
    for (const char* part : {"one", "two", "three"}) {
      auto f = co_await c.frame();
      EXPECT_EQ(f.payload, part);
    }
    co_await f.srv->stop();
  });
}

TEST(net_websocket, answers_a_ping_inside_a_fragmented_message_and_reassembles_it) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    auto c = co_await raw_client::open(f.ep);
    co_await c.response_head();
    co_await c.frame(); // hello
    co_await c.write(masked(0x01, "frag") + masked(0x89, "are you there") + masked(0x00, "men") +
                     masked(0x80, "ted"));
    auto pong = co_await c.frame();
    EXPECT_EQ(pong.b0, 0x8Au);
    EXPECT_EQ(pong.payload, "are you there");
    auto echo = co_await c.frame();
    EXPECT_EQ(echo.b0, 0x81u);
    EXPECT_EQ(echo.payload, "fragmented");
    co_await c.write(masked(0x82, "\x00\x01\xff"s));
    auto binary = co_await c.frame();
    EXPECT_EQ(binary.b0, 0x82u);
    EXPECT_EQ(binary.payload, "\x00\x01\xff"s);
    co_await f.srv->stop();
  });
}

TEST(net_websocket, reads_frames_sent_right_behind_the_upgrade_request) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    auto c = co_await raw_client::open(f.ep, "13", "dGhlIHNhbXBsZSBub25jZQ==", masked(0x81, "eager"));
    co_await c.response_head();
    auto hello = co_await c.frame();
    EXPECT_EQ(hello.payload, "hello");
    auto echo = co_await c.frame();
    EXPECT_EQ(echo.payload, "eager");
    co_await f.srv->stop();
  });
}

TEST(net_websocket, answers_the_clients_close_with_its_code_then_closes_the_connection) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    auto c = co_await raw_client::open(f.ep);
    co_await c.response_head();
    co_await c.frame();
    co_await c.write(masked(0x88, "\x0f\xa1" "bye"s)); // 4001
    auto reply = co_await c.frame();
    EXPECT_EQ(reply.b0, 0x88u);
    EXPECT_EQ(reply.close_code(), 4001);
    const bool closed = co_await c.closed_by_server();
    EXPECT_TRUE(closed);
    c.socket.close();
    co_await test::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(f.handler.closes, 1);
    EXPECT_EQ(f.srv->open_connections(), 0u);
    co_await f.srv->stop();
  });
}

struct violation {
  const char* name;
  std::string wire;
  std::uint16_t code;
};

TEST(net_websocket, fails_protocol_violations_with_their_close_codes_and_delivers_nothing) {
  const std::vector<violation> cases = {
      {"unmasked frame", "\x81\x02hi"s, 1002},
      {"reserved bit", masked(0xC1, "hi"), 1002},
      {"reserved opcode", masked(0x83, "hi"), 1002},
      {"continuation first", masked(0x80, "hi"), 1002},
      {"invalid UTF-8", masked(0x81, "\xc3\x28"s), 1007},
      {"over the limit", masked(0x81, std::string(101, 'x')), 1009},
  };
  for (const auto& v : cases) {
    fixture f;
    test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
      net::server_options opts;
      opts.websocket_max_message = 100;
      f.start(io, opts);
      auto c = co_await raw_client::open(f.ep);
      co_await c.response_head();
      co_await c.frame();
      co_await c.write(v.wire);
      auto reply = co_await c.frame();
      EXPECT_EQ(reply.b0, 0x88u) << v.name;
      EXPECT_EQ(reply.close_code(), v.code) << v.name;
      const bool closed = co_await c.closed_by_server();
      EXPECT_TRUE(closed) << v.name;
      c.socket.close();
      co_await test::sleep_for(std::chrono::milliseconds(30));
      EXPECT_TRUE(f.handler.received.empty()) << v.name;
      EXPECT_EQ(f.handler.closes, 1) << v.name;
      co_await f.srv->stop();
    });
  }
}

TEST(net_websocket, refuses_a_handshake_without_version_13_or_a_valid_key_before_the_app_sees_it) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    auto old = co_await raw_client::open(f.ep, "8");
    const auto head = co_await old.response_head();
    EXPECT_EQ(head.rfind("HTTP/1.1 426", 0), 0u) << head;
    EXPECT_NE(head.find("Sec-WebSocket-Version: 13\r\n"), std::string::npos) << head;
    auto bad = co_await raw_client::open(f.ep, "13", "c2hvcnQ=");
    const auto bad_head = co_await bad.response_head();
    EXPECT_EQ(bad_head.rfind("HTTP/1.1 400", 0), 0u) << bad_head;
    EXPECT_TRUE(f.handler.upgrade_requests.empty());
    co_await f.srv->stop();
  });
}

} // namespace
