#pragma once
// Expected failures of the socketio layer, as error codes of their own category.
#include <boost/system/error_code.hpp>

#include <type_traits>

namespace mm::socketio {

enum class error {
  invalid_packet = 1,   // Engine.IO: unknown packet type or bad base64
  invalid_packet_type,  // Socket.IO: unknown packet type
  invalid_attachments,  // bad attachment count or placeholder
  too_many_attachments, // over the configured maximum
  invalid_namespace,    // namespace without its terminating ',' before data, or not starting with '/'
  invalid_ack_id,
  invalid_payload,      // not JSON, or not the shape the packet type requires
  unexpected_binary,    // a binary message when no attachment was awaited
  unexpected_text,      // a text message while attachments were awaited
  timed_out,            // an acknowledgement did not come in time
  disconnected,         // the socket went away before the acknowledgement
};

const boost::system::error_category& error_category() noexcept;

inline boost::system::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

} // namespace mm::socketio

template <> struct boost::system::is_error_code_enum<mm::socketio::error> : std::true_type {};
