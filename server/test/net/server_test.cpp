#include "net/server.hpp"
#include "test_support.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <string>

namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
using namespace mm;

// Echoes the request as text; throws on /throw; refuses upgrades except on /ws, where it echoes.
class echo_app final : public net::handler {
public:
  struct ws_echo final : net::websocket_handler {
    std::shared_ptr<net::websocket_connection> conn;
    int* closes;
    void on_message(std::string_view data, bool binary) override {
      if (data == "close-me") return conn->close(4000, "asked");
      conn->send(std::make_shared<const std::string>(data), binary);
    }
    void on_close() override { ++*closes; }
  };

  asio::awaitable<net::response> handle(net::request req) override {
    if (req.path == "/throw") throw std::runtime_error("boom");
    last_request = req;
    co_return net::response::text(200, req.method + " " + req.path + " q=" + req.query + " body=" + req.body);
  }
  asio::awaitable<net::upgrade_result> upgrade(net::request req, std::shared_ptr<net::websocket_connection> c) override {
    if (req.path != "/ws") co_return net::response::text(403, "no\n");
    auto h = std::make_shared<ws_echo>();
    h->conn = c;
    h->closes = &ws_closes;
    connections.push_back(c);
    c->send(std::make_shared<const std::string>("hello"), false);
    co_return h;
  }
  net::request last_request;
  int ws_closes = 0;
  std::vector<std::shared_ptr<net::websocket_connection>> connections;
};

asio::awaitable<tcp::socket> connect(tcp::endpoint ep) {
  tcp::socket s(co_await asio::this_coro::executor);
  co_await s.async_connect(ep, use_awaitable);
  co_return s;
}

asio::awaitable<http::response<http::string_body>> exchange(beast::tcp_stream& stream, beast::flat_buffer& buf,
                                                            http::request<http::string_body> req) {
  req.prepare_payload();
  co_await http::async_write(stream, req, use_awaitable);
  http::response<http::string_body> res;
  co_await http::async_read(stream, buf, res, use_awaitable);
  co_return res;
}

http::request<http::string_body> get(std::string target) {
  http::request<http::string_body> r{http::verb::get, target, 11};
  r.set(http::field::host, "localhost");
  return r;
}

struct fixture {
  asio::io_context io; // destroyed last
  echo_app app;
  std::unique_ptr<net::server> srv;
  tcp::endpoint ep;
  void start(asio::io_context& io, net::server_options opts = {}) {
    srv = std::make_unique<net::server>(io.get_executor(), app, std::move(opts));
    auto r = srv->listen({asio::ip::make_address("127.0.0.1"), 0});
    ASSERT_TRUE(r.has_value());
    ep = *r;
    ASSERT_NE(ep.port(), 0);
  }
};

TEST(net_server, answers_requests_with_a_request_id_and_keeps_alive) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    beast::tcp_stream stream(co_await connect(f.ep));
    beast::flat_buffer buf;
    auto r1 = co_await exchange(stream, buf, get("/a/b?secret=1"));
    EXPECT_EQ(r1.result_int(), 200);
    EXPECT_EQ(r1.body(), "GET /a/b q=secret=1 body=");
    EXPECT_FALSE(r1["X-Request-Id"].empty());
    EXPECT_EQ(r1[http::field::date].size(), 29u) << r1[http::field::date]; // "Sun, 06 Nov 1994 08:49:37 GMT"
    EXPECT_TRUE(r1[http::field::date].ends_with(" GMT"));
    EXPECT_EQ(f.app.last_request.path, "/a/b");
    EXPECT_EQ(f.app.last_request.remote_address, "127.0.0.1");
    EXPECT_EQ(f.srv->open_connections(), 1u);

    auto post = get("/p");
    post.method(http::verb::post);
    post.body() = "payload";
    auto r2 = co_await exchange(stream, buf, post); // same connection: keep-alive
    EXPECT_EQ(r2.body(), "POST /p q= body=payload");
    EXPECT_NE(r2["X-Request-Id"], r1["X-Request-Id"]);
    co_await f.srv->stop();
  });
}

TEST(net_server, refuses_an_oversized_header_with_431) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    beast::tcp_stream stream(co_await connect(f.ep));
    beast::flat_buffer buf;
    auto req = get("/");
    req.set("X-Big", std::string(9000, 'a'));
    auto res = co_await exchange(stream, buf, req);
    EXPECT_EQ(res.result_int(), 431);
    co_await f.srv->stop();
  });
}

TEST(net_server, refuses_an_oversized_body_with_413_in_the_products_shape) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    net::server_options opts;
    opts.body_limit = 10;
    opts.error_response = [](int status, std::string_view message) {
      return net::response::text(status, "{\"error\":\"" + std::string(message) + "\"}", "application/json");
    };
    f.start(io, opts);
    beast::tcp_stream stream(co_await connect(f.ep));
    beast::flat_buffer buf;
    auto req = get("/");
    req.method(http::verb::post);
    req.body() = std::string(11, 'x');
    auto res = co_await exchange(stream, buf, req);
    EXPECT_EQ(res.result_int(), 413);
    EXPECT_EQ(res[http::field::content_type], "application/json");
    EXPECT_EQ(res.body(), "{\"error\":\"request body too large\"}");
    co_await f.srv->stop();
  });
}

TEST(net_server, answers_malformed_requests_with_400) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    auto s = co_await connect(f.ep);
    co_await asio::async_write(s, asio::buffer(std::string("GET / HTTP/1.1\r\nBad Header\r\n\r\n")), use_awaitable);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    co_await http::async_read(s, buf, res, use_awaitable);
    EXPECT_EQ(res.result_int(), 400);
    co_await f.srv->stop();
  });
}

