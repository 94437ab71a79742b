#include "net/detail/http_session.hpp"

#include "net/detail/http_io.hpp"
#include "net/detail/websocket_session.hpp"
#include "net/websocket_handshake.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <spdlog/spdlog.h>

#include <optional>
#include <variant>

namespace mm::net::detail {
namespace beast = boost::beast;
namespace http = boost::beast::http;
using boost::asio::as_tuple;
using boost::asio::use_awaitable;
using clock = std::chrono::steady_clock;

namespace {

class http_session final : public connection, public std::enable_shared_from_this<http_session> {
public:
  http_session(std::shared_ptr<server::state> state, boost::asio::ip::tcp::socket socket)
      : state_(std::move(state)), stream_(std::move(socket)) {
    boost::system::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_address_ = peer.address().to_string();
    stream_.socket().set_option(boost::asio::ip::tcp::no_delay(true), ec);
    state_->add(this);
  }
  ~http_session() {
    if (registered_) state_->remove(this);
  }

  boost::asio::awaitable<void> run();

  void stop() override {
    stop_requested_ = true;
    if (phase_ == phase::reading) abort();
  }
  void abort() override {
    boost::system::error_code ec;
    auto& socket = stream_.socket();
    if (socket.is_open()) {
      socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
      socket.close(ec);
    }
  }

private:
  enum class phase { reading, busy };

  // Answers an error net detects by itself, then the connection closes.
  boost::asio::awaitable<void> fail(int status, std::string_view message, std::string_view method,
                                    std::string_view path) {
    const auto id = state_->next_request_id();
    const auto start = clock::now();
    phase_ = phase::busy;
    stream_.expires_after(state_->options.write_timeout);
    auto res = state_->error(status, message); // a named local: see docs/decisions/0002
    co_await write_response(stream_, std::move(res), false, false, id);
    log_request(method.empty() ? "-" : method, path.empty() ? "-" : path, status, start, id);
  }

  boost::asio::awaitable<void> upgrade(beast_request req, std::string id, clock::time_point start);

  std::shared_ptr<server::state> state_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string remote_address_;
  phase phase_ = phase::reading;
  bool stop_requested_ = false;
  bool registered_ = true;
};

// Parse errors that deserve a 400 answer; the rest (peer gone, timeout) just close.
// The headers of the opening handshake that net answers itself (RFC 6455 4.2.1): the request
// handed to the upgrade hook goes without them, since the layer above may keep it for the
// connection's whole life (socketio keeps its handshake request) and never reads them.
void drop_handshake_headers(request& req) {
  std::erase_if(req.headers, [](const header& h) {
    return iequals(h.name, "Upgrade") || iequals(h.name, "Connection") || iequals(h.name, "Sec-WebSocket-Key") ||
           iequals(h.name, "Sec-WebSocket-Version") || iequals(h.name, "Sec-WebSocket-Extensions");
  });
  req.headers.shrink_to_fit();
}

bool is_bad_request(const boost::system::error_code& ec) {
  if (ec.category() != http::make_error_code(http::error::end_of_stream).category()) return false;
  return ec != http::error::end_of_stream && ec != http::error::partial_message && ec != http::error::need_more;
}

boost::asio::awaitable<void> http_session::run() {
  auto self = shared_from_this();
  bool first = true;
  while (!stop_requested_) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(state_->options.header_limit));
    parser.body_limit(state_->options.body_limit);
    phase_ = phase::reading;
    stream_.expires_after(first ? state_->options.header_timeout : state_->options.idle_timeout);
    first = false;

    auto [ec, n] = co_await http::async_read_header(stream_, buffer_, parser, as_tuple(use_awaitable));
    if (ec) {
      if (ec == http::error::header_limit) co_await fail(431, "request header too large", {}, {});
      else if (ec == http::error::body_limit) co_await fail(413, "request body too large", {}, {});
      else if (is_bad_request(ec)) co_await fail(400, "malformed HTTP request", {}, {});
      break;
    }
    phase_ = phase::busy;
    const auto start = clock::now();
    auto& head = parser.get();
    const std::string method(head.method_string());
    const std::string path(head.target().substr(0, head.target().find('?')));

