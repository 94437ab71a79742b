#pragma once
// The caller's own account and interview profile (GET /api/me, PUT /api/me/profile), and the
// presence snapshot of any user ({userId, online, busy, available}).
#include "services/context.hpp"
#include "services/requests.hpp"
#include "services/timezone.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

namespace mm::services {

struct me_view {
  domain::user user;
  domain::profile prof;
};

class profile_service {
public:
  profile_service(context& ctx, const timezone_db& zones) : ctx_(ctx), zones_(zones) {}

  // not_found if the account is gone.
  boost::asio::awaitable<domain::outcome<me_view>> me(std::string user_id);
  // validation_failed (timezone not an IANA name); publishes presence when `available` changes.
  boost::asio::awaitable<domain::outcome<domain::profile>> update(std::string user_id, profile_patch patch);
  // Presence of the users among `ids` that exist, in order.
  boost::asio::awaitable<std::vector<boost::json::object>> presence_of(std::vector<std::string> ids);
  // `ids` without the users blocked with `viewer` (either way), in order: whom watch-presence
  // may follow.
  boost::asio::awaitable<std::vector<std::string>> visible_to(std::string viewer, std::vector<std::string> ids);

private:
  context& ctx_;
  const timezone_db& zones_;
};

} // namespace mm::services
