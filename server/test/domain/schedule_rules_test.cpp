// Scheduling rules (domain/schedule_rules.hpp) as tables: proposal limits at their edges, who may
// accept, decline or cancel in every status (in the contract's order of failures), overlaps,
// reminders and what happens at the start, on time or after the servers were down.
#include "domain/schedule_rules.hpp"

#include <gtest/gtest.h>

#include <array>

namespace {

using namespace mm::domain;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

const time_point now = from_millis(1'790'000'000'000);

void expect_field(const std::optional<failure>& f, std::string_view field, errc code = errc::validation_failed) {
  ASSERT_TRUE(f) << field << ": accepted";
  EXPECT_EQ(f->code, code);
  EXPECT_EQ(f->message.rfind(std::string(field) + " ", 0), 0u) << f->message;
}

TEST(schedule_names, both_ways) {
  for (auto s : {schedule_status::proposed, schedule_status::accepted, schedule_status::declined, schedule_status::cancelled,
                 schedule_status::started, schedule_status::missed})
    EXPECT_EQ(parse_schedule_status(to_string(s)), s);
  EXPECT_EQ(to_string(schedule_status::missed), "missed");
  EXPECT_EQ(parse_schedule_status("Accepted"), std::nullopt);
}

TEST(schedule_proposal, starts_at_between_the_lead_and_30_days) {
  const milliseconds lead{300'000};
  for (auto ahead : {lead, milliseconds{std::chrono::hours{24}}, limits::schedule_max_ahead})
    EXPECT_EQ(check_starts_at(now + ahead, now, lead), std::nullopt) << ahead.count() << " ms ahead";
  for (auto ahead : {milliseconds{-1}, milliseconds{0}, lead - milliseconds{1}, limits::schedule_max_ahead + milliseconds{1}})
    expect_field(check_starts_at(now + ahead, now, lead), "startsAt");
  EXPECT_EQ(check_starts_at(now + milliseconds{1000}, now, milliseconds{1500})->message,
            "startsAt must be at least 1.5 seconds ahead.");
  EXPECT_EQ(check_starts_at(now, now, milliseconds{300'000})->message, "startsAt must be at least 300 seconds ahead.");
}

TEST(schedule_proposal, duration_15_to_120_minutes_default_60) {
  EXPECT_EQ(*check_duration(std::nullopt), 60);
  for (std::int64_t ok : {15, 16, 60, 119, 120}) EXPECT_EQ(*check_duration(ok), ok);
  for (std::int64_t bad : {-60, 0, 14, 121, 100000}) {
    auto r = check_duration(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, errc::validation_failed);
    EXPECT_EQ(r.error().message.rfind("durationMinutes ", 0), 0u);
  }
}

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

TEST(schedule_proposal, note_counts_what_a_person_counts) {
  EXPECT_EQ(check_note(""), std::nullopt);
  EXPECT_EQ(check_note(repeat("a", 500)), std::nullopt);
  EXPECT_EQ(check_note(repeat("\xC3\xA9", 500)), std::nullopt) << "1000 bytes, 500 characters";
  EXPECT_EQ(check_note(repeat("\xF0\x9F\x98\x80", 500)), std::nullopt) << "2000 bytes, 1000 UTF-16 units, 500 characters";
  EXPECT_EQ(check_note("line one\nline two\r\n\tindented"), std::nullopt);
  expect_field(check_note(repeat("a", 501)), "note");
  expect_field(check_note(repeat("\xF0\x9F\x98\x80", 501)), "note");
  expect_field(check_note(std::string("a\0b", 3)), "note");
  expect_field(check_note("bell\x07"), "note");
  expect_field(check_note("del\x7f"), "note");
}

TEST(schedule_proposal, invitee_rules_as_for_invitations) {
  EXPECT_EQ(check_invitee("u_a", "u_b", {true, true, false}), std::nullopt);
  expect_field(check_invitee("u_a", "u_a", {true, true, false}), "inviteeId");
  EXPECT_EQ(check_invitee("u_a", "u_b", {false, true, false})->code, errc::not_found);
  EXPECT_EQ(check_invitee("u_a", "u_b", {true, true, true})->code, errc::not_found) << "a block is not revealed";
  EXPECT_EQ(check_invitee("u_a", "u_b", {true, false, false})->code, errc::invitee_busy);
  EXPECT_EQ(check_invitee("u_a", "u_b", {true, false, true})->code, errc::not_found) << "blocked before unavailable";
}

schedule make(schedule_status status, std::string id = "s_1", std::string proposer = "u_p", std::string invitee = "u_i",
              time_point starts = now + minutes{60}, int duration = 60) {
  schedule s;
  s.id = std::move(id);
  s.status = status;
  s.proposer = {std::move(proposer), "Ada"};
  s.invitee = {std::move(invitee), "Grace"};
  s.starts_at = starts;
  s.duration_minutes = duration;
  s.created_at = now - minutes{5};
  return s;
}

constexpr auto all_statuses = std::array{schedule_status::proposed,  schedule_status::accepted, schedule_status::declined,
                                         schedule_status::cancelled, schedule_status::started,  schedule_status::missed};

using verdict = std::optional<errc>;
constexpr verdict ok = std::nullopt;
constexpr verdict conflict = errc::conflict;
constexpr verdict forbidden = errc::forbidden;
constexpr verdict not_found = errc::not_found;

// What each person gets for each action in each status, before startsAt.
struct permission_row {
  schedule_status status;
  // accept, decline, cancel by the invitee; by the proposer; by a stranger
  std::array<verdict, 3> invitee, proposer, stranger;
};
const permission_row permission_table[] = {
    {schedule_status::proposed, {ok, ok, ok}, {forbidden, forbidden, ok}, {not_found, not_found, not_found}},
    {schedule_status::accepted, {conflict, conflict, ok}, {forbidden, forbidden, ok}, {not_found, not_found, not_found}},
    {schedule_status::declined, {conflict, conflict, conflict}, {forbidden, forbidden, conflict}, {not_found, not_found, not_found}},
    {schedule_status::cancelled, {conflict, conflict, conflict}, {forbidden, forbidden, conflict}, {not_found, not_found, not_found}},
    {schedule_status::started, {conflict, conflict, conflict}, {forbidden, forbidden, conflict}, {not_found, not_found, not_found}},
    {schedule_status::missed, {conflict, conflict, conflict}, {forbidden, forbidden, conflict}, {not_found, not_found, not_found}},
};

verdict result_of(const outcome<void>& r) { return r ? ok : verdict{r.error().code}; }

TEST(schedule_actions, who_may_do_what_in_each_status) {
  const std::array actions = {schedule_action::accept, schedule_action::decline, schedule_action::cancel};
  int checked = 0;
  for (const auto& row : permission_table) {
    const auto s = make(row.status);
    for (std::size_t a = 0; a < actions.size(); ++a) {
      const std::string where = std::string(to_string(row.status)) + " action " + std::to_string(a);
      EXPECT_EQ(result_of(check_schedule(s, "u_i", actions[a], now)), row.invitee[a]) << where << " by the invitee";
      EXPECT_EQ(result_of(check_schedule(s, "u_p", actions[a], now)), row.proposer[a]) << where << " by the proposer";
      EXPECT_EQ(result_of(check_schedule(s, "u_x", actions[a], now)), row.stranger[a]) << where << " by a stranger";
      checked += 3;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(all_statuses.size()) * 9);
}

TEST(schedule_actions, a_proposal_cannot_be_accepted_once_its_start_has_passed) {
  const auto s = make(schedule_status::proposed);
  EXPECT_TRUE(check_schedule(s, "u_i", schedule_action::accept, s.starts_at - milliseconds{1}));
  EXPECT_EQ(result_of(check_schedule(s, "u_i", schedule_action::accept, s.starts_at)), conflict);
  EXPECT_TRUE(check_schedule(s, "u_i", schedule_action::decline, s.starts_at + minutes{1}));
  EXPECT_TRUE(check_schedule(s, "u_p", schedule_action::cancel, s.starts_at + minutes{1}));
  EXPECT_EQ(result_of(check_schedule(s, "u_p", schedule_action::accept, s.starts_at)), forbidden) << "role before state";
}

TEST(schedule_actions, transitions_count_changes_and_record_the_response) {
  auto s = make(schedule_status::proposed);
  EXPECT_EQ(status_after(schedule_action::accept), schedule_status::accepted);
  EXPECT_EQ(status_after(schedule_action::decline), schedule_status::declined);
  EXPECT_EQ(status_after(schedule_action::cancel), schedule_status::cancelled);
  transition(s, schedule_status::accepted, now);
  EXPECT_EQ(s.status, schedule_status::accepted);
  EXPECT_EQ(s.sequence, 1);
  EXPECT_EQ(s.responded_at, now);
  transition(s, schedule_status::cancelled, now + minutes{1});
  EXPECT_EQ(s.sequence, 2);
  EXPECT_EQ(s.responded_at, now) << "respondedAt is when it left proposed";
}

TEST(schedule_overlap, half_open_intervals) {
  const auto start = now + minutes{60};
  const auto base = make(schedule_status::accepted, "s_1", "u_p", "u_i", start, 60);
  struct row {
    minutes offset;
    int duration;
    bool overlap;
  };
  const row rows[] = {
      {minutes{-60}, 60, false}, // ends as base begins
      {minutes{-59}, 60, true},  {minutes{-30}, 15, false}, {minutes{0}, 15, true}, {minutes{30}, 120, true},
      {minutes{59}, 15, true},   {minutes{60}, 15, false}, // begins as base ends
      {minutes{-120}, 120, false}, {minutes{-120}, 121, true}, {minutes{-10}, 120, true},
  };
  for (const auto& r : rows) {
    const auto other = make(schedule_status::accepted, "s_2", "u_p", "u_x", start + r.offset, r.duration);
    EXPECT_EQ(overlaps(base, other), r.overlap) << r.offset.count() << " min, " << r.duration;
    EXPECT_EQ(overlaps(other, base), r.overlap) << "symmetric";
  }
  EXPECT_EQ(ends_at(base), start + minutes{60});
}

TEST(schedule_overlap, only_accepted_schedules_of_either_participant_conflict) {
  const auto start = now + minutes{60};
  const auto s = make(schedule_status::proposed, "s_new", "u_p", "u_i", start, 60);
  struct row {
    const char* what;
    schedule other;
    bool conflict;
  };
  const row rows[] = {
      {"the proposer's accepted one", make(schedule_status::accepted, "s_2", "u_p", "u_x", start), true},
      {"the proposer's as invitee", make(schedule_status::accepted, "s_2", "u_x", "u_p", start), true},
      {"the invitee's accepted one", make(schedule_status::accepted, "s_2", "u_y", "u_i", start + minutes{30}), true},
      {"between the same two", make(schedule_status::accepted, "s_2", "u_i", "u_p", start), true},
      {"strangers' schedule", make(schedule_status::accepted, "s_2", "u_x", "u_y", start), false},
      {"a proposed one", make(schedule_status::proposed, "s_2", "u_p", "u_x", start), false},
      {"a cancelled one", make(schedule_status::cancelled, "s_2", "u_p", "u_x", start), false},
      {"a declined one", make(schedule_status::declined, "s_2", "u_p", "u_x", start), false},
      {"one right after", make(schedule_status::accepted, "s_2", "u_p", "u_x", start + minutes{60}), false},
      {"itself", make(schedule_status::accepted, "s_new", "u_p", "u_i", start), false},
  };
  for (const auto& r : rows) {
    const std::vector<schedule> others = {r.other};
    auto f = check_overlap(s, others);
    EXPECT_EQ(f.has_value(), r.conflict) << r.what;
    EXPECT_EQ(f.value_or(failure{errc::conflict, "", 0}).code, errc::conflict) << r.what;
  }
  EXPECT_EQ(check_overlap(s, {}), std::nullopt);
}

TEST(schedule_reminder, lead_before_the_start_or_at_once_when_accepted_later) {
  const auto start = now + minutes{60};
  const milliseconds lead{600'000};
  EXPECT_EQ(reminder_at(start, now, lead), start - minutes{10});
  EXPECT_EQ(reminder_at(start, start - minutes{10}, lead), start - minutes{10});
  EXPECT_EQ(reminder_at(start, start - minutes{5}, lead), start - minutes{5}) << "accepted inside the lead: at once";
  EXPECT_EQ(reminder_at(start, start - seconds{1}, milliseconds{3'000}), start - seconds{3} + seconds{2});
}

TEST(schedule_start, started_missed_or_not_yet) {
  const auto start = now + minutes{60};
  const auto s = make(schedule_status::accepted, "s_1", "u_p", "u_i", start, 30);
  struct row {
    const char* what;
    milliseconds at; // relative to startsAt
    bool proposer_busy, invitee_busy;
    start_step expected;
  };
  const row rows[] = {
      {"before", milliseconds{-1}, false, false, start_step::not_yet},
      {"on time", milliseconds{0}, false, false, start_step::start},
      {"the proposer busy", milliseconds{0}, true, false, start_step::miss},
      {"the invitee busy", milliseconds{0}, false, true, start_step::miss},
      {"both busy", milliseconds{0}, true, true, start_step::miss},
      {"late, within the duration (a boot after downtime)", minutes{29}, false, false, start_step::start},
      {"just inside", minutes{30} - milliseconds{1}, false, false, start_step::start},
      {"the duration has passed", minutes{30}, false, false, start_step::miss},
      {"long after", std::chrono::hours{48}, false, false, start_step::miss},
  };
  for (const auto& r : rows) EXPECT_EQ(start_at(s, start + r.at, r.proposer_busy, r.invitee_busy), r.expected) << r.what;
}

TEST(schedule_start, only_accepted_schedules_start) {
  for (auto status : all_statuses) {
    if (status == schedule_status::accepted) continue;
    const auto s = make(status);
    EXPECT_EQ(start_at(s, s.starts_at, false, false), start_step::none) << to_string(status);
  }
}

} // namespace
