#pragma once
// The acknowledgement callback an event handler receives when the client asked for one.
#include "socketio/message.hpp"

#include <cstdint>
#include <memory>

namespace mm::socketio {

class socket;

class ack {
public:
  ack() = default; // no acknowledgement requested

  // True when the client asked for an acknowledgement and none was sent yet.
  explicit operator bool() const noexcept { return state_ && !state_->sent; }

  // Sends the acknowledgement with `args` (and binary `attachments`, see message). Only the first
  // call of any copy sends; later calls, and calls after the socket disconnected, do nothing.
  void operator()(boost::json::array args = {}, std::vector<std::string> attachments = {}) const;

private:
  friend class socket;
  struct state {
    std::weak_ptr<socket> owner;
    std::uint64_t id;
    bool sent = false;
  };
  ack(std::weak_ptr<socket> owner, std::uint64_t id) : state_(std::make_shared<state>(state{std::move(owner), id})) {}
  std::shared_ptr<state> state_;
};

} // namespace mm::socketio
