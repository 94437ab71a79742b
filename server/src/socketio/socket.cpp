#include "socketio/socket.hpp"

#include "socketio/client.hpp"
#include "socketio/error.hpp"
#include "socketio/nsp.hpp"
#include "socketio/packet.hpp"
#include "socketio/packet_decoder.hpp"

#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

namespace mm::socketio {
namespace {

encoded_packet encode(std::string_view nsp_name, const std::optional<std::string_view>& event,
                      const boost::json::array& args, std::optional<std::uint64_t> id,
                      std::vector<std::string> attachments) {
  auto text = std::make_shared<std::string>("4");
  encode_event_packet(*text, nsp_name, event, args, id, attachments.size());
  encoded_packet p{std::move(text), {}};
  p.attachments.reserve(attachments.size());
  for (auto& a : attachments) p.attachments.push_back(std::make_shared<const std::string>(std::move(a)));
  return p;
}

} // namespace

socket::socket(nsp& space, std::shared_ptr<client> owner, std::string id, handshake_info handshake,
               boost::asio::any_io_executor executor)
    : nsp_(&space), client_(std::move(owner)), executor_(std::move(executor)), id_(std::move(id)),
      handshake_(std::move(handshake)) {}

socket::~socket() = default;

void socket::set_user_id(std::string user_id) {
  if (user_id == user_id_) return;
  if (connected_) nsp_->user_changed(*this, user_id_, user_id);
  user_id_ = std::move(user_id);
}

void socket::on(std::string name, event_handler handler) { handlers_[std::move(name)] = std::move(handler); }

void socket::on_disconnect(std::function<void(std::string_view)> handler) { on_disconnect_ = std::move(handler); }

bool socket::emit(std::string_view name, boost::json::array args, std::vector<std::string> attachments) {
  if (!connected_) return false;
  if (is_reserved_event(name)) {
    spdlog::warn("socket.io: refusing to emit reserved event \"{}\"", name);
    return false;
  }
  client_->write(encode(nsp_->name(), name, args, std::nullopt, std::move(attachments)));
  return true;
}

bool socket::emit_with_ack(std::string_view name, boost::json::array args, ack_callback callback,
                           std::chrono::milliseconds timeout, std::vector<std::string> attachments) {
  if (!connected_ || is_reserved_event(name)) return false;
  const auto id = next_ack_id_++;
  auto timer = std::make_unique<boost::asio::steady_timer>(executor_, timeout);
  timer->async_wait([weak = weak_from_this(), id](boost::system::error_code ec) {
    if (ec) return;
    auto self = weak.lock();
    if (!self) return;
    auto it = self->acks_.find(id);
    if (it == self->acks_.end()) return;
    auto cb = std::move(it->second.callback);
    self->acks_.erase(it);
    if (cb) cb(make_error_code(error::timed_out), {});
  });
  acks_.emplace(id, pending_ack{std::move(callback), std::move(timer)});
  client_->write(encode(nsp_->name(), name, args, id, std::move(attachments)));
  return true;
}

void socket::send_encoded(const encoded_packet& packet) {
  if (connected_) client_->write(packet);
}

void socket::send_encoded(std::shared_ptr<const std::string> text) {
  if (connected_) client_->write_text(std::move(text));
}

void socket::join(std::string room) {
  if (!connected_ || rooms_.contains(room)) return;
  nsp_->joined(*this, room);
  rooms_.insert(std::move(room));
}

void socket::leave(const std::string& room) {
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return;
  nsp_->left(*this, room);
  rooms_.erase(it);
}

void socket::disconnect(bool close_connection) {
  if (!connected_) return;
  auto self = shared_from_this();
  auto owner = client_;
  packet p;
  p.type = packet_type::disconnect;
  p.nsp = nsp_->name();
  auto text = std::make_shared<std::string>("4");
  encode_packet(p, *text);
  owner->write_text(std::move(text));
  detach("server namespace disconnect");
  owner->remove(*this);
  if (close_connection) owner->close();
}

void socket::detach(std::string_view reason) {
  if (!connected_) return;
  auto self = shared_from_this();
  connected_ = false;
  for (const auto& room : rooms_) nsp_->left(*this, room);
  rooms_.clear();
  nsp_->remove(*this);
  auto pending = std::move(acks_);
  acks_.clear();
  for (auto& [id, a] : pending) {
    a.timer->cancel();
    if (a.callback) a.callback(make_error_code(error::disconnected), {});
  }
  auto on_disconnect = std::move(on_disconnect_);
  on_disconnect_ = nullptr;
  if (on_disconnect) {
    try {
      on_disconnect(reason);
    } catch (const std::exception& e) {
      spdlog::error("socket.io: disconnect handler threw: {}", e.what());
    }
  }
  handlers_.clear();
  client_.reset();
}

void socket::receive(decoded_packet p) {
  if (!connected_) return;
  auto self = shared_from_this();
  switch (p.head.type) {
  case packet_type::event:
  case packet_type::binary_event: dispatch(std::move(p)); break;
  case packet_type::ack:
  case packet_type::binary_ack: resolve_ack(std::move(p)); break;
  case packet_type::disconnect: {
    auto owner = client_;
    detach("client namespace disconnect");
    owner->remove(*this);
    break;
  }
  case packet_type::connect:
  case packet_type::connect_error: break;
  }
}

void socket::dispatch(decoded_packet p) {
  auto& array = p.head.data.as_array();
  std::string name = array.front().is_string() ? std::string(array.front().get_string())
                                               : boost::json::serialize(array.front());
  array.erase(array.begin());
  message msg{std::move(array), std::move(p.attachments)};
  ack reply = p.head.id ? ack(weak_from_this(), *p.head.id) : ack{};
  try {
    if (auto it = handlers_.find(name); it != handlers_.end()) {
      auto handler = it->second; // the handler may replace itself
      handler(std::move(msg), std::move(reply));
    } else if (const auto* h = nsp_->handler_for(name)) {
      auto handler = *h;
      handler(shared_from_this(), std::move(msg), std::move(reply));
    } else if (const auto* fallback = nsp_->unhandled()) {
      auto handler = *fallback;
      handler(shared_from_this(), name, std::move(msg), std::move(reply));
    }
  } catch (const std::exception& e) {
    spdlog::error("socket.io: handler of \"{}\" in {} threw: {}", name, nsp_->name(), e.what());
  }
}

void socket::resolve_ack(decoded_packet p) {
  if (!p.head.id) return;
  auto it = acks_.find(*p.head.id);
  if (it == acks_.end()) return;
  auto cb = std::move(it->second.callback);
  it->second.timer->cancel();
  acks_.erase(it);
  if (!cb) return;
  try {
    auto* args = p.head.data.if_array();
    cb({}, message{args ? std::move(*args) : boost::json::array{}, std::move(p.attachments)});
  } catch (const std::exception& e) {
    spdlog::error("socket.io: ack callback in {} threw: {}", nsp_->name(), e.what());
  }
}

void socket::send_ack(std::uint64_t id, boost::json::array args, std::vector<std::string> attachments) {
  if (connected_) client_->write(encode(nsp_->name(), std::nullopt, args, id, std::move(attachments)));
}

} // namespace mm::socketio
