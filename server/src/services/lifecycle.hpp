#pragma once
// What the invitation and room services share: telling both participants about a transition,
// the presence changes it implies, and the stored deadlines (expiry, grace) armed as timers.
// All run on the I/O executor.
#include "services/context.hpp"
#include "services/timezone.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

namespace mm::services {

// Publishes `event` {interview} to every tab of both participants.
void announce(context& ctx, std::string_view event, const domain::interview& iv);
// Publishes each user's presence after their busy state changed with `iv`.
boost::asio::awaitable<void> announce_busy(context& ctx, const domain::interview& iv);

// {interview, from: partner}: an invitation as its invitee receives it.
boost::asio::awaitable<boost::json::object> invitation_payload(context& ctx, const timezone_db& zones,
                                                               const domain::interview& iv);

// Expires the invitation at `at` (once, even across nodes: the store decides).
void arm_expiry(context& ctx, const std::string& room_id, domain::time_point at);
// Abandons the room at `at` unless both participants are in it by then.
void arm_grace(context& ctx, const std::string& room_id, domain::time_point at);
// Start-up: expires overdue invitations, re-arms live ones and every grace deadline; with
// `reset_presence` (one node), every participant first counts as having left.
boost::asio::awaitable<void> restore_deadlines(context& ctx, bool reset_presence = true);
// Every `period`, acts on stored deadlines that passed without a local timer (an invitation sent
// through another node that died, say). The store's conditional updates make a deadline act
// once, whichever node or timer gets there first. Runs until the executor stops.
boost::asio::awaitable<void> sweep_deadlines(context& ctx, domain::milliseconds period);

} // namespace mm::services
