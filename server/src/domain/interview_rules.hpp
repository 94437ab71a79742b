#pragma once
// Who may do what to an interview in which state (API.md, "Interview lifecycle"). Pure.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <string_view>

namespace mm::domain {

enum class role { none, inviter, invitee };
enum class action { accept, reject, cancel, complete, join, signal, feedback };

role role_of(const interview& iv, std::string_view user_id);
// completed, rejected, cancelled, expired, abandoned
bool is_final(interview_status s);
// accepted or in_progress: the participants are busy
bool is_active(interview_status s);
// Pending and not yet past its deadline at `now`.
bool is_live_invitation(const interview& iv, time_point now);

// Whether `user_id` may do `a` to `iv` at `now`. Failures, in this order: not_found for anyone but
// the two participants; forbidden for the wrong role; invitation_expired for answering an
// invitation whose lifetime passed; conflict when the state does not allow the action.
outcome<void> check(const interview& iv, std::string_view user_id, action a, time_point now);

// The other participant's id (the inviter's for the invitee and back).
const std::string& other_participant(const interview& iv, std::string_view user_id);

} // namespace mm::domain
