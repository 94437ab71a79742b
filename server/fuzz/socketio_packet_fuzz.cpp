// One Socket.IO text packet: decode; what decodes re-encodes to a packet that decodes to the
// same header and (when it holds no floating-point number) the same data.
#include "socketio/packet.hpp"

#include <boost/json/serialize.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace mm::socketio;

namespace {
bool has_double(const boost::json::value& v) {
  if (v.is_double()) return true;
  if (const auto* a = v.if_array())
    for (const auto& e : *a)
      if (has_double(e)) return true;
  if (const auto* o = v.if_object())
    for (const auto& kv : *o)
      if (has_double(kv.value())) return true;
  return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto p = decode_packet(text);
  if (!p) return 0;
  (void)check_placeholders(p->data, p->attachments);
  const auto wire = encode_packet(*p);
  auto again = decode_packet(wire);
  if (!again) std::abort();
  if (again->type != p->type || again->nsp != p->nsp || again->id != p->id || again->attachments != p->attachments)
    std::abort();
  if (!has_double(p->data) && again->data != p->data) std::abort();
  return 0;
}
