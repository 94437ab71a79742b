// RFC 6455 framing, byte for byte: what the server writes, what it accepts from a client and
// how it refuses the rest. Client frames are built here by hand, masked as a client masks them.
#include "net/websocket_frame.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {
using namespace mm::net::websocket;
using kind = frame_reader::event::kind;
using namespace std::string_literals;

const std::array<unsigned char, 4> key{0x37, 0xfa, 0x21, 0x3d}; // RFC 6455 section 5.7's key

// A client frame: FIN/RSV/opcode byte `b0`, masked with `key`, the length in its shortest form
// unless `length_form` (126 or 127) forces one.
std::string client_frame(unsigned b0, std::string_view payload, bool masked = true, unsigned length_form = 0) {
  std::string out(1, static_cast<char>(b0));
  const unsigned m = masked ? 0x80 : 0;
  const auto n = payload.size();
  if (length_form == 0 && n < 126) out.push_back(static_cast<char>(m | n));
  else if ((length_form == 0 && n <= 0xFFFF) || length_form == 126) {
    out.push_back(static_cast<char>(m | 126));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(n & 0xFF));
  } else {
    out.push_back(static_cast<char>(m | 127));
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((static_cast<std::uint64_t>(n) >> (8 * i)) & 0xFF));
  }
  std::string body(payload);
  if (masked) {
    out.append(reinterpret_cast<const char*>(key.data()), 4);
    apply_mask(body.data(), body.size(), key, 0);
  }
  return out + body;
}

struct parsed {
  kind what;
  std::string data;
  bool binary;
  std::uint16_t code;
};

// Feeds `wire` in chunks of `chunk` bytes and collects every event until need_more, fail or close.
std::vector<parsed> read_all(std::string wire, std::size_t chunk = 0, std::size_t max_message = 1 << 20) {
  frame_reader reader(max_message);
  std::vector<parsed> out;
  if (chunk == 0) chunk = wire.size() ? wire.size() : 1;
  for (std::size_t at = 0; at < wire.size(); at += chunk) {
    std::span<char> in(wire.data() + at, std::min(chunk, wire.size() - at));
    for (;;) {
      auto e = reader.next(in);
      if (e.what == kind::need_more) break;
      out.push_back({e.what, std::string(e.data), e.binary, e.code});
      if (e.what == kind::fail || e.what == kind::close) return out;
    }
  }
  EXPECT_TRUE(reader.idle());
  return out;
}

TEST(websocket_frame, encodes_headers_in_the_shortest_length_form) {
  std::array<char, max_server_header> h;
  EXPECT_EQ(std::string(h.data(), encode_header(opcode::text, 5, h)), "\x81\x05"s);
  EXPECT_EQ(std::string(h.data(), encode_header(opcode::binary, 125, h)), "\x82\x7d"s);
  EXPECT_EQ(std::string(h.data(), encode_header(opcode::text, 126, h)), "\x81\x7e\x00\x7e"s);
  EXPECT_EQ(std::string(h.data(), encode_header(opcode::text, 65535, h)), "\x81\x7e\xff\xff"s);
  EXPECT_EQ(std::string(h.data(), encode_header(opcode::binary, 65536, h)), "\x82\x7f\x00\x00\x00\x00\x00\x01\x00\x00"s);
  EXPECT_EQ(encode_frame(opcode::text, "Hello"), "\x81\x05Hello"s); // RFC 6455 5.7, unmasked
  EXPECT_EQ(encode_frame(opcode::pong, ""), "\x8a\x00"s);
}

TEST(websocket_frame, close_payload_is_the_code_then_a_reason_cut_at_a_character) {
  EXPECT_EQ(close_payload(1000, ""), "\x03\xe8"s);
  EXPECT_EQ(close_payload(1009, "too big"), "\x03\xf1too big"s);
  const std::string long_reason = std::string(122, 'a') + "\xc3\xa9"; // 124 bytes, the last character two
  EXPECT_EQ(close_payload(4000, long_reason), "\x0f\xa0"s + std::string(122, 'a'));
}

TEST(websocket_frame, unmasks_the_rfc_example) {
  // RFC 6455 5.7: a masked "Hello" from a client.
  auto events = read_all("\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"s);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].what, kind::message);
  EXPECT_EQ(events[0].data, "Hello");
  EXPECT_FALSE(events[0].binary);
}

TEST(websocket_frame, reads_7_16_and_64_bit_lengths_whole_or_byte_by_byte) {
  const std::string small(125, 's'), medium(126, 'm'), large(70000, 'l');
  const auto wire = client_frame(0x81, small) + client_frame(0x82, medium) + client_frame(0x82, large);
  for (std::size_t chunk : {0, 1, 3, 1000}) {
    auto events = read_all(wire, chunk);
    ASSERT_EQ(events.size(), 3u) << chunk;
    EXPECT_EQ(events[0].data, small);
    EXPECT_EQ(events[1].data, medium);
    EXPECT_TRUE(events[1].binary);
    EXPECT_EQ(events[2].data, large);
  }
}

