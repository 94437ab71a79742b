// One Engine.IO text packet (a WebSocket text message): decode, and what decodes re-encodes to
// the same packet.
#include "socketio/engine_packet.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace mm::socketio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto p = decode_engine_packet(text);
  if (!p) return 0;
  auto again = decode_engine_packet(encode_engine_packet(*p));
  if (!again || !(*again == *p)) std::abort();
  return 0;
}
