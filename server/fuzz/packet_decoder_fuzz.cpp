// A connection's sequence of Engine.IO messages into the Socket.IO packet decoder. The input is
// split at 0xFF bytes; each chunk's first byte says text ('t' or anything else) or binary
// ('b'), the rest is the message. Attachments complete in order and match the announced count.
#include "socketio/packet_decoder.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace mm::socketio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  packet_decoder decoder(10);
  while (!rest.empty()) {
    const auto cut = rest.find('\xff');
    const auto chunk = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    if (chunk.empty()) continue;
    const bool binary = chunk.front() == 'b';
    auto r = binary ? decoder.add_binary(chunk.substr(1)) : decoder.add_text(chunk.substr(1));
    if (!r) {
      if (decoder.awaiting_attachments()) std::abort(); // reset after an error
      continue;
    }
    if (*r) {
      const auto& done = **r;
      if (done.attachments.size() != done.head.attachments) std::abort();
      if (decoder.awaiting_attachments()) std::abort();
    }
  }
  return 0;
}