    if (!parser.is_done()) {
      if (beast::iequals(head[http::field::expect], "100-continue")) {
        http::response<http::empty_body> cont{http::status::continue_, 11};
        stream_.expires_after(state_->options.write_timeout);
        auto [wec, wn] = co_await http::async_write(stream_, cont, as_tuple(use_awaitable));
        if (wec) break;
      }
      stream_.expires_after(state_->options.body_timeout);
      auto [bec, bn] = co_await http::async_read(stream_, buffer_, parser, as_tuple(use_awaitable));
      if (bec) {
        if (bec == http::error::body_limit) co_await fail(413, "request body too large", method, path);
        else if (is_bad_request(bec)) co_await fail(400, "malformed HTTP request", method, path);
        break;
      }
    }
    stream_.expires_never();

    auto breq = parser.release();
    std::string id = state_->next_request_id();
    if (beast::websocket::is_upgrade(breq)) {
      co_await upgrade(std::move(breq), std::move(id), start);
      co_return; // the stream now belongs to the WebSocket session
    }

    const bool head_only = breq.method() == http::verb::head;
    bool keep_alive = breq.keep_alive();
    response res;
    try {
      auto req = to_request(breq, remote_address_, id); // a named local: see docs/decisions/0002
      res = co_await state_->app.handle(std::move(req));
    } catch (const std::exception& e) {
      spdlog::error("handler threw on {} {} ({}): {}", method, path, id, e.what());
      res = state_->error(500, "internal error");
    }
    keep_alive = keep_alive && !stop_requested_ && !state_->stopping;
    const int status = res.status;
    stream_.expires_after(state_->options.write_timeout);
    auto wec = co_await write_response(stream_, std::move(res), head_only, keep_alive, id);
    log_request(method, path, status, start, id);
    if (wec || !keep_alive) break;
  }
  boost::system::error_code ec;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
  stream_.close();
}

boost::asio::awaitable<void> http_session::upgrade(beast_request req, std::string id, clock::time_point start) {
  // Hand the connection over: the WebSocket session registers itself, this one leaves.
  auto ws = std::make_shared<websocket_session>(state_, stream_.release_socket(), remote_address_);
  registered_ = false;
  state_->remove(this);

  const std::string method(req.method_string());
  const std::string path(req.target().substr(0, req.target().find('?')));
  // RFC 6455 4.2.1 beyond what is_upgrade() checked (GET, HTTP/1.1, Upgrade, Connection); then
  // the hook decides. A refusal is written as it is, then the connection closes.
  std::optional<response> refusal;
  std::shared_ptr<websocket_handler> handler;
  const auto key = req[http::field::sec_websocket_key];
  if (req[http::field::sec_websocket_version] != "13") {
    refusal = state_->error(426, "unsupported WebSocket version");
    refusal->set("Sec-WebSocket-Version", "13");
  } else if (!websocket::is_valid_key(key) || req[http::field::host].empty()) {
    refusal = state_->error(400, "bad WebSocket handshake");
  }
  std::string handshake = refusal ? std::string() : websocket::switching_protocols(key, id);
  // Bytes the client sent after its request (RFC 6455 forbids it; nothing is lost if one does).
  std::string early = beast::buffers_to_string(buffer_.data());
  if (!refusal) {
    upgrade_result decision;
    try {
      auto net_req = to_request(req, remote_address_, id); // a named local: see docs/decisions/0002
      drop_handshake_headers(net_req);
      decision = co_await state_->app.upgrade(std::move(net_req), ws);
    } catch (const std::exception& e) {
      spdlog::error("upgrade hook threw on {} ({}): {}", path, id, e.what());
      decision = state_->error(500, "internal error");
    }
    if (auto* r = std::get_if<response>(&decision)) refusal = std::move(*r);
    else if (!(handler = std::get<std::shared_ptr<websocket_handler>>(std::move(decision))))
      refusal = state_->error(500, "internal error");
  }
  if (refusal) {
    const int status = refusal->status;
    co_await ws->refuse(std::move(*refusal), false, id);
    log_request(method, path, status, start, id);
    co_return;
  }
  if (state_->stopping) ws->close(close_code::going_away, "server shutting down");
  log_request(method, path, 101, start, id);
  // The WebSocket lives on by completion handlers of its own, so that this session's coroutine
  // frame and buffers are freed now rather than held for the connection's lifetime.
  ws->start(std::move(handshake), std::move(handler), early);
}

} // namespace

boost::asio::awaitable<void> run_http_session(std::shared_ptr<server::state> state, boost::asio::ip::tcp::socket socket) {
  auto session = std::make_shared<http_session>(std::move(state), std::move(socket));
  co_await session->run();
}

} // namespace mm::net::detail
