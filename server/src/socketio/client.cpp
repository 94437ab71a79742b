#include "socketio/client.hpp"

#include "socketio/engine_socket.hpp"
#include "socketio/error.hpp"
#include "socketio/server.hpp"
#include "socketio/socket.hpp"

#include "net/random_token.hpp"
#include "net/spawn.hpp"

#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

namespace mm::socketio {
namespace {

std::shared_ptr<const std::string> encode_text(const packet& p) {
  auto text = std::make_shared<std::string>("4");
  encode_packet(p, *text);
  return text;
}

} // namespace

client::client(std::shared_ptr<server_state> server, std::shared_ptr<engine_socket> connection)
    : server_(std::move(server)), conn_(std::move(connection)),
      request_(conn_->handshake_ptr()), decoder_(server_->options.max_attachments),
      connect_timer_(server_->executor), allowance_(static_cast<double>(server_->options.message_burst)),
      allowed_at_(std::chrono::steady_clock::now()) {}

void client::start() {
  auto self = shared_from_this();
  conn_->on_message = [self](std::string_view data, bool binary) { self->on_message(data, binary); };
  conn_->on_close = [self](std::string_view reason) { self->on_close(reason); };
  connect_timer_.expires_after(server_->options.connect_timeout);
  connect_timer_.async_wait([weak = weak_from_this()](boost::system::error_code ec) {
    if (ec) return;
    auto self = weak.lock();
    if (self && self->sockets_.empty() && self->connecting_.empty()) self->close();
  });
}

void client::write(const encoded_packet& packet) {
  if (closed_) return;
  conn_->send({packet.text, false});
  for (const auto& a : packet.attachments) conn_->send({a, true});
}

void client::write_text(std::shared_ptr<const std::string> text) {
  if (!closed_) conn_->send({std::move(text), false});
}

void client::close() {
  if (closed_) return;
  conn_->close();
}

void client::remove(const socket& s) {
  auto it = sockets_.find(s.space().name());
  if (it != sockets_.end() && it->second.get() == &s) sockets_.erase(it);
}

void client::shut_down(std::string_view reason) {
  if (closed_) return;
  auto self = shared_from_this();
  conn_->abort(reason, net::close_code::going_away);
}

bool client::within_rate() {
  const auto& o = server_->options;
  if (o.message_burst == 0) return true;
  const auto now = std::chrono::steady_clock::now();
  allowance_ = std::min(static_cast<double>(o.message_burst),
                        allowance_ + std::chrono::duration<double>(now - allowed_at_).count() * o.message_rate);
  allowed_at_ = now;
  if (allowance_ < 1) return false;
  allowance_ -= 1;
  return true;
}

void client::on_message(std::string_view data, bool binary) {
  if (!within_rate()) {
    spdlog::info("socket.io: closing connection {}: it sends messages faster than allowed", conn_->id());
    auto self = shared_from_this();
    conn_->abort("rate limited", net::close_code::policy);
    return;
  }
  auto decoded = binary ? decoder_.add_binary(data) : decoder_.add_text(data);
  if (!decoded) {
    spdlog::debug("socket.io: closing connection {}: {}", conn_->id(), decoded.error().message());
    fail("parse error");
    return;
  }
  if (*decoded) on_packet(std::move(**decoded));
}

void client::fail(std::string_view reason) {
  auto self = shared_from_this();
  conn_->abort(reason);
}

void client::on_packet(decoded_packet p) {
  if (p.head.type == packet_type::connect) {
    auto* auth = p.head.data.if_object();
    connect(p.head.nsp, auth ? std::move(*auth) : boost::json::object{});
    return;
  }
  auto it = sockets_.find(p.head.nsp);
  if (it == sockets_.end()) return; // not connected to that namespace: ignored, as the reference does
  auto s = it->second;
  s->receive(std::move(p));
}

void client::connect(const std::string& name, boost::json::object auth) {
  if (sockets_.contains(name) || connecting_.contains(name)) return;
  auto* space = server_->find(name);
  if (!space) {
    refuse(name, boost::json::object{{"message", "Invalid namespace"}});
    return;
  }
  auto s = std::make_shared<socket>(*space, shared_from_this(), net::random_token(15),
                                    handshake_info{request_, std::move(auth)}, server_->executor);
  if (space->middlewares().empty()) {
    complete_connect(s);
    return;
  }
  connecting_.insert(name);
  net::spawn_logged(server_->executor, run_middlewares(std::move(s)), "socket.io middleware");
}

boost::asio::awaitable<void> client::run_middlewares(std::shared_ptr<socket> s) {
  auto self = shared_from_this();
  const std::string name = s->space().name();
  std::optional<boost::json::value> refusal;
  for (const auto& middleware : s->space().middlewares()) {
    try {
      refusal = co_await middleware(*s);
    } catch (const std::exception& e) {
      spdlog::error("socket.io: middleware of {} threw: {}", name, e.what());
      refusal = boost::json::object{{"message", "internal error"}};
    }
    if (refusal || closed_) break;
  }
  connecting_.erase(name);
  if (closed_) co_return;
  if (refusal) {
    if (refusal->is_string()) refusal = boost::json::object{{"message", refusal->get_string()}};
    else if (!refusal->is_object()) refusal = boost::json::object{{"message", "unauthorized"}};
    refuse(name, std::move(*refusal));
    co_return;
  }
  complete_connect(s);
}

void client::complete_connect(const std::shared_ptr<socket>& s) {
  auto& space = s->space();
  s->connected_ = true;
  sockets_[space.name()] = s;
  space.add(s);
  connect_timer_.cancel();
  packet ok;
  ok.type = packet_type::connect;
  ok.nsp = space.name();
  ok.data = boost::json::object{{"sid", s->id()}};
  write_text(encode_text(ok));
  try {
    space.notify_connection(s);
  } catch (const std::exception& e) {
    spdlog::error("socket.io: connection handler of {} threw: {}", space.name(), e.what());
  }
}

void client::refuse(const std::string& name, boost::json::value data) {
  packet p;
  p.type = packet_type::connect_error;
  p.nsp = name;
  p.data = std::move(data);
  write_text(encode_text(p));
}

void client::on_close(std::string_view reason) {
  if (closed_) return;
  auto self = shared_from_this();
  closed_ = true;
  connect_timer_.cancel();
  auto sockets = std::move(sockets_);
  sockets_.clear();
  for (auto& [name, s] : sockets) s->detach(reason);
  server_->clients.erase(self);
}

} // namespace mm::socketio
