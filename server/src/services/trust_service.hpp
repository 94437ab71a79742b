#pragma once
// Blocks and reports (API.md v2, "Blocking, reports, reliability"). Persist first, then publish:
// a block's transaction ends the pending invitations between the two (reason blocked), then
// both sides are told as for any other ending (invitation-rejected / invitation-cancelled to
// every tab of both), and every node stops delivering either one's presence to the other's
// sockets (control_topic "presence-hidden").
#include "services/context.hpp"
#include "services/trust_requests.hpp"

#include <boost/asio/awaitable.hpp>

namespace mm::services {

struct block_outcome {
  domain::block b;
  bool created = false; // false: it existed already
};

class trust_service {
public:
  explicit trust_service(context& ctx) : ctx_(ctx) {}

  // validation_failed (oneself), not_found (no such user).
  boost::asio::awaitable<domain::outcome<block_outcome>> block(std::string user_id, block_request r);
  // not_found when the caller had not blocked that user.
  boost::asio::awaitable<domain::outcome<bool>> unblock(std::string user_id, std::string other_id);
  // Whom the caller blocked, newest first.
  boost::asio::awaitable<std::vector<domain::block>> blocks(std::string user_id);
  // validation_failed (oneself), not_found (no such user, or roomId not an interview of both),
  // rate_limited (10 per reporter in any 24 hours).
  boost::asio::awaitable<domain::outcome<domain::report>> report(std::string user_id, report_body r);

private:
  context& ctx_;
};

} // namespace mm::services
