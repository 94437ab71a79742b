#include "socketio/packet.hpp"

#include "socketio/error.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace mm::socketio {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_number(std::string& out, std::uint64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

void append_header(std::string& out, packet_type type, std::string_view nsp, std::optional<std::uint64_t> id,
                   std::size_t attachments) {
  out += static_cast<char>(type);
  if (type == packet_type::binary_event || type == packet_type::binary_ack) {
    append_number(out, attachments);
    out += '-';
  }
  if (!nsp.empty() && nsp != "/") {
    out += nsp;
    out += ',';
  }
  if (id) append_number(out, *id);
}

// Boost.JSON 1.81 parses a number beyond the double range (1e400) as infinity and would
// serialize it as `Infinity`, which is not JSON: such data is refused, so that whatever decodes
// re-encodes to valid JSON (a relayed payload must not get its recipient disconnected).
bool all_finite(const boost::json::value& v) {
  if (const auto* d = v.if_double()) return std::isfinite(*d);
  if (const auto* a = v.if_array()) {
    for (const auto& e : *a)
      if (!all_finite(e)) return false;
  } else if (const auto* o = v.if_object()) {
    for (const auto& kv : *o)
      if (!all_finite(kv.value())) return false;
  }
  return true;
}

bool valid_data(packet_type type, const boost::json::value& data) {
  switch (type) {
  case packet_type::connect: return data.is_object();
  case packet_type::disconnect: return false;
  case packet_type::connect_error: return data.is_string() || data.is_object();
  case packet_type::event:
  case packet_type::binary_event: {
    const auto* a = data.if_array();
    if (!a || a->empty()) return false;
    const auto& name = a->front();
    if (name.is_number()) return true;
    return name.is_string() && !is_reserved_event(name.get_string());
  }
  case packet_type::ack:
  case packet_type::binary_ack: return data.is_array();
  }
  return false;
}

} // namespace

bool is_reserved_event(std::string_view name) {
  static constexpr std::array<std::string_view, 6> reserved{"connect",       "connect_error", "disconnect",
                                                             "disconnecting", "newListener",   "removeListener"};
  for (auto r : reserved)
    if (r == name) return true;
  return false;
}

void encode_packet(const packet& p, std::string& out) {
  append_header(out, p.type, p.nsp, p.id, p.attachments);
  if (!p.data.is_null()) out += boost::json::serialize(p.data);
}

std::string encode_packet(const packet& p) {
  std::string out;
  encode_packet(p, out);
  return out;
}

void encode_event_packet(std::string& out, std::string_view nsp, const std::optional<std::string_view>& event,
                         const boost::json::array& args, std::optional<std::uint64_t> id, std::size_t attachments) {
  packet_type type = event ? packet_type::event : packet_type::ack;
  if (attachments > 0) type = event ? packet_type::binary_event : packet_type::binary_ack;
  append_header(out, type, nsp, id, attachments);
  out += '[';
  bool first = true;
  if (event) {
    out += boost::json::serialize(boost::json::string_view(event->data(), event->size()));
    first = false;
  }
  for (const auto& arg : args) {
    if (!first) out += ',';
    first = false;
    out += boost::json::serialize(arg);
  }
  out += ']';
}

boost::system::result<packet> decode_packet(std::string_view str) {
  if (str.empty() || str.front() < '0' || str.front() > '6') return make_error_code(error::invalid_packet_type);
  packet p;
  p.type = static_cast<packet_type>(str.front());
  std::size_t i = 0; // index of the last character consumed

  if (p.type == packet_type::binary_event || p.type == packet_type::binary_ack) {
    const auto dash = str.find('-', 1);
    if (dash == std::string_view::npos || dash == 1 || dash > 8) return make_error_code(error::invalid_attachments);
    std::size_t count = 0;
    for (std::size_t k = 1; k < dash; ++k) {
      if (!is_digit(str[k])) return make_error_code(error::invalid_attachments);
      count = count * 10 + static_cast<std::size_t>(str[k] - '0');
    }
    p.attachments = count;
    i = dash;
  }

  if (i + 1 < str.size() && str[i + 1] == '/') {
    const auto start = i + 1;
    const auto comma = str.find(',', start);
    const auto end = comma == std::string_view::npos ? str.size() : comma;
    p.nsp = std::string(str.substr(start, end - start));
    i = end;
  }

  if (i + 1 < str.size() && is_digit(str[i + 1])) {
    const auto start = i + 1;
    auto end = start;
    while (end < str.size() && is_digit(str[end])) ++end;
    if (end - start > 16) return make_error_code(error::invalid_ack_id);
    std::uint64_t id = 0;
    std::from_chars(str.data() + start, str.data() + end, id);
    if (id > max_ack_id) return make_error_code(error::invalid_ack_id);
    p.id = id;
    i = end - 1;
  }

  if (i + 1 < str.size()) {
    boost::system::error_code ec;
    boost::json::parse_options opts;
    opts.max_depth = 64;
    p.data = boost::json::parse(str.substr(i + 1), ec, {}, opts);
    if (ec || !valid_data(p.type, p.data) || !all_finite(p.data)) return make_error_code(error::invalid_payload);
  } else if (p.type == packet_type::event || p.type == packet_type::binary_event) {
    return make_error_code(error::invalid_payload);
  }
  return p;
}

boost::json::object placeholder(std::size_t n) {
  boost::json::object o;
  o["_placeholder"] = true;
  o["num"] = n;
  return o;
}

boost::system::result<void> check_placeholders(const boost::json::value& data, std::size_t count) {
  if (const auto* a = data.if_array()) {
    for (const auto& v : *a)
      if (auto r = check_placeholders(v, count); !r) return r;
  } else if (const auto* o = data.if_object()) {
    if (const auto* flag = o->if_contains("_placeholder"); flag && flag->is_bool() && flag->get_bool()) {
      const auto* num = o->if_contains("num");
      if (!num) return make_error_code(error::invalid_attachments);
      if (num->is_int64() && num->get_int64() >= 0 && static_cast<std::uint64_t>(num->get_int64()) < count) return {};
      if (num->is_uint64() && num->get_uint64() < count) return {};
      return make_error_code(error::invalid_attachments);
    }
    for (const auto& kv : *o)
      if (auto r = check_placeholders(kv.value(), count); !r) return r;
  }
  return {};
}

} // namespace mm::socketio
