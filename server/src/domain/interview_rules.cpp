#include "domain/interview_rules.hpp"

namespace mm::domain {

role role_of(const interview& iv, std::string_view user_id) {
  if (user_id == iv.inviter.id) return role::inviter;
  if (user_id == iv.invitee.id) return role::invitee;
  return role::none;
}

bool is_final(interview_status s) {
  switch (s) {
  case interview_status::pending:
  case interview_status::accepted:
  case interview_status::in_progress: return false;
  default: return true;
  }
}

bool is_active(interview_status s) {
  return s == interview_status::accepted || s == interview_status::in_progress;
}

bool is_live_invitation(const interview& iv, time_point now) {
  return iv.status == interview_status::pending && now < iv.expires_at;
}

namespace {
outcome<void> check_answer(const interview& iv, time_point now) {
  if (iv.status == interview_status::expired || (iv.status == interview_status::pending && now >= iv.expires_at))
    return fail(errc::invitation_expired, "This invitation has expired.");
  if (iv.status != interview_status::pending)
    return fail(errc::conflict, "This invitation was already answered; it is " + std::string(iv.status == interview_status::accepted ? "accepted" : "no longer pending") + ".");
  return {};
}
} // namespace

outcome<void> check(const interview& iv, std::string_view user_id, action a, time_point now) {
  const role r = role_of(iv, user_id);
  if (r == role::none) return fail(errc::not_found, "No interview with that room id.");
  switch (a) {
  case action::accept:
  case action::reject:
    if (r != role::invitee) return fail(errc::forbidden, "Only the invitee can answer an invitation.");
    return check_answer(iv, now);
  case action::cancel:
    if (r != role::inviter) return fail(errc::forbidden, "Only the inviter can cancel an invitation.");
    return check_answer(iv, now);
  case action::complete:
    if (!is_active(iv.status)) return fail(errc::conflict, "Only an accepted or in-progress interview can be completed.");
    return {};
  case action::join:
  case action::signal:
    if (!is_active(iv.status)) return fail(errc::conflict, "This interview is not open: it is " + std::string(iv.status == interview_status::pending ? "still pending" : "over") + ".");
    return {};
  case action::feedback:
    if (iv.status != interview_status::completed && iv.status != interview_status::abandoned)
      return fail(errc::conflict, "Feedback opens once the interview has ended.");
    return {};
  }
  return fail(errc::internal, "Unknown action.");
}

const std::string& other_participant(const interview& iv, std::string_view user_id) {
  return user_id == iv.inviter.id ? iv.invitee.id : iv.inviter.id;
}

} // namespace mm::domain
