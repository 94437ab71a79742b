#include "domain/schedule_rules.hpp"

#include "domain/profile_rules.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace mm::domain {

namespace {

constexpr std::array<std::pair<schedule_status, std::string_view>, 6> names = {{
    {schedule_status::proposed, "proposed"},
    {schedule_status::accepted, "accepted"},
    {schedule_status::declined, "declined"},
    {schedule_status::cancelled, "cancelled"},
    {schedule_status::started, "started"},
    {schedule_status::missed, "missed"},
}};

bool participant(const schedule& s, std::string_view user_id) {
  return user_id == s.proposer.id || user_id == s.invitee.id;
}

bool share_participant(const schedule& a, const schedule& b) {
  return participant(b, a.proposer.id) || participant(b, a.invitee.id);
}

} // namespace

std::string_view to_string(schedule_status s) {
  for (auto [status, name] : names)
    if (status == s) return name;
  return "proposed";
}

std::optional<schedule_status> parse_schedule_status(std::string_view s) {
  for (auto [status, name] : names)
    if (name == s) return status;
  return std::nullopt;
}

std::optional<failure> check_starts_at(time_point starts_at, time_point now, milliseconds min_lead) {
  if (starts_at < now + min_lead) {
    char lead[32];
    std::snprintf(lead, sizeof lead, "%g", std::chrono::duration<double>(min_lead).count());
    return fail(errc::validation_failed, "startsAt must be at least " + std::string(lead) + " seconds ahead.");
  }
  if (starts_at > now + limits::schedule_max_ahead)
    return fail(errc::validation_failed, "startsAt must be at most 30 days ahead.");
  return std::nullopt;
}

outcome<int> check_duration(std::optional<std::int64_t> minutes) {
  if (!minutes) return limits::schedule_minutes_default;
  if (*minutes < limits::schedule_minutes_min || *minutes > limits::schedule_minutes_max)
    return fail(errc::validation_failed, "durationMinutes must be a whole number from 15 to 120.");
  return static_cast<int>(*minutes);
}

std::optional<failure> check_note(std::string_view note) {
  if (utf8_length(note) > limits::schedule_note) return fail(errc::validation_failed, "note must be at most 500 characters.");
  const bool control = std::any_of(note.begin(), note.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7f;
  });
  if (control) return fail(errc::validation_failed, "note must not contain control characters.");
  return std::nullopt;
}

std::optional<failure> check_invitee(std::string_view proposer_id, std::string_view invitee_id, const invitee_facts& f) {
  if (proposer_id == invitee_id)
    return fail(errc::validation_failed, "inviteeId must be someone else: you cannot schedule an interview with yourself.");
  if (!f.exists || f.blocked) return fail(errc::not_found, "No user with that inviteeId.");
  if (!f.available) return fail(errc::invitee_busy, "This user is not taking invitations right now.");
  return std::nullopt;
}

outcome<void> check_schedule(const schedule& s, std::string_view user_id, schedule_action a, time_point now) {
  if (!participant(s, user_id)) return fail(errc::not_found, "No schedule with that id.");
  switch (a) {
  case schedule_action::accept:
  case schedule_action::decline:
    if (user_id != s.invitee.id) return fail(errc::forbidden, "Only the invitee can accept or decline a proposal.");
    if (s.status != schedule_status::proposed)
      return fail(errc::conflict, "This schedule is " + std::string(to_string(s.status)) + ", no longer proposed.");
    if (a == schedule_action::accept && now >= s.starts_at)
      return fail(errc::conflict, "This proposal's start time has passed.");
    return {};
  case schedule_action::cancel:
    if (s.status != schedule_status::proposed && s.status != schedule_status::accepted)
      return fail(errc::conflict, "This schedule is " + std::string(to_string(s.status)) + "; it can no longer be cancelled.");
    return {};
  }
  return fail(errc::internal, "Unknown action.");
}

schedule_status status_after(schedule_action a) {
  switch (a) {
  case schedule_action::accept: return schedule_status::accepted;
  case schedule_action::decline: return schedule_status::declined;
  case schedule_action::cancel: return schedule_status::cancelled;
  }
  return schedule_status::cancelled;
}

void transition(schedule& s, schedule_status to, time_point now) {
  if (s.status == schedule_status::proposed && !s.responded_at) s.responded_at = now;
  s.status = to;
  ++s.sequence;
}

time_point ends_at(const schedule& s) { return s.starts_at + std::chrono::minutes{s.duration_minutes}; }

bool overlaps(const schedule& a, const schedule& b) { return a.starts_at < ends_at(b) && b.starts_at < ends_at(a); }

std::optional<failure> check_overlap(const schedule& s, std::span<const schedule> others) {
  for (const auto& o : others) {
    if (o.id == s.id || o.status != schedule_status::accepted || !share_participant(s, o) || !overlaps(s, o)) continue;
    return fail(errc::conflict, "This time overlaps another accepted interview of one of you.");
  }
  return std::nullopt;
}

time_point reminder_at(time_point starts_at, time_point accepted_at, milliseconds lead) {
  return std::max(starts_at - lead, accepted_at);
}

start_step start_at(const schedule& s, time_point now, bool proposer_busy, bool invitee_busy) {
  if (s.status != schedule_status::accepted) return start_step::none;
  if (now < s.starts_at) return start_step::not_yet;
  if (now >= ends_at(s) || proposer_busy || invitee_busy) return start_step::miss;
  return start_step::start;
}

} // namespace mm::domain
