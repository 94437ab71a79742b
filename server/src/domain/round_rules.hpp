#pragma once
// Rounds and roles (API.md, "Rounds and roles"): who interviews in which round, who may start
// round 2, who sees the hints, and the round's elapsed time. Pure.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace mm::domain {

inline constexpr int max_rounds = 2;
// `plannedMinutes` without --round-minutes.
inline constexpr int default_round_minutes = 30;

// The inviter interviews in round 1 and the roles swap each round. Interviews that do not come
// from an invitation store whoever interviews first as the inviter: for a match the one who
// waited longer, for a schedule the proposer.
const party& interviewer_in(const interview& iv, int round);
const party& candidate_in(const interview& iv, int round);

// start-round from `user_id` while `current_round` (1 or more) runs. Failures in this order:
// not_found for anyone but the participants; conflict unless the interview is in_progress (no
// round runs, so nobody's role in it is defined); conflict for a third round, whoever asks;
// forbidden for the current interviewer. (A participant's socket that has not joined the room
// is the adapter's forbidden.)
outcome<void> check_start_round(const interview& iv, std::string_view user_id, int current_round);

// The hints follow the current round's interviewer; `rounds_started` is 0 before round 1 (its
// interviewer-to-be sees them) and stays at the last round after the end. not_found for
// strangers, forbidden for the candidate.
outcome<void> check_hints(const interview& iv, std::string_view user_id, int rounds_started);

// `elapsedMs` of a round: the server's count while it runs (no end yet), else null.
std::optional<std::int64_t> round_elapsed_ms(time_point started_at, std::optional<time_point> ended_at, time_point now);

// The current round of an interview: the last one started (the running one, or after the end
// the last one played). Before round 1 starts (pending, accepted, or an interview that ended
// without starting) it is round 1-to-be: number 1 with the interview's own questions. This is
// what features working "in the current round" (editor, runs, hints) follow.
struct current_round_info {
  int number = 1;
  std::vector<question> questions;
};
current_round_info current_round(const interview& iv);

} // namespace mm::domain
