#include "domain/reliability.hpp"

namespace mm::domain {

reliability make_reliability(int completed, int no_shows, int left) {
  reliability r{completed, no_shows, left, std::nullopt};
  const int total = completed + no_shows + left;
  if (total >= reliability_min_interviews) r.score = static_cast<double>(completed) / static_cast<double>(total);
  return r;
}

std::optional<std::string> absent_participant(const interview& iv, bool inviter_missing, bool invitee_missing) {
  if (iv.status != interview_status::abandoned || inviter_missing == invitee_missing) return std::nullopt;
  return inviter_missing ? iv.inviter.id : iv.invitee.id;
}

abandonment abandonment_of(const interview& iv) {
  abandonment out;
  if (iv.status == interview_status::accepted) {
    out.reason = end_reason::no_show;
    if (iv.inviter_joined != iv.invitee_joined) out.absent = iv.inviter_joined ? iv.invitee.id : iv.inviter.id;
  } else {
    out.reason = end_reason::left;
    if (iv.inviter_present != iv.invitee_present) out.absent = iv.inviter_present ? iv.invitee.id : iv.inviter.id;
  }
  return out;
}

reliability tally(std::string_view user_id, std::span<const attendance> history) {
  int completed = 0, no_shows = 0, left = 0;
  for (const auto& a : history) {
    if (a.status == interview_status::completed) ++completed;
    if (a.status != interview_status::abandoned || a.absent != user_id) continue;
    if (a.reason == end_reason::no_show) ++no_shows;
    if (a.reason == end_reason::left) ++left;
  }
  return make_reliability(completed, no_shows, left);
}

} // namespace mm::domain
