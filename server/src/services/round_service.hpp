#pragma once
// Rounds and roles (API.md, "Rounds and roles"): switching to round 2 and the hints of the
// current round. Round 1 starts in room_service::join (the store writes it with the move to
// in_progress). Persist first, then publish.
#include "services/context.hpp"
#include "services/requests.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

namespace mm::services {

class round_service {
public:
  explicit round_service(context& ctx) : ctx_(ctx) {}

  // start-round from `user_id`, whose socket holds its place in the room when `in_room`. The
  // store's failures (store/round_store.hpp: not_found, conflict, forbidden, validation_failed);
  // a participant who passes them but whose socket has not joined the room gets forbidden
  // (join first). On success every tab of both participants receives round-started
  // {interview}, on every node, and the interview is answered.
  boost::asio::awaitable<domain::outcome<domain::interview>> start(std::string user_id, start_round_request r, bool in_room);

  // The current round's questions, for its interviewer (domain::check_hints: not_found for
  // strangers, forbidden for the candidate); before round 1, for the inviter.
  boost::asio::awaitable<domain::outcome<std::vector<domain::question>>> hints(std::string user_id, std::string room_id);

private:
  context& ctx_;
};

} // namespace mm::services
