#include "socketio/packet_decoder.hpp"

#include "socketio/error.hpp"

namespace mm::socketio {

boost::system::result<std::optional<decoded_packet>> packet_decoder::add_text(std::string_view text) {
  if (pending_) {
    pending_.reset();
    return make_error_code(error::unexpected_text);
  }
  auto p = decode_packet(text);
  if (!p) return p.error();
  const bool binary = p->type == packet_type::binary_event || p->type == packet_type::binary_ack;
  if (!binary) return std::optional<decoded_packet>(decoded_packet{std::move(*p), {}});
  if (p->attachments > max_attachments_) return make_error_code(error::too_many_attachments);
  pending_.emplace(decoded_packet{std::move(*p), {}});
  pending_->attachments.reserve(pending_->head.attachments);
  return complete();
}

boost::system::result<std::optional<decoded_packet>> packet_decoder::add_binary(std::string_view bytes) {
  if (!pending_) return make_error_code(error::unexpected_binary);
  pending_->attachments.emplace_back(bytes);
  return complete();
}

boost::system::result<std::optional<decoded_packet>> packet_decoder::complete() {
  if (pending_->attachments.size() < pending_->head.attachments) return std::optional<decoded_packet>{};
  decoded_packet done = std::move(*pending_);
  pending_.reset();
  if (auto ok = check_placeholders(done.head.data, done.attachments.size()); !ok) return ok.error();
  return std::optional<decoded_packet>(std::move(done));
}

} // namespace mm::socketio