TEST(websocket_frame, reassembles_fragments_with_control_frames_between_them) {
  const auto wire = client_frame(0x01, "Hel") + client_frame(0x89, "are you there") + client_frame(0x00, "lo ") +
                    client_frame(0x8A, "") + client_frame(0x80, "world") + client_frame(0x82, "\x00\xff"s);
  for (std::size_t chunk : {0, 1, 2, 7}) {
    auto events = read_all(wire, chunk);
    ASSERT_EQ(events.size(), 4u) << chunk;
    EXPECT_EQ(events[0].what, kind::ping);
    EXPECT_EQ(events[0].data, "are you there");
    EXPECT_EQ(events[1].what, kind::pong);
    EXPECT_EQ(events[2].what, kind::message);
    EXPECT_EQ(events[2].data, "Hello world");
    EXPECT_FALSE(events[2].binary);
    EXPECT_EQ(events[3].data, "\x00\xff"s);
    EXPECT_TRUE(events[3].binary);
  }
}

TEST(websocket_frame, reads_close_frames_with_and_without_a_code) {
  auto with = read_all(client_frame(0x88, "\x03\xe9going"s));
  ASSERT_EQ(with.size(), 1u);
  EXPECT_EQ(with[0].what, kind::close);
  EXPECT_EQ(with[0].code, 1001);
  EXPECT_EQ(with[0].data, "going");
  auto without = read_all(client_frame(0x88, ""));
  ASSERT_EQ(without.size(), 1u);
  EXPECT_EQ(without[0].code, close_no_status);
}

struct refusal {
  const char* name;
  std::string wire;
  std::uint16_t code;
};

TEST(websocket_frame, refuses_what_rfc_6455_forbids) {
  const std::vector<refusal> cases = {
      {"unmasked", client_frame(0x81, "hi", false), 1002},
      {"rsv1 (no extension negotiated)", client_frame(0xC1, "hi"), 1002},
      {"rsv3", client_frame(0x91, "hi"), 1002},
      {"reserved data opcode", client_frame(0x83, "hi"), 1002},
      {"reserved control opcode", client_frame(0x8B, ""), 1002},
      {"fragmented ping", client_frame(0x09, "x"), 1002},
      {"ping over 125 bytes", client_frame(0x89, std::string(126, 'p')), 1002},
      {"continuation first", client_frame(0x80, "x"), 1002},
      {"text inside a fragmented text", client_frame(0x01, "a") + client_frame(0x81, "b"), 1002},
      {"16-bit length under 126", client_frame(0x81, "short", true, 126), 1002},
      {"64-bit length under 65536", client_frame(0x81, "short", true, 127), 1002},
      {"64-bit length with the top bit", "\x82\xff\x80\x00\x00\x00\x00\x00\x00\x00"s + "abcd", 1002},
      {"close of one byte", client_frame(0x88, "\x03"s), 1002},
      {"close code 1005", client_frame(0x88, "\x03\xed"s), 1002},
      {"close code 999", client_frame(0x88, "\x03\xe7"s), 1002},
      {"close code 5000", client_frame(0x88, "\x13\x88"s), 1002},
      {"invalid UTF-8 text", client_frame(0x81, "\xc3\x28"s), 1007},
      {"surrogate in text", client_frame(0x81, "\xed\xa0\x80"s), 1007},
      {"overlong in a fragmented text", client_frame(0x01, "ok") + client_frame(0x80, "\xc0\xaf"s), 1007},
      {"invalid UTF-8 close reason", client_frame(0x88, "\x03\xe8\xff"s), 1007},
  };
  for (const auto& c : cases) {
    auto events = read_all(c.wire);
    ASSERT_FALSE(events.empty()) << c.name;
    EXPECT_EQ(events.back().what, kind::fail) << c.name;
    EXPECT_EQ(events.back().code, c.code) << c.name;
  }
}

TEST(websocket_frame, refuses_a_message_over_the_limit_from_its_header) {
  auto exact = read_all(client_frame(0x81, std::string(100, 'x')), 0, 100);
  ASSERT_EQ(exact.size(), 1u);
  EXPECT_EQ(exact[0].what, kind::message);
  // Only the header of the oversized frame is needed to refuse it.
  auto over = read_all(client_frame(0x81, std::string(101, 'x')).substr(0, 8), 0, 100);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].what, kind::fail);
  EXPECT_EQ(over[0].code, 1009);
  // Fragments count together.
  auto fragments = read_all(client_frame(0x01, std::string(60, 'x')) + client_frame(0x80, std::string(41, 'x')), 0, 100);
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].code, 1009);
}

TEST(websocket_frame, holds_nothing_between_messages) {
  frame_reader reader(1 << 20);
  std::string wire = client_frame(0x81, std::string(1000, 'a'));
  std::span<char> first(wire.data(), 500);
  EXPECT_EQ(reader.next(first).what, kind::need_more);
  EXPECT_FALSE(reader.idle());
  std::span<char> rest(wire.data() + 500, wire.size() - 500);
  auto e = reader.next(rest);
  EXPECT_EQ(e.what, kind::message);
  EXPECT_EQ(e.data.size(), 1000u);
  EXPECT_TRUE(reader.idle());
}

} // namespace
