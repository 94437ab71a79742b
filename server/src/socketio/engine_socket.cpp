#include "socketio/engine_socket.hpp"

#include "socketio/engine_registry.hpp"
#include "socketio/engine_request.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

namespace mm::socketio {
namespace {
using T = engine_packet_type;
constexpr std::chrono::milliseconds probe_check_interval{100};

const engine_frame& shared_frame(T type) {
  static const engine_frame ping = make_engine_frame(T::ping);
  static const engine_frame noop = make_engine_frame(T::noop);
  static const engine_frame close = make_engine_frame(T::close);
  return type == T::ping ? ping : type == T::noop ? noop : close;
}

net::response poll_response(std::string body) {
  auto res = net::response::text(200, std::move(body), "text/plain; charset=UTF-8");
  res.set("Cache-Control", "no-store");
  return res;
}
} // namespace

// A GET waiting for something to send. The timer never expires by itself: it is cancelled to
// wake the waiting coroutine.
struct engine_socket::poll_waiter {
  explicit poll_waiter(const boost::asio::any_io_executor& ex) : signal(ex, std::chrono::steady_clock::time_point::max()) {}
  boost::asio::steady_timer signal;
  std::string body;
  bool answered = false;
  bool rejected = false; // the session moved to WebSocket while this poll waited
};

// Routes one WebSocket's messages to its session; the transport and a probing WebSocket each
// have one.
class engine_socket::ws_handler final : public net::websocket_handler {
public:
  ws_handler(std::shared_ptr<engine_socket> owner, net::websocket_connection* ws) : owner_(std::move(owner)), ws_(ws) {}
  void on_message(std::string_view data, bool binary) override { owner_->on_ws_message(ws_, data, binary); }
  void on_close() override { owner_->on_ws_close(ws_); }

private:
  std::shared_ptr<engine_socket> owner_;
  net::websocket_connection* ws_; // identity only
};

engine_socket::engine_socket(std::shared_ptr<engine_registry> registry, std::string id, net::request handshake,
                             transport_kind transport)
    : registry_(std::move(registry)), id_(std::move(id)), transport_(transport), heartbeat_(registry_->executor) {
  handshake.body.clear();
  handshake.body.shrink_to_fit();
  handshake.headers.shrink_to_fit();
  handshake_ = std::make_shared<const net::request>(std::move(handshake));
}

engine_socket::~engine_socket() = default;

void engine_socket::start() { arm_heartbeat(registry_->options.ping_interval); }

void engine_socket::send(engine_frame frame) {
  if (state_ != state::open || !frame.data) return;
  if (transport_ == transport_kind::websocket && ws_) {
    ws_->send(std::move(frame.data), frame.binary);
    return;
  }
  outbox_bytes_ += frame.data->size();
  outbox_.push_back(std::move(frame));
  if (outbox_bytes_ > registry_->options.max_buffered) {
    spdlog::warn("engine.io session {}: {} bytes unsent, closing", id_, outbox_bytes_);
    abort("transport error");
    return;
  }
  flush_poll();
}

void engine_socket::send_text(std::string_view text) {
  auto s = std::make_shared<std::string>();
  s->reserve(text.size() + 1);
  *s += '4';
  *s += text;
  send({std::move(s), false});
}

void engine_socket::close(std::uint16_t ws_code) {
  if (state_ != state::open) return;
  auto self = shared_from_this(); // unregister() may drop the registry's reference
  state_ = state::closing;
  cancel_upgrade();
  if (transport_ == transport_kind::websocket && ws_) {
    ws_->close(ws_code);
    ws_.reset();
    state_ = state::closed;
    unregister();
  } else if (waiting_poll_) {
    outbox_.push_back(shared_frame(T::close));
    flush_poll();
    state_ = state::closed;
    unregister();
  } else {
    // Wait for the next poll to deliver the outbox and the close packet, but not forever.
    arm_heartbeat(registry_->options.ping_interval + registry_->options.ping_timeout);
  }
  notify_closed("forced close");
}

void engine_socket::abort(std::string_view reason, std::uint16_t ws_code) {
  if (state_ == state::closed) return;
  auto self = shared_from_this(); // unregister() may drop the registry's reference
  const bool was_open = state_ == state::open;
  state_ = state::closed;
  cancel_upgrade();
  heartbeat_.cancel();
  outbox_.clear();
  outbox_bytes_ = 0;
  if (ws_) {
    ws_->close(ws_code);
    ws_.reset();
  }
  // A client that closed itself gets a noop on its pending poll; otherwise the close packet.
  if (waiting_poll_) answer_poll(reason == "transport close" ? "6" : "1");
  unregister();
  if (was_open) notify_closed(reason);
}

bool engine_socket::heartbeat_expired() const noexcept {
  if (state_ != state::open || heartbeat_generation_ == 0) return false; // not started
  const auto now = std::chrono::steady_clock::now();
  // A ping overdue by more than ping_timeout (the server was stalled): by the clock, the pong
  // could not have come in time.
  if (!awaiting_pong_) return now > heartbeat_.expiry() + registry_->options.ping_timeout;
  if (now > pong_deadline_) return true;
  // A polling client that has not even fetched the ping within ping_timeout of when it was due
  // is gone, however late a busy server queued it.
  return transport_ == transport_kind::polling && !outbox_.empty() &&
         now > ping_due_ + registry_->options.ping_timeout;
}

boost::asio::awaitable<net::response> engine_socket::handle_poll(const net::request& req) {
  auto self = shared_from_this();
  if (waiting_poll_) {
    abort("transport error");
    co_return engine_error_response(engine_error::bad_request);
  }
  if (!outbox_.empty()) {
    std::string body = encode_engine_payload(outbox_);
    outbox_.clear();
    outbox_bytes_ = 0;
    if (state_ == state::closing) {
      body += payload_separator;
      body += '1';
      state_ = state::closed;
      heartbeat_.cancel();
      unregister();
    }
    co_return poll_response(std::move(body));
  }
  if (state_ == state::closing) {
    state_ = state::closed;
    heartbeat_.cancel();
    unregister();
    co_return poll_response("1");
  }
  auto waiter = std::make_shared<poll_waiter>(registry_->executor);
  waiting_poll_ = waiter;
  boost::system::error_code ec;
  co_await waiter->signal.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  if (waiting_poll_ == waiter) waiting_poll_.reset();
  if (waiter->rejected) co_return engine_error_response(engine_error::bad_request);
  co_return poll_response(waiter->answered ? std::move(waiter->body) : std::string("6"));
}

net::response engine_socket::handle_post(const net::request& req) {
  auto self = shared_from_this(); // callbacks may drop the last other reference
  if (req.body.size() > registry_->options.max_payload) {
    abort("transport error");
    return net::response::text(413, "Payload Too Large");
  }
  auto packets = decode_engine_payload(req.body);
  if (!packets) {
    abort("parse error");
    return engine_error_response(engine_error::bad_request);
  }
  for (const auto& p : *packets) {
    if (state_ != state::open) break;
    on_packet(p);
  }
  return net::response::text(200, "ok", "text/html");
}

void engine_socket::on_packet(const engine_packet& p) {
  switch (p.type) {
  case T::message:
    if (on_message) on_message(p.data, p.binary);
    break;
  case T::pong:
    if (awaiting_pong_) arm_heartbeat(registry_->options.ping_interval);
    break;
  case T::close: abort("transport close"); break;
  case T::ping: abort("transport error"); break; // v4: the server pings, never the client
  case T::open:
  case T::upgrade:
  case T::noop: break;
  }
}

std::shared_ptr<net::websocket_handler> engine_socket::attach_websocket(std::shared_ptr<net::websocket_connection> ws) {
  auto handler = std::make_shared<ws_handler>(shared_from_this(), ws.get());
  ws_ = std::move(ws);
  transport_ = transport_kind::websocket;
  for (auto& f : outbox_) ws_->send(std::move(f.data), f.binary);
  outbox_.clear();
  outbox_bytes_ = 0;
  return handler;
}

bool engine_socket::can_upgrade() const noexcept {
  return state_ == state::open && transport_ == transport_kind::polling && !probe_ && !upgraded_ &&
         registry_->options.allow_upgrades;
}

bool engine_socket::has_websocket() const noexcept {
  return state_ == state::open && (transport_ == transport_kind::websocket || probe_);
}

std::shared_ptr<net::websocket_handler> engine_socket::begin_upgrade(std::shared_ptr<net::websocket_connection> ws) {
  auto handler = std::make_shared<ws_handler>(shared_from_this(), ws.get());
  probe_ = std::move(ws);
  probed_ = false;
  upgrade_deadline_ = std::chrono::steady_clock::now() + registry_->options.upgrade_timeout;
  arm_upgrade_check(registry_->options.upgrade_timeout);
  return handler;
}

// While a probe is on, like the reference server: every 100 ms a waiting poll is ended with a
// noop so that the client can pause polling; the upgrade is given up at its deadline.
void engine_socket::arm_upgrade_check(std::chrono::milliseconds after) {
  if (!upgrade_timer_) upgrade_timer_ = std::make_unique<boost::asio::steady_timer>(registry_->executor);
  upgrade_timer_->expires_after(after);
  upgrade_timer_->async_wait([weak = weak_from_this()](boost::system::error_code ec) {
    if (ec) return;
    auto self = weak.lock();
    if (!self || !self->probe_) return;
    if (std::chrono::steady_clock::now() >= self->upgrade_deadline_) {
      self->cancel_upgrade();
      return;
    }
    if (self->waiting_poll_) self->answer_poll("6");
    self->arm_upgrade_check(probe_check_interval);
  });
}

void engine_socket::on_ws_message(net::websocket_connection* from, std::string_view data, bool binary) {
  auto self = shared_from_this();
  if (probe_ && from == probe_.get()) {
    const auto p = binary ? boost::system::result<engine_packet>(engine_packet{T::message, {}, true})
                          : decode_engine_packet(data);
    if (p && p->type == T::ping && p->data == "probe") {
      probe_->send(std::make_shared<const std::string>("3probe"), false);
      probed_ = true;
      flush_poll();
      arm_upgrade_check(probe_check_interval);
    } else if (p && p->type == T::upgrade) {
      finish_upgrade();
    } else {
      cancel_upgrade();
    }
    return;
  }
  if (!ws_ || from != ws_.get() || state_ != state::open) return;
  if (binary) {
    if (on_message) on_message(data, true);
    return;
  }
  auto p = decode_engine_packet(data);
  if (!p) {
    abort("parse error");
    return;
  }
  on_packet(*p);
}

void engine_socket::on_ws_close(net::websocket_connection* from) {
  if (probe_ && from == probe_.get()) {
    probe_.reset();
    probed_ = false;
    upgrade_timer_.reset(); // cancels its wait
    return;
  }
  if (ws_ && from == ws_.get()) {
    ws_.reset();
    abort("transport close");
  }
}

void engine_socket::finish_upgrade() {
  upgrade_timer_.reset(); // cancels its wait
  ws_ = std::move(probe_);
  probed_ = false;
  upgraded_ = true;
  transport_ = transport_kind::websocket;
  if (waiting_poll_) { // a well-behaved client paused polling before upgrading
    auto waiter = std::move(waiting_poll_);
    waiter->rejected = true;
    waiter->signal.cancel();
  }
  for (auto& f : outbox_) ws_->send(std::move(f.data), f.binary);
  outbox_.clear();
  outbox_bytes_ = 0;
}

void engine_socket::cancel_upgrade() {
  upgrade_timer_.reset(); // cancels its wait
  if (probe_) {
    auto probe = std::move(probe_);
    probe->close(net::close_code::normal);
  }
  probed_ = false;
}

void engine_socket::flush_poll() {
  if (!waiting_poll_ || outbox_.empty()) return;
  std::string body = encode_engine_payload(outbox_);
  outbox_.clear();
  outbox_bytes_ = 0;
  answer_poll(std::move(body));
}

void engine_socket::answer_poll(std::string body) {
  auto waiter = std::move(waiting_poll_);
  waiter->body = std::move(body);
  waiter->answered = true;
  waiter->signal.cancel();
}

void engine_socket::arm_heartbeat(std::chrono::milliseconds after) {
  arm_heartbeat_at(std::chrono::steady_clock::now() + after);
}

void engine_socket::arm_heartbeat_at(std::chrono::steady_clock::time_point when) {
  const auto generation = ++heartbeat_generation_;
  heartbeat_.expires_at(when);
  heartbeat_.async_wait([weak = weak_from_this(), generation](boost::system::error_code ec) {
    if (ec) return;
    auto self = weak.lock();
    if (self && self->heartbeat_generation_ == generation) self->on_heartbeat();
  });
  if (state_ == state::open) awaiting_pong_ = false;
}

void engine_socket::on_heartbeat() {
  auto self = shared_from_this();
  if (state_ == state::closing) { // nobody came for the close packet
    state_ = state::closed;
    outbox_.clear();
    unregister();
    return;
  }
  if (state_ != state::open) return;
  if (awaiting_pong_) {
    abort("ping timeout");
    return;
  }
  ping_due_ = heartbeat_.expiry();
  send(shared_frame(T::ping));
  // As the reference server does, the pong is due ping_timeout after the ping is sent.
  pong_deadline_ = std::chrono::steady_clock::now() + registry_->options.ping_timeout;
  arm_heartbeat_at(pong_deadline_);
  awaiting_pong_ = true;
}

void engine_socket::notify_closed(std::string_view reason) {
  auto on_close_fn = std::move(on_close);
  on_close = nullptr;
  on_message = nullptr;
  if (on_close_fn) on_close_fn(reason);
}

void engine_socket::unregister() {
  auto it = registry_->sessions.find(id_);
  if (it != registry_->sessions.end() && it->second.get() == this) registry_->sessions.erase(it);
}

} // namespace mm::socketio
