#include "domain/invitation_rules.hpp"

#include <algorithm>

namespace mm::domain {

outcome<send_verdict> decide_send(const send_facts& f, const send_rate_limit& limit, time_point now) {
  if (f.to_self) return fail(errc::validation_failed, "inviteeId must be someone else: you cannot invite yourself.");
  if (!f.questions_exist) return fail(errc::validation_failed, "questionIds must name existing questions.");
  if (!f.invitee_name || f.blocked) return fail(errc::not_found, "No user with that inviteeId.");
  if (!f.invitee_available) return fail(errc::invitee_busy, *f.invitee_name + " is not taking invitations right now.");
  if (f.inviter_active) return fail(errc::conflict, "You are already in an interview.");
  if (f.mutual_room) return meet_invitation{*f.mutual_room};
  if (f.inviter_inviting) return fail(errc::conflict, "You already have a pending invitation; cancel it or wait for an answer.");
  if (f.invitee_active) return fail(errc::invitee_busy, *f.invitee_name + " is in another interview.");
  if (limit.count > 0 && f.recent_sends.size() >= static_cast<std::size_t>(limit.count)) {
    // The oldest send that keeps the count at the limit leaves the window first.
    const auto free_at = f.recent_sends[f.recent_sends.size() - static_cast<std::size_t>(limit.count)] + limit.window;
    auto out = fail(errc::rate_limited, "Too many invitations; try again later.");
    out.retry_after_seconds = std::max(1.0, static_cast<double>((free_at - now).count()) / 1000.0);
    return out;
  }
  return create_invitation{};
}

} // namespace mm::domain
