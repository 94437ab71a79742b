// Every JSON request parser, fed what boost::json::parse makes of the input (as the HTTP and
// Socket.IO adapters do).
#include "services/requests.hpp"

#include <boost/json/parse.hpp>

#include <cstdint>
#include <string_view>

using namespace mm::services;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 64;
  const auto v = boost::json::parse(text, ec, {}, opts);
  if (ec) return 0;
  (void)parse_register(v);
  (void)parse_login(v);
  (void)parse_profile_patch(v);
  (void)parse_invitation(v);
  (void)parse_room(v);
  (void)parse_answer(v);
  (void)parse_signal(v, "sdp");
  (void)parse_signal(v, "candidate");
  (void)parse_feedback(v);
  (void)parse_watch(v);
  return 0;
}
