// An Engine.IO long-polling payload (packets joined by '\x1e', binary ones as "b<base64>"):
// decode, re-encode as frames, decode again to the same packets.
#include "socketio/engine_packet.hpp"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

using namespace mm::socketio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  auto packets = decode_engine_payload(payload);
  if (!packets) return 0;
  std::vector<engine_frame> frames;
  for (const auto& p : *packets) {
    if (p.binary) frames.push_back({std::make_shared<const std::string>(p.data), true});
    else frames.push_back(make_engine_frame(p.type, p.data));
  }
  auto again = decode_engine_payload(encode_engine_payload(frames));
  if (!again || *again != *packets) std::abort();
  return 0;
}