TEST(net_server, turns_a_handler_exception_into_500_and_keeps_serving) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    beast::tcp_stream stream(co_await connect(f.ep));
    beast::flat_buffer buf;
    auto res = co_await exchange(stream, buf, get("/throw"));
    EXPECT_EQ(res.result_int(), 500);
    auto again = co_await exchange(stream, buf, get("/ok"));
    EXPECT_EQ(again.result_int(), 200);
    co_await f.srv->stop();
  });
}

TEST(net_server, refused_upgrade_gets_the_hooks_response) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    websocket::stream<beast::tcp_stream> ws(co_await connect(f.ep));
    auto [ec] = co_await ws.async_handshake("localhost", "/nope", asio::as_tuple(use_awaitable));
    EXPECT_EQ(ec, websocket::error::upgrade_declined);
    co_await f.srv->stop();
  });
}

TEST(net_server, websocket_echoes_queues_before_accept_and_closes_oversized_with_1009) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    net::server_options opts;
    opts.websocket_max_message = 100;
    f.start(io, opts);
    websocket::stream<beast::tcp_stream> ws(co_await connect(f.ep));
    co_await ws.async_handshake("localhost", "/ws", use_awaitable);
    beast::flat_buffer buf;
    co_await ws.async_read(buf, use_awaitable); // queued by the hook before the handshake
    EXPECT_EQ(beast::buffers_to_string(buf.data()), "hello");
    buf.clear();
    ws.binary(true);
    co_await ws.async_write(asio::buffer(std::string("\x01\x02", 2)), use_awaitable);
    co_await ws.async_read(buf, use_awaitable);
    EXPECT_TRUE(ws.got_binary());
    EXPECT_EQ(beast::buffers_to_string(buf.data()), std::string("\x01\x02", 2));
    buf.clear();
    ws.binary(false);
    co_await ws.async_write(asio::buffer(std::string(101, 'x')), use_awaitable);
    auto [ec, n] = co_await ws.async_read(buf, asio::as_tuple(use_awaitable));
    EXPECT_EQ(ec, websocket::error::closed);
    EXPECT_EQ(ws.reason().code, 1009);
    co_await test::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(f.app.ws_closes, 1);
    co_await f.srv->stop();
  });
}

TEST(net_server, websocket_close_from_the_app_carries_its_code) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    websocket::stream<beast::tcp_stream> ws(co_await connect(f.ep));
    co_await ws.async_handshake("localhost", "/ws", use_awaitable);
    beast::flat_buffer buf;
    co_await ws.async_read(buf, use_awaitable);
    co_await ws.async_write(asio::buffer(std::string("close-me")), use_awaitable);
    auto [ec, n] = co_await ws.async_read(buf, asio::as_tuple(use_awaitable));
    EXPECT_EQ(ec, websocket::error::closed);
    EXPECT_EQ(ws.reason().code, 4000);
    EXPECT_EQ(ws.reason().reason, "asked");
    co_await f.srv->stop();
  });
}

TEST(net_server, one_broadcast_buffer_serves_every_connection) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    net::server_options opts;
    opts.websocket_close_timeout = std::chrono::milliseconds(100); // the clients stop reading
    f.start(io, opts);
    websocket::stream<beast::tcp_stream> a(co_await connect(f.ep)), b(co_await connect(f.ep));
    co_await a.async_handshake("localhost", "/ws", use_awaitable);
    co_await b.async_handshake("localhost", "/ws", use_awaitable);
    beast::flat_buffer ba, bb;
    co_await a.async_read(ba, use_awaitable);
    co_await b.async_read(bb, use_awaitable);
    ba.clear();
    bb.clear();
    auto frame = std::make_shared<const std::string>("to everyone");
    for (auto& c : f.app.connections) c->send(frame, false);
    co_await a.async_read(ba, use_awaitable);
    co_await b.async_read(bb, use_awaitable);
    EXPECT_EQ(beast::buffers_to_string(ba.data()), "to everyone");
    EXPECT_EQ(beast::buffers_to_string(bb.data()), "to everyone");
    co_await f.srv->stop();
  });
}

TEST(net_server, stop_closes_websockets_with_1001_and_idle_connections) {
  fixture f;
  test::run_async(f.io, [&](asio::io_context& io) -> asio::awaitable<void> {
    f.start(io);
    websocket::stream<beast::tcp_stream> ws(co_await connect(f.ep));
    co_await ws.async_handshake("localhost", "/ws", use_awaitable);
    beast::tcp_stream idle(co_await connect(f.ep));
    beast::flat_buffer buf;
    co_await ws.async_read(buf, use_awaitable);
    co_await test::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(f.srv->open_connections(), 2u);

    bool stopped = false;
    asio::co_spawn(io, [&]() -> asio::awaitable<void> {
      co_await f.srv->stop();
      stopped = true;
    }, asio::detached);
    auto [ec, n] = co_await ws.async_read(buf, asio::as_tuple(use_awaitable));
    EXPECT_EQ(ec, websocket::error::closed);
    EXPECT_EQ(ws.reason().code, 1001);
    char byte;
    auto [iec, in] = co_await idle.async_read_some(asio::buffer(&byte, 1), asio::as_tuple(use_awaitable));
    EXPECT_TRUE(iec); // closed by the server
    co_await test::sleep_for(std::chrono::milliseconds(50));
    EXPECT_TRUE(stopped);
    EXPECT_EQ(f.srv->open_connections(), 0u);
    EXPECT_EQ(f.app.ws_closes, 1);
  });
}

} // namespace
