#pragma once
// Socket.IO protocol v5 packets: pure encoding and decoding, no I/O.
//
// Wire form: <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>], e.g.
// 2["hello",1], 2/admin,456["x"], 3456[true], 51-["bin",{"_placeholder":true,"num":0}].
// Binary attachments travel as separate Engine.IO binary messages after the text packet.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm::socketio {

enum class packet_type : char {
  connect = '0',
  disconnect = '1',
  event = '2',
  ack = '3',
  connect_error = '4',
  binary_event = '5',
  binary_ack = '6',
};

struct packet {
  packet_type type = packet_type::event;
  std::string nsp = "/";
  std::optional<std::uint64_t> id; // ack id
  boost::json::value data;         // null when absent
  std::size_t attachments = 0;     // binary types: how many binary messages follow
};

// The largest ack id accepted (2^53 - 1, what a JavaScript number holds exactly).
inline constexpr std::uint64_t max_ack_id = 9007199254740991ULL;

// Appends the wire form of `p` to `out`.
void encode_packet(const packet& p, std::string& out);
std::string encode_packet(const packet& p);

// Appends an EVENT (with `event`) or ACK (without) packet whose data is the array
// [event, args...], without building that array: the fast path for emits. The type becomes
// the binary one when `attachments` > 0.
void encode_event_packet(std::string& out, std::string_view nsp, const std::optional<std::string_view>& event,
                         const boost::json::array& args, std::optional<std::uint64_t> id, std::size_t attachments);

// Decodes one text packet with the reference parser's rules: known type; for binary types a
// decimal attachment count ended by '-'; a namespace starting with '/' runs to ',' or the end;
// an ack id of digits; data that is valid JSON of the shape the type requires (CONNECT: object;
// DISCONNECT: none; CONNECT_ERROR: string or object; EVENT: non-empty array whose first element
// is a string other than a reserved event name, or a number; ACK: array); and, unlike the
// reference, no number beyond the double range (it could not be re-encoded as JSON).
// Errors: error::invalid_packet_type, invalid_attachments, invalid_ack_id, invalid_payload.
boost::system::result<packet> decode_packet(std::string_view text);

// True when `name` is reserved by Socket.IO and may not be emitted or received as an event.
bool is_reserved_event(std::string_view name);

// {"_placeholder":true,"num":n}: stands in the JSON data for binary attachment n.
boost::json::object placeholder(std::size_t n);

// Checks that every placeholder in `data` is well-formed and refers to one of `count`
// attachments. error::invalid_attachments otherwise.
boost::system::result<void> check_placeholders(const boost::json::value& data, std::size_t count);

} // namespace mm::socketio
