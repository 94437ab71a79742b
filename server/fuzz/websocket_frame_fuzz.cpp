// The server's RFC 6455 frame reader. The first input byte picks the size of the reads the
// stream is cut into (1..256 bytes), the second the message limit (0..255 KiB); the rest is
// what a client sends. Every event must hold to the reader's promises: messages within the
// limit, text messages and close reasons valid UTF-8, control payloads at most 125 bytes, close
// codes valid; after `fail` or `close` nothing more is read. The same bytes read whole give
// the same events.
#include "net/utf8.hpp"
#include "net/websocket_frame.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace mm::net;
using namespace mm::net::websocket;
using kind = frame_reader::event::kind;

namespace {
struct seen {
  kind what;
  bool binary;
  std::string data;
  std::uint16_t code;
  bool operator==(const seen&) const = default;
};

std::vector<seen> run(std::string wire, std::size_t chunk, std::size_t limit) {
  frame_reader reader(limit);
  std::vector<seen> out;
  for (std::size_t at = 0; at < wire.size(); at += chunk) {
    std::span<char> in(wire.data() + at, std::min(chunk, wire.size() - at));
    for (;;) {
      const auto e = reader.next(in);
      if (e.what == kind::need_more) {
        if (!in.empty()) std::abort(); // need_more only once the input is used up
        break;
      }
      switch (e.what) {
      case kind::message:
        if (e.data.size() > limit) std::abort();
        if (!e.binary && !valid_utf8(e.data)) std::abort();
        break;
      case kind::ping:
      case kind::pong:
        if (e.data.size() > max_control_payload) std::abort();
        break;
      case kind::close:
        if (e.code != close_no_status && !is_valid_close_code(e.code)) std::abort();
        if (!valid_utf8(e.data)) std::abort();
        break;
      case kind::fail:
        if (e.code != close_protocol_error && e.code != close_invalid_payload && e.code != close_too_big) std::abort();
        break;
      default:
        std::abort();
      }
      out.push_back({e.what, e.binary, std::string(e.data), e.code});
      if (e.what == kind::fail || e.what == kind::close) return out;
    }
  }
  return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t chunk = 1 + data[0];
  const std::size_t limit = static_cast<std::size_t>(data[1]) * 1024;
  const std::string wire(reinterpret_cast<const char*>(data + 2), size - 2);
  const auto cut = run(wire, chunk, limit);
  const auto whole = run(wire, wire.empty() ? 1 : wire.size(), limit);
  if (cut != whole) std::abort();
  return 0;
}
