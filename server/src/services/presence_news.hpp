#pragma once
// Presence as its watchers hear it ({userId, online, busy, available}, presence_topic), published
// when a user's busy or available state changes. I/O executor.
#include "services/context.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

namespace mm::services {

boost::json::object presence_json(const std::string& user_id, bool online, bool busy, bool available);

// Publishes the user's presence to its watchers (online from ctx.presence).
void publish_presence(context& ctx, const std::string& user_id, bool busy, bool available);
// Publishes both participants' presence after their busy state changed with `iv` (they are busy
// exactly while it is active), with their availability as known.
void announce_busy(context& ctx, const domain::interview& iv, bool inviter_available, bool invitee_available);
// The same, reading their availability first.
boost::asio::awaitable<void> announce_busy(context& ctx, const domain::interview& iv);

} // namespace mm::services
