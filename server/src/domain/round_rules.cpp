#include "domain/round_rules.hpp"

#include "domain/interview_rules.hpp"

#include <algorithm>

namespace mm::domain {

const party& interviewer_in(const interview& iv, int round) { return round % 2 == 1 ? iv.inviter : iv.invitee; }

const party& candidate_in(const interview& iv, int round) { return round % 2 == 1 ? iv.invitee : iv.inviter; }

outcome<void> check_start_round(const interview& iv, std::string_view user_id, int current_round) {
  if (role_of(iv, user_id) == role::none) return fail(errc::not_found, "No interview with that room id.");
  if (iv.status != interview_status::in_progress)
    return fail(errc::conflict, "Rounds switch only while the interview is in progress.");
  if (current_round >= max_rounds) return fail(errc::conflict, "Both rounds have been played; there is no third round.");
  if (interviewer_in(iv, current_round).id == user_id)
    return fail(errc::forbidden, "Only the candidate of this round can switch roles.");
  return {};
}

outcome<void> check_hints(const interview& iv, std::string_view user_id, int rounds_started) {
  if (role_of(iv, user_id) == role::none) return fail(errc::not_found, "No interview with that room id.");
  if (interviewer_in(iv, std::max(1, rounds_started)).id != user_id)
    return fail(errc::forbidden, "Only the interviewer sees the hints.");
  return {};
}

std::optional<std::int64_t> round_elapsed_ms(time_point started_at, std::optional<time_point> ended_at, time_point now) {
  if (ended_at) return std::nullopt;
  return std::max<std::int64_t>(0, (now - started_at).count());
}

current_round_info current_round(const interview& iv) {
  if (iv.rounds.empty()) return {1, iv.questions};
  const auto& last = iv.rounds.back();
  return {last.number, last.questions};
}

} // namespace mm::domain
