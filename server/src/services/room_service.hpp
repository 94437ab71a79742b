#pragma once
// The interview room (API.md, "Socket.IO" room events): joining and leaving, completing, the
// feedback afterwards, and the ICE servers with coturn REST credentials.
#include "domain/interview_rules.hpp"
#include "services/context.hpp"
#include "services/requests.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>

namespace mm::services {

struct joined_room {
  domain::interview iv;
  std::vector<std::string> peers; // the other participant, when in the room
  bool polite = false;            // the invitee is polite (perfect negotiation)
};

class room_service {
public:
  explicit room_service(context& ctx) : ctx_(ctx) {}

  // not_found for strangers, conflict unless accepted or in_progress. Moves the interview to
  // in_progress when both are in; tells the other participant (peer-joined).
  boost::asio::awaitable<domain::outcome<joined_room>> join(std::string user_id, std::string room_id);
  // The user's place in the room is gone (leave-room, or their socket closed): peer-left, and the
  // grace deadline starts.
  boost::asio::awaitable<void> left(std::string user_id, std::string room_id);
  // Checks that `user_id` may act on the room in its current state (signal, leave-room).
  boost::asio::awaitable<domain::outcome<domain::interview>> check(std::string user_id, std::string room_id, domain::action a);
  boost::asio::awaitable<domain::outcome<domain::interview>> complete(std::string user_id, std::string room_id);
  boost::asio::awaitable<domain::outcome<domain::feedback>> add_feedback(std::string user_id, std::string room_id,
                                                                          feedback_request r);
  // [{urls}, {urls, username, credential}] for this user, TURN credentials valid for turn_ttl.
  boost::json::array ice_servers(const std::string& user_id) const;

private:
  context& ctx_;
};

} // namespace mm::services
