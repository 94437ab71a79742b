#include "socketio/error.hpp"

#include <string>

namespace mm::socketio {
namespace {
class category final : public boost::system::error_category {
public:
  const char* name() const noexcept override { return "socketio"; }
  std::string message(int ev) const override {
    switch (static_cast<error>(ev)) {
    case error::invalid_packet: return "invalid Engine.IO packet";
    case error::invalid_packet_type: return "unknown Socket.IO packet type";
    case error::invalid_attachments: return "illegal attachments";
    case error::too_many_attachments: return "too many attachments";
    case error::invalid_namespace: return "invalid namespace";
    case error::invalid_ack_id: return "invalid ack id";
    case error::invalid_payload: return "invalid payload";
    case error::unexpected_binary: return "got binary data when not reconstructing a packet";
    case error::unexpected_text: return "got plaintext data when reconstructing a packet";
    case error::timed_out: return "operation has timed out";
    case error::disconnected: return "socket has been disconnected";
    }
    return "unknown socketio error";
  }
};
} // namespace

const boost::system::error_category& error_category() noexcept {
  static const category instance;
  return instance;
}

} // namespace mm::socketio
