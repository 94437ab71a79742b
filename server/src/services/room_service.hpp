#pragma once
// The interview room (API.md, "Socket.IO" room events): joining and leaving, completing, the
// feedback afterwards, and the ICE servers with coturn REST credentials.
#include "domain/interview_rules.hpp"
#include "services/context.hpp"
#include "services/requests.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>

#include <string_view>

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
  // leave-room: with `held_place` (the socket held the user's place) as left(); otherwise
  // nothing changes: not_found for strangers, else success (API.md: a participant's socket not
  // in the room is answered {ok: true}).
  boost::asio::awaitable<domain::outcome<void>> leave(std::string user_id, std::string room_id, bool held_place);
  // Who may signal in a room (webrtc-*, and every room event): a participant whose socket holds
  // their place while the interview is active. The adapter knows the places; for a socket that
  // holds none, this is why it may not: not_found for strangers, conflict once the interview is
  // not active (domain::check, action::signal), else forbidden (join first).
  boost::asio::awaitable<domain::failure> signal_refusal(std::string user_id, std::string room_id);
  // Passes a signaling message to the socket holding `to_user`'s place in the room and counts it.
  // No coroutine, no database: the caller checked the sender holds its place.
  void relay(const std::string& room_id, const std::string& to_user, std::string_view event, std::string payload);
  boost::asio::awaitable<domain::outcome<domain::interview>> complete(std::string user_id, std::string room_id);
  boost::asio::awaitable<domain::outcome<domain::feedback>> add_feedback(std::string user_id, std::string room_id,
                                                                          feedback_request r);
  // [{urls}, {urls, username, credential}] for this user, TURN credentials valid for turn_ttl.
  boost::json::array ice_servers(const std::string& user_id) const;

private:
  context& ctx_;
};

} // namespace mm::services
