#include "bus/redis_frame.hpp"

namespace mm::bus {

std::string encode_frame(std::string_view origin, const message& m) {
  const auto topic = encode(m.to);
  std::string wire;
  wire.reserve(origin.size() + topic.size() + m.event.size() + m.payload.size() + 3);
  wire.append(origin).append(1, '\n').append(topic).append(1, '\n').append(m.event).append(1, '\n').append(m.payload);
  return wire;
}

std::optional<redis_frame> parse_frame(std::string_view data) {
  const auto a = data.find('\n');
  if (a == std::string_view::npos) return std::nullopt;
  const auto b = data.find('\n', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  const auto c = data.find('\n', b + 1);
  if (c == std::string_view::npos) return std::nullopt;
  auto topic = parse_topic(data.substr(a + 1, b - a - 1));
  if (!topic) return std::nullopt;
  return redis_frame{std::string(data.substr(0, a)),
                     message{std::move(*topic), std::string(data.substr(b + 1, c - b - 1)), std::string(data.substr(c + 1))}};
}

} // namespace mm::bus
