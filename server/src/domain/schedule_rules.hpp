#pragma once
// Scheduled interviews (API.md, "Scheduled interviews"): what a proposal may hold, who may
// accept, decline or cancel in which status, overlaps of accepted schedules, when the reminder
// goes out and what happens at the start. Pure; the caller supplies the facts (the invitee's
// existence and availability, blocks, busy participants, the other schedules).
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mm::domain {

enum class schedule_status { proposed, accepted, declined, cancelled, started, missed };
std::string_view to_string(schedule_status s);
std::optional<schedule_status> parse_schedule_status(std::string_view s);

struct schedule {
  std::string id;
  schedule_status status = schedule_status::proposed;
  party proposer; // interviews first once it starts
  party invitee;
  time_point starts_at;
  int duration_minutes = 60;
  std::vector<question> questions;
  std::optional<std::string> note;
  time_point created_at;
  std::optional<time_point> responded_at; // when it left proposed
  std::optional<std::string> room_id;     // once started
  int sequence = 0;                       // counts changes (the .ics SEQUENCE)
};

namespace limits {
inline constexpr int schedule_minutes_min = 15, schedule_minutes_max = 120, schedule_minutes_default = 60;
inline constexpr std::size_t schedule_note = 500;
inline constexpr std::chrono::milliseconds schedule_max_ahead{30LL * 24 * 3600 * 1000};
} // namespace limits

// validation_failed naming startsAt unless min_lead <= starts_at - now <= 30 days.
std::optional<failure> check_starts_at(time_point starts_at, time_point now, milliseconds min_lead);
// The duration: 60 when absent, else 15..120 (validation_failed naming durationMinutes).
outcome<int> check_duration(std::optional<std::int64_t> minutes);
// At most 500 characters as a person counts them (code points, so an emoji or an accented letter
// is one; valid UTF-8 assumed); line breaks and tabs allowed, other control characters not.
// validation_failed naming note.
std::optional<failure> check_note(std::string_view note);

// What the store knows about the invitee of a proposal.
struct invitee_facts {
  bool exists = false;
  bool available = true; // the profile's switch
  bool blocked = false;  // a block between the two, either way
};
// The invitation rules: proposing to oneself is validation_failed (inviteeId); an unknown or
// blocked invitee not_found (a block is not revealed); an unavailable one invitee_busy.
std::optional<failure> check_invitee(std::string_view proposer_id, std::string_view invitee_id, const invitee_facts& f);

enum class schedule_action { accept, decline, cancel };

// Whether `user_id` may do `a` at `now`, failing in the contract's order: not_found for anyone but
// the two participants; forbidden for the proposer accepting or declining; conflict when the
// status does not allow it (accept and decline while proposed, cancel while proposed or
// accepted), and for accepting once startsAt has passed (it could no longer start on time).
outcome<void> check_schedule(const schedule& s, std::string_view user_id, schedule_action a, time_point now);
// The status `a` leads to: accepted, declined, cancelled.
schedule_status status_after(schedule_action a);
// Moves `s` to `to` at `now`: sequence + 1, respondedAt set when it leaves proposed.
void transition(schedule& s, schedule_status to, time_point now);

time_point ends_at(const schedule& s);
// Half-open intervals [startsAt, startsAt + duration): one ending as the other begins is no overlap.
bool overlaps(const schedule& a, const schedule& b);
// conflict when `s` (being accepted) overlaps another accepted schedule that shares a participant
// with it; `others` may hold anything (other statuses, unrelated schedules, `s` itself).
std::optional<failure> check_overlap(const schedule& s, std::span<const schedule> others);

// When the reminder goes out: `lead` before the start, or at once (`accepted_at`) when the
// schedule was accepted later than that.
time_point reminder_at(time_point starts_at, time_point accepted_at, milliseconds lead);

enum class start_step {
  none,    // not accepted: nothing happens at the start
  not_yet, // before startsAt
  start,   // create the interview (origin schedule, the proposer interviews first)
  miss,    // becomes missed
};
// What an accepted schedule does at `now`: started when now is within durationMinutes of
// startsAt and neither participant is in another accepted or in-progress interview; missed when
// one is, or when the window has passed (a start that fell while no node ran).
start_step start_at(const schedule& s, time_point now, bool proposer_busy, bool invitee_busy);

} // namespace mm::domain
