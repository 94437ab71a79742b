#pragma once
// Reassembles Socket.IO packets from the Engine.IO messages of one connection: a text packet,
// then, for BINARY_EVENT / BINARY_ACK, as many binary messages as it announces. Pure: no I/O.
#include "socketio/packet.hpp"

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm::socketio {

struct decoded_packet {
  packet head;
  std::vector<std::string> attachments; // in placeholder order
};

class packet_decoder {
public:
  explicit packet_decoder(std::size_t max_attachments = 10) : max_attachments_(max_attachments) {}

  // Feeds one text message. A complete packet, nothing (attachments awaited), or an error:
  // those of decode_packet, error::too_many_attachments, error::invalid_attachments (a
  // placeholder out of range, checked when the last attachment arrives) and
  // error::unexpected_text (attachments were awaited). After an error the decoder is reset;
  // the connection is expected to close.
  boost::system::result<std::optional<decoded_packet>> add_text(std::string_view text);

  // Feeds one binary message. error::unexpected_binary when no attachment is awaited.
  boost::system::result<std::optional<decoded_packet>> add_binary(std::string_view bytes);

  bool awaiting_attachments() const noexcept { return pending_.has_value(); }

private:
  boost::system::result<std::optional<decoded_packet>> complete();

  std::size_t max_attachments_;
  std::optional<decoded_packet> pending_;
};

} // namespace mm::socketio
