#pragma once
// Reliability (API.md, "Blocking, reports, reliability"): `{completed, noShows, left, score}` of a
// user, from the interviews they completed and the abandoned ones they were absent from. Pure.
#include "domain/types.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mm::domain {

inline constexpr int reliability_min_interviews = 3;

// (struct reliability is in domain/types.hpp: partners carry one.)
reliability make_reliability(int completed, int no_shows, int left);

// `absent` of an abandoned interview: the participant who never joined (reason no_show) or did
// not come back (reason left), given which of the two was missing; nullopt when the interview is
// not abandoned or both or neither were missing (nobody to single out).
std::optional<std::string> absent_participant(const interview& iv, bool inviter_missing, bool invitee_missing);

// How an active interview whose grace deadline passed with a participant missing is abandoned:
// accepted (they were never both in the room) -> no_show, and absent is the participant who never
// joined; in_progress -> left, and absent is the participant not in the room. absent is nullopt
// when both or neither qualify (nobody to single out). Decided from the join records
// (interview::inviter_joined, invitee_joined) and presence flags the store keeps.
struct abandonment {
  end_reason reason = end_reason::no_show;
  std::optional<std::string> absent;
};
abandonment abandonment_of(const interview& iv);

// One past interview of the user, as reliability needs it.
struct attendance {
  interview_status status = interview_status::completed;
  end_reason reason = end_reason::none;
  std::optional<std::string> absent; // the interview's `absent`
};
// The user's reliability over their interviews: completed ones, and abandoned ones whose absent
// participant is the user, by reason.
reliability tally(std::string_view user_id, std::span<const attendance> history);

} // namespace mm::domain
