#pragma once
// What an event or acknowledgement carries.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <memory>
#include <string>
#include <vector>

namespace mm::socketio {

// An event's arguments (without the event name) or an acknowledgement's, plus its binary
// attachments. In `args`, {"_placeholder":true,"num":N} stands for attachments[N] (see
// socketio::placeholder); to send binary data, put placeholders in `args` and the bytes in
// `attachments`, in order.
struct message {
  boost::json::array args;
  std::vector<std::string> attachments;
};

// A packet encoded once for many recipients (a broadcast): the complete Engine.IO text packet
// ("42[...]") and the raw bytes of each attachment. Every recipient's queue shares these bytes.
struct encoded_packet {
  std::shared_ptr<const std::string> text;
  std::vector<std::shared_ptr<const std::string>> attachments;
};

} // namespace mm::socketio
