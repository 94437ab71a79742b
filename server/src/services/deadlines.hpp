#pragma once
// The stored deadlines (an invitation's expiry, a room's rejoin grace) armed as timers, and what
// happens when one passes. The store's conditional updates make each deadline act once, whichever
// node or timer gets there first. All run on the I/O executor.
#include "services/context.hpp"

#include <boost/asio/awaitable.hpp>

namespace mm::services {

// Expires the invitation at `at`, here.
void arm_expiry(context& ctx, const std::string& room_id, domain::time_point at);
// Abandons the room at `at` unless both participants are in it by then, here.
void arm_grace(context& ctx, const std::string& room_id, domain::time_point at);
// Arms the expiry here and announces it (deadline_notice) so that every node arms it too: the
// invitation expires on time even when this node dies first.
void share_expiry(context& ctx, const std::string& room_id, domain::time_point at);
// Arms the deadlines other nodes announce; call once, before the executor runs. A message that
// is not a well-formed notice is logged and dropped.
void follow_deadlines(context& ctx);

// Start-up: expires overdue invitations, re-arms live ones and every grace deadline; with
// `reset_presence` (one node), every participant first counts as having left.
boost::asio::awaitable<void> restore_deadlines(context& ctx, bool reset_presence = true);
// Acts on the stored deadlines that passed more than `slack` ago without a timer acting (an
// invitation sent through a node that died, say): one pass.
boost::asio::awaitable<void> sweep_deadlines_once(context& ctx, domain::milliseconds slack);
// sweep_deadlines_once every `period` (with `period` as the slack) until the executor stops.
boost::asio::awaitable<void> sweep_deadlines(context& ctx, domain::milliseconds period);

} // namespace mm::services
