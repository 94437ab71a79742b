#include "socketio/ack.hpp"

#include "socketio/socket.hpp"

namespace mm::socketio {

void ack::operator()(boost::json::array args, std::vector<std::string> attachments) const {
  if (!state_ || state_->sent) return;
  state_->sent = true;
  if (auto s = state_->owner.lock()) s->send_ack(state_->id, std::move(args), std::move(attachments));
}

} // namespace mm::socketio
