// Inputs found by the fuzzers (server/fuzz). Each must keep passing once fixed.
#include "socketio/error.hpp"
#include "socketio/packet.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace {
using namespace mm::socketio;

// fuzz_socketio_packet, crash-8b9cb21b: Boost.JSON 1.81 parses a number beyond the double range
// (1e400, 1.5e315) as infinity without an error, and serializes infinity as `Infinity`, which
// is not JSON. A packet that decodes must re-encode to a packet that decodes: otherwise data a
// client sent (an ICE candidate relayed to the peer) reaches another client as a packet its
// parser rejects, and that client is disconnected ("parse error").
TEST(packet_regression, a_number_beyond_the_double_range_does_not_reencode_as_invalid_json) {
  for (std::string_view wire : {R"(2["x",1.5e315,-0.0,1e400])", R"(2["x",-1e400])",
                                R"(2["webrtc-ice-candidate",{"roomId":"r","candidate":{"sdpMLineIndex":1e400}}])"}) {
    auto p = decode_packet(wire);
    if (!p) {
      EXPECT_EQ(p.error(), make_error_code(error::invalid_payload)) << wire;
      continue;
    }
    const auto again = encode_packet(*p);
    boost::system::error_code ec;
    boost::json::parse(again.substr(1), ec);
    EXPECT_FALSE(ec) << wire << " re-encodes as " << again;
    EXPECT_TRUE(decode_packet(again)) << wire << " re-encodes as " << again;
  }
}

} // namespace
