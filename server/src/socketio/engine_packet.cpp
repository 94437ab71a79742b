#include "socketio/engine_packet.hpp"

#include "socketio/base64.hpp"
#include "socketio/error.hpp"

namespace mm::socketio {

std::string encode_engine_packet(const engine_packet& packet) {
  if (packet.binary) return "b" + base64_encode(packet.data);
  std::string out;
  out.reserve(packet.data.size() + 1);
  out += static_cast<char>(packet.type);
  out += packet.data;
  return out;
}

boost::system::result<engine_packet> decode_engine_packet(std::string_view text) {
  if (text.empty()) return make_error_code(error::invalid_packet);
  if (text.front() == 'b') {
    auto bytes = base64_decode(text.substr(1));
    if (!bytes) return make_error_code(error::invalid_packet);
    return engine_packet{engine_packet_type::message, std::move(*bytes), true};
  }
  const char t = text.front();
  if (t < '0' || t > '6') return make_error_code(error::invalid_packet);
  return engine_packet{static_cast<engine_packet_type>(t), std::string(text.substr(1)), false};
}

std::string encode_engine_payload(std::span<const engine_frame> frames) {
  std::size_t size = 0;
  for (const auto& f : frames) size += (f.binary ? f.data->size() * 4 / 3 + 4 : f.data->size()) + 1;
  std::string out;
  out.reserve(size);
  bool first = true;
  for (const auto& f : frames) {
    if (!first) out += payload_separator;
    first = false;
    if (f.binary) {
      out += 'b';
      out += base64_encode(*f.data);
    } else {
      out += *f.data;
    }
  }
  return out;
}

boost::system::result<std::vector<engine_packet>> decode_engine_payload(std::string_view payload) {
  std::vector<engine_packet> packets;
  std::size_t pos = 0;
  for (;;) {
    const auto end = payload.find(payload_separator, pos);
    auto packet = decode_engine_packet(payload.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (!packet) return packet.error();
    packets.push_back(std::move(*packet));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return packets;
}

engine_frame make_engine_frame(engine_packet_type type, std::string_view data) {
  auto s = std::make_shared<std::string>();
  s->reserve(data.size() + 1);
  *s += static_cast<char>(type);
  *s += data;
  return {std::move(s), false};
}

} // namespace mm::socketio
