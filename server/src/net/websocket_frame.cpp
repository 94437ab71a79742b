#include "net/websocket_frame.hpp"

#include "net/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace mm::net::websocket {
using kind = frame_reader::event::kind;

namespace {
bool is_control(opcode op) noexcept { return (static_cast<std::uint8_t>(op) & 0x8) != 0; }
bool is_known(unsigned op) noexcept { return op <= 0x2 || (op >= 0x8 && op <= 0xA); }
} // namespace

std::size_t encode_header(opcode op, std::uint64_t payload_size, std::span<char, max_server_header> out) noexcept {
  out[0] = static_cast<char>(0x80 | static_cast<std::uint8_t>(op));
  if (payload_size < 126) {
    out[1] = static_cast<char>(payload_size);
    return 2;
  }
  if (payload_size <= 0xFFFF) {
    out[1] = 126;
    out[2] = static_cast<char>(payload_size >> 8);
    out[3] = static_cast<char>(payload_size & 0xFF);
    return 4;
  }
  out[1] = 127;
  for (int i = 0; i < 8; ++i) out[2 + i] = static_cast<char>((payload_size >> (56 - 8 * i)) & 0xFF);
  return 10;
}

std::string encode_frame(opcode op, std::string_view payload) {
  std::array<char, max_server_header> header;
  const auto n = encode_header(op, payload.size(), header);
  std::string out(header.data(), n);
  out.append(payload);
  return out;
}

std::string close_payload(std::uint16_t code, std::string_view reason) {
  std::string out;
  out.push_back(static_cast<char>(code >> 8));
  out.push_back(static_cast<char>(code & 0xFF));
  out.append(reason.substr(0, utf8_prefix(reason, max_close_reason)));
  return out;
}

void apply_mask(char* data, std::size_t size, std::array<unsigned char, 4> key, std::size_t offset) noexcept {
  unsigned char k[8];
  for (std::size_t i = 0; i < 8; ++i) k[i] = key[(offset + i) % 4];
  std::uint64_t k8;
  std::memcpy(&k8, k, 8);
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, data + i, 8);
    w ^= k8;
    std::memcpy(data + i, &w, 8);
  }
  for (; i < size; ++i) data[i] = static_cast<char>(data[i] ^ k[i % 8]);
}

