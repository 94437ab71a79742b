#pragma once
// RFC 6455 framing, server side, as a pure codec: bytes in, events out; no I/O, no Asio, no
// Beast. The reader takes what a client sends (masked frames), reassembles fragmented
// messages and says what the connection must do; the encoders build what a server sends
// (unmasked, never fragmented). No extension is ever negotiated (no permessage-deflate), so the
// reserved bits must be zero.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace mm::net::websocket {

enum class opcode : std::uint8_t {
  continuation = 0x0,
  text = 0x1,
  binary = 0x2,
  close = 0x8,
  ping = 0x9,
  pong = 0xA,
};

// Close codes (RFC 6455 section 7.4.1) the reader fails a connection with, and the "no status
// code" value a close frame without a payload stands for (never sent).
inline constexpr std::uint16_t close_protocol_error = 1002;
inline constexpr std::uint16_t close_no_status = 1005;
inline constexpr std::uint16_t close_invalid_payload = 1007;
inline constexpr std::uint16_t close_too_big = 1009;

inline constexpr std::size_t max_server_header = 10; // 2 + 8-byte length, no mask key
inline constexpr std::size_t max_control_payload = 125;
inline constexpr std::size_t max_close_reason = 123; // 125 minus the code

// Writes the header of one final, unmasked frame of `op` carrying `payload_size` bytes to `out`
// and returns its length: 2 (up to 125 bytes), 4 (up to 65,535) or 10.
std::size_t encode_header(opcode op, std::uint64_t payload_size, std::span<char, max_server_header> out) noexcept;

// One whole unmasked final frame (control frames, tests).
std::string encode_frame(opcode op, std::string_view payload);

// A close frame's payload: `code` big-endian, then `reason` cut to max_close_reason bytes at a
// UTF-8 boundary.
std::string close_payload(std::uint16_t code, std::string_view reason);

// XORs `size` bytes at `data` with the masking key, the first byte with key[offset % 4].
void apply_mask(char* data, std::size_t size, std::array<unsigned char, 4> key, std::size_t offset) noexcept;

// The codes a peer may put in a close frame: 1000-1003, 1007-1014, 3000-4999.
bool is_valid_close_code(std::uint16_t code) noexcept;

// Parses a client's byte stream into messages and control frames. Holds no buffer while no
// frame is half-read: a connection between messages keeps only a few dozen bytes of state.
class frame_reader {
public:
  struct event {
    enum class kind : std::uint8_t {
      need_more, // the input is used up; call again with the next bytes
      message,   // a complete text or binary message in `data`
      ping,      // answer with a pong carrying `data`
      pong,      // nothing to do
      close,     // the peer closes: `code` (close_no_status if it gave none), reason in `data`
      fail,      // the peer broke the protocol: close with `code`; `why` says what happened
    };
    kind what = kind::need_more;
    bool binary = false;
    std::string_view data;
    std::uint16_t code = 0;
    std::string_view why;
  };

  // Messages over `max_message` bytes (after reassembly) fail with close_too_big.
  explicit frame_reader(std::size_t max_message) noexcept : max_message_(max_message) {}

  // Consumes bytes from the front of `in` (advancing it) up to and including the first event
  // they complete, and returns it; need_more once `in` is empty. Masked payloads are unmasked in
  // place in `in`. `data` points into `in` or into the reader, valid until the next call. After
  // `fail` or `close` the reader must not be fed again.
  event next(std::span<char>& in);

  // No partial frame or message is held.
  bool idle() const noexcept { return !in_frame_ && head_size_ == 0 && !in_message_; }

private:
  event fail(std::uint16_t code, std::string_view why) noexcept;
  event parse_header(std::span<char>& in);
  event control_event(std::string_view payload);
  event message_event(std::string_view payload, bool binary);

  std::size_t max_message_;
  std::string message_;  // fragments of a message, or a data frame split across reads
  std::string control_;  // a control frame split across reads
  std::uint64_t remaining_ = 0;  // payload bytes of the current frame still to come
  std::array<unsigned char, 14> head_{}; // a header split across reads
  std::array<unsigned char, 4> key_{};
  std::uint8_t head_size_ = 0;
  std::uint8_t key_offset_ = 0; // payload bytes of the current frame seen, mod 4
  opcode op_ = opcode::continuation;
  bool fin_ = false;
  bool in_frame_ = false;   // a header is parsed, its payload is being read
  bool in_message_ = false; // a non-final data frame has started a message
  bool message_binary_ = false;
  bool release_message_ = false; // message_ was handed out: free it on the next call
  bool release_control_ = false; // the same for control_
};

} // namespace mm::net::websocket
