#pragma once
// Engine.IO protocol v4 packets: pure encoding and decoding, no I/O.
//
// On a WebSocket a text message is one packet "<type><data>" and a binary message is a binary
// "message" packet as is. In an HTTP long-polling payload packets are joined by '\x1e' and a
// binary message packet is written "b<base64>".
#include <boost/system/result.hpp>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mm::socketio {

enum class engine_packet_type : char {
  open = '0',
  close = '1',
  ping = '2',
  pong = '3',
  message = '4',
  upgrade = '5',
  noop = '6',
};

struct engine_packet {
  engine_packet_type type = engine_packet_type::message;
  std::string data;    // after the type character; raw bytes for a binary message
  bool binary = false; // a binary message

  friend bool operator==(const engine_packet&, const engine_packet&) = default;
};

// One packet ready for a transport, its bytes shared between recipients: a text frame holds
// the complete encoded packet ("4..."), a binary frame the raw bytes of a binary message.
struct engine_frame {
  std::shared_ptr<const std::string> data;
  bool binary = false;
};

// The text form of a packet: "<type><data>", or "b<base64>" for a binary message.
std::string encode_engine_packet(const engine_packet& packet);

// Decodes one text packet (a WebSocket text message or one segment of a polling payload).
// error::invalid_packet for an empty string, an unknown type, or bad base64 after 'b'.
boost::system::result<engine_packet> decode_engine_packet(std::string_view text);

// Joins frames into a polling payload.
std::string encode_engine_payload(std::span<const engine_frame> frames);

// Splits a polling payload and decodes every packet; the first bad one fails the whole payload
// with error::invalid_packet.
boost::system::result<std::vector<engine_packet>> decode_engine_payload(std::string_view payload);

// The frame for a text packet built from its type and data.
engine_frame make_engine_frame(engine_packet_type type, std::string_view data = {});

inline constexpr char payload_separator = '\x1e';

} // namespace mm::socketio
