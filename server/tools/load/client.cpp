#include "client.hpp"

#include "socketio/engine_packet.hpp"
#include "socketio/packet.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <deque>
#include <netinet/in.h>

namespace mm::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using asio::ip::tcp;

struct client::io {
  explicit io(const asio::any_io_executor& ex) : ws(ex) {}
  websocket::stream<beast::tcp_stream> ws;
  beast::flat_buffer buf;
  std::deque<std::string> queue;
  bool writing = false;
  bool open = false; // the WebSocket handshake completed
};

namespace {

void write_next(std::shared_ptr<client> self, std::shared_ptr<client::io> c) {
  c->writing = true;
  c->ws.text(true);
  c->ws.async_write(asio::buffer(c->queue.front()), [self, c](beast::error_code ec, std::size_t) {
    c->queue.pop_front();
    if (ec) {
      c->writing = false;
      c->queue.clear();
      return;
    }
    if (c->queue.empty())
      c->writing = false;
    else
      write_next(std::move(self), std::move(c));
  });
}

// The source address for client `index`: 127.0.0.(1 + index % n), n at most 254.
asio::ip::address_v4 source_address(std::size_t index, int n) {
  const auto host = 1 + static_cast<unsigned>(index % static_cast<std::size_t>(std::clamp(n, 1, 254)));
  return asio::ip::address_v4((127u << 24) | host);
}

} // namespace

// Runs one connection from TCP connect to close; it owns `c`, the client owns the latest io.
struct connection_runner {
  static asio::awaitable<void> run(std::shared_ptr<client> self, std::shared_ptr<client::io> c);
};

asio::awaitable<void> connection_runner::run(std::shared_ptr<client> self, std::shared_ptr<client::io> c) {
  beast::error_code ec;
  auto& sock = beast::get_lowest_layer(c->ws).socket();
  sock.open(tcp::v4(), ec);
  if (!ec) {
    const int one = 1;
#ifdef IP_BIND_ADDRESS_NO_PORT
    ::setsockopt(sock.native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
#endif
    sock.set_option(tcp::no_delay(true), ec);
    sock.bind(tcp::endpoint(source_address(self->index_, self->cfg_.source_addresses), 0), ec);
  }
  if (!ec) {
    const tcp::endpoint server(asio::ip::make_address(self->cfg_.host), self->cfg_.port);
    co_await sock.async_connect(server, asio::redirect_error(asio::use_awaitable, ec));
  }
  if (!ec) {
    websocket::stream_base::timeout t{};
    t.handshake_timeout = std::chrono::seconds(15);
    t.idle_timeout = websocket::stream_base::none();
    t.keep_alive_pings = false;
    c->ws.set_option(t);
    const std::string host = self->cfg_.host + ":" + std::to_string(self->cfg_.port);
    co_await c->ws.async_handshake(host, "/socket.io/?EIO=4&transport=websocket",
                                   asio::redirect_error(asio::use_awaitable, ec));
  }
  if (!ec && self->io_ == c) {
    c->open = true;
    std::string hello = "40";
    hello += json::serialize(json::object{{"token", self->token_}});
    self->send_text(std::move(hello));
  }
  while (!ec && self->io_ == c) {
    c->buf.clear();
    co_await c->ws.async_read(c->buf, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || self->io_ != c) break;
    const auto data = c->buf.cdata();
    self->on_text(std::string_view(static_cast<const char*>(data.data()), data.size()));
  }
  c->open = false;
  if (self->io_ == c) { // not replaced or dropped on purpose
    beast::error_code ignored;
    beast::get_lowest_layer(c->ws).socket().close(ignored);
    self->closed();
  }
}

client::client(asio::any_io_executor ex, const endpoint_config& cfg, std::size_t index, std::string user_id,
               std::string token)
    : ex_(std::move(ex)), cfg_(cfg), index_(index), user_id_(std::move(user_id)), token_(std::move(token)) {}

client::~client() = default;

void client::connect(state_fn done) {
  state_ = state::connecting;
  connect_done_ = std::move(done);
  acks_.clear();
  auto c = std::make_shared<io>(ex_);
  io_ = c;
  asio::co_spawn(ex_, connection_runner::run(shared_from_this(), std::move(c)), asio::detached);
}

void client::drop() {
  auto c = std::move(io_);
  io_.reset();
  state_ = state::closed;
  acks_.clear();
  if (c) {
    beast::error_code ignored;
    beast::get_lowest_layer(c->ws).socket().close(ignored);
  }
}

void client::close() { drop(); }

void client::emit(std::string_view event, json::value arg, ack_fn on_ack) {
  std::string out = "4";
  json::array args;
  args.push_back(std::move(arg));
  std::optional<std::uint64_t> id;
  if (on_ack) {
    id = next_ack_++;
    acks_.emplace(*id, std::move(on_ack));
  }
  socketio::encode_event_packet(out, "/", std::optional<std::string_view>(event), args, id, 0);
  send_text(std::move(out));
}

void client::send_text(std::string text) {
  auto c = io_;
  if (!c || !c->open) return;
  c->queue.push_back(std::move(text));
  if (!c->writing) write_next(shared_from_this(), std::move(c));
}

void client::on_text(std::string_view text) {
  ++received_;
  if (text.empty()) return;
  switch (static_cast<socketio::engine_packet_type>(text[0])) {
  case socketio::engine_packet_type::ping:
    ++pings_received;
    send_text("3");
    return;
  case socketio::engine_packet_type::close:
    closed();
    return;
  case socketio::engine_packet_type::message:
    break;
  default:
    return; // open ("0{...}"), noop
  }
  auto decoded = socketio::decode_packet(text.substr(1));
  if (!decoded) return;
  auto& p = *decoded;
  switch (p.type) {
  case socketio::packet_type::connect:
    finish_connect(true);
    break;
  case socketio::packet_type::connect_error:
    drop();
    finish_connect(false);
    break;
  case socketio::packet_type::event: {
    auto* arr = p.data.if_array();
    if (!arr || arr->empty() || !(*arr)[0].is_string()) return;
    const std::string name((*arr)[0].get_string());
    arr->erase(arr->begin());
    if (on_event) on_event(*this, name, *arr);
    break;
  }
  case socketio::packet_type::ack: {
    if (!p.id) return;
    auto it = acks_.find(*p.id);
    if (it == acks_.end()) return;
    auto fn = std::move(it->second);
    acks_.erase(it);
    if (auto* arr = p.data.if_array()) fn(*this, *arr);
    break;
  }
  case socketio::packet_type::disconnect:
    closed();
    break;
  default:
    break;
  }
}

void client::finish_connect(bool ok) {
  auto done = std::move(connect_done_);
  connect_done_ = nullptr;
  if (!done) return;
  state_ = ok ? state::connected : state::closed;
  done(*this, ok);
}

void client::closed() {
  const bool was_connected = state_ == state::connected;
  drop();
  if (connect_done_)
    finish_connect(false);
  else if (was_connected && on_closed)
    on_closed(*this, false);
}

} // namespace mm::load
