#pragma once
// Blocks and reports (API.md v2, "Blocking, reports, reliability"), decided over the facts the
// store's transaction read, so both backends apply the same rules with the same sentences. Pure.
//
// Where a block is checked (each decision in one place): sending an invitation
// (send_facts::blocked in domain/invitation_rules), the partner list and watch-presence (the
// store's queries leave blocked pairs out), and the pending invitations a block ends
// (blocked_ending below, applied in the block's transaction).
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "domain/types.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm::domain {

// A block as its blocker lists it: whom, since when.
struct block {
  party user;
  time_point created_at;
};

enum class report_reason { no_show, abusive, inappropriate, spam, other };
std::string_view to_string(report_reason r);
std::optional<report_reason> parse_report_reason(std::string_view s);

inline constexpr std::size_t report_details_max = 2000; // code points

// validation_failed naming `details`: more than 2,000 code points, or control characters other
// than line breaks and tabs (a report is prose, often several lines).
std::optional<failure> check_report_details(std::string_view text);

struct report {
  std::string id;
  party reporter;
  party reported;
  std::optional<std::string> room_id;
  report_reason reason = report_reason::other;
  std::optional<std::string> details;
  time_point created_at;
};

// At most `count` reports per reporter in any `window` (API.md: 10 per day).
struct report_limit {
  int count = 10;
  milliseconds window{24LL * 3600 * 1000};
};

// validation_failed when blocking oneself; not_found when the user does not exist.
std::optional<failure> check_block(bool to_self, bool target_exists);

// How a pending invitation between a pair ends when `blocker_id` blocks the other: the blocker
// received it -> rejected (they refuse it), the blocker sent it -> cancelled (they withdraw it);
// the reason is end_reason::blocked either way.
interview_status blocked_ending(const interview& iv, std::string_view blocker_id);

// What a report's transaction read.
struct report_facts {
  bool to_self = false;
  bool target_exists = false;
  std::optional<bool> room_of_both;    // nullopt: no roomId given; else whether it is an interview of the two
  std::vector<time_point> recent;      // the reporter's reports within the window, oldest first
};

// Failures, in this order: validation_failed (reporting oneself), not_found (no such user; a
// roomId that is not an interview of the reporter and that user), rate_limited with
// retry_after_seconds (at least 1) when the limit is reached.
std::optional<failure> check_report(const report_facts& f, const report_limit& limit, time_point now);

} // namespace mm::domain