bool is_valid_close_code(std::uint16_t code) noexcept {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

frame_reader::event frame_reader::fail(std::uint16_t code, std::string_view why) noexcept {
  event e;
  e.what = kind::fail;
  e.code = code;
  e.why = why;
  return e;
}

// Reads a header from head_ (bytes kept from earlier calls) followed by `in`. On success sets
// the frame state (in_frame_) and returns need_more; a header still incomplete is kept in head_.
frame_reader::event frame_reader::parse_header(std::span<char>& in) {
  const std::size_t avail = head_size_ + in.size();
  auto byte = [&](std::size_t i) -> unsigned {
    return i < head_size_ ? head_[i] : static_cast<unsigned char>(in[i - head_size_]);
  };
  auto keep = [&]() {
    std::memcpy(head_.data() + head_size_, in.data(), in.size());
    head_size_ = static_cast<std::uint8_t>(head_size_ + in.size());
    in = in.subspan(in.size());
    return event{};
  };
  if (avail < 2) return keep();
  const unsigned b0 = byte(0), b1 = byte(1);
  if (b0 & 0x70) return fail(close_protocol_error, "reserved bits set");
  if (!is_known(b0 & 0x0F)) return fail(close_protocol_error, "reserved opcode");
  const auto op = static_cast<opcode>(b0 & 0x0F);
  const bool fin = (b0 & 0x80) != 0;
  if (!(b1 & 0x80)) return fail(close_protocol_error, "unmasked client frame");
  const unsigned len7 = b1 & 0x7F;
  if (is_control(op)) {
    if (!fin) return fail(close_protocol_error, "fragmented control frame");
    if (len7 > max_control_payload) return fail(close_protocol_error, "control frame over 125 bytes");
  } else if (op == opcode::continuation && !in_message_) {
    return fail(close_protocol_error, "continuation without a message");
  } else if (op != opcode::continuation && in_message_) {
    return fail(close_protocol_error, "new message inside a fragmented one");
  }
  const std::size_t length_size = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
  const std::size_t need = 2 + length_size + 4;
  if (avail < need) return keep();

  std::uint64_t length = len7;
  if (length_size > 0) {
    length = 0;
    for (std::size_t i = 0; i < length_size; ++i) length = (length << 8) | byte(2 + i);
    if (length_size == 2 && length < 126) return fail(close_protocol_error, "length not minimally encoded");
    if (length_size == 8 && (length >> 63) != 0) return fail(close_protocol_error, "length over 2^63");
    if (length_size == 8 && length <= 0xFFFF) return fail(close_protocol_error, "length not minimally encoded");
  }
  if (!is_control(op) && length > max_message_ - message_.size()) return fail(close_too_big, "message too big");
  for (std::size_t i = 0; i < 4; ++i) key_[i] = static_cast<unsigned char>(byte(2 + length_size + i));

  in = in.subspan(need - head_size_);
  head_size_ = 0;
  op_ = op;
  fin_ = fin;
  remaining_ = length;
  key_offset_ = 0;
  in_frame_ = true;
  if (op == opcode::text || op == opcode::binary) {
    message_binary_ = op == opcode::binary;
    in_message_ = !fin;
  }
  return event{};
}

frame_reader::event frame_reader::control_event(std::string_view payload) {
  event e;
  switch (op_) {
  case opcode::ping:
    e.what = kind::ping;
    e.data = payload;
    return e;
  case opcode::pong:
    e.what = kind::pong;
    e.data = payload;
    return e;
  default: // close
    break;
  }
  if (payload.empty()) {
    e.what = kind::close;
    e.code = close_no_status;
    return e;
  }
  if (payload.size() == 1) return fail(close_protocol_error, "close frame of one byte");
  const auto code = static_cast<std::uint16_t>((static_cast<unsigned char>(payload[0]) << 8) |
                                               static_cast<unsigned char>(payload[1]));
  if (!is_valid_close_code(code)) return fail(close_protocol_error, "invalid close code");
  const auto reason = payload.substr(2);
  if (!valid_utf8(reason)) return fail(close_invalid_payload, "close reason not UTF-8");
  e.what = kind::close;
  e.code = code;
  e.data = reason;
  return e;
}

frame_reader::event frame_reader::message_event(std::string_view payload, bool binary) {
  if (!binary && !valid_utf8(payload)) return fail(close_invalid_payload, "text message not UTF-8");
  event e;
  e.what = kind::message;
  e.binary = binary;
  e.data = payload;
  return e;
}

frame_reader::event frame_reader::next(std::span<char>& in) {
  // What the last event pointed into is no longer needed: an idle reader holds no buffer.
  if (release_message_) {
    std::string().swap(message_);
    release_message_ = false;
  }
  if (release_control_) {
    std::string().swap(control_);
    release_control_ = false;
  }
  for (;;) {
    if (!in_frame_) {
      auto e = parse_header(in);
      if (e.what != kind::need_more || !in_frame_) return e;
    }
    char* const p = in.data();
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, in.size()));
    const bool whole = take == remaining_;
    if (is_control(op_)) {
      if (control_.empty() && whole) { // the usual case: the whole frame is in this read
        apply_mask(p, take, key_, 0);
        in = in.subspan(take);
        in_frame_ = false;
        return control_event(std::string_view(p, take));
      }
      apply_mask(p, take, key_, key_offset_);
      control_.append(p, take);
      in = in.subspan(take);
      remaining_ -= take;
      key_offset_ = static_cast<std::uint8_t>((key_offset_ + take) % 4);
      if (remaining_ > 0) return event{};
      in_frame_ = false;
      release_control_ = true;
      return control_event(control_);
    }
    if (fin_ && op_ != opcode::continuation && message_.empty() && whole) { // unfragmented, in one read
      apply_mask(p, take, key_, 0);
      in = in.subspan(take);
      in_frame_ = false;
      return message_event(std::string_view(p, take), op_ == opcode::binary);
    }
    apply_mask(p, take, key_, key_offset_);
    message_.append(p, take);
    in = in.subspan(take);
    remaining_ -= take;
    key_offset_ = static_cast<std::uint8_t>((key_offset_ + take) % 4);
    if (remaining_ > 0) return event{};
    in_frame_ = false;
    if (!fin_) continue; // the next fragment's header
    in_message_ = false;
    release_message_ = true;
    return message_event(message_, message_binary_);
  }
}

} // namespace mm::net::websocket
