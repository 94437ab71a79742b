#pragma once
// Quick match (API.md, "Quick match"): the criteria, which two waiting users may be paired after
// how long, whom a ticket is paired with first, when its criteria relax next (to arm a timer),
// and which questions the interview gets. Pure: the caller supplies busy, availability, blocks,
// past meetings and past questions.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace mm::domain {

namespace limits {
inline constexpr std::size_t match_topics = 5;
} // namespace limits

struct match_criteria {
  std::vector<std::string> topics; // at most 5; compared trimmed and case-insensitively
  std::optional<experience_level> level;
  std::optional<std::string> category; // algorithms | system-design | behavioral
};

// validation_failed naming `topics` (more than 5, or one not 1 to 40 characters) or `category`
// (not a question category); nothing when valid.
std::optional<failure> check_criteria(const match_criteria& c);

// How far a ticket's criteria have relaxed: by the wait of the one who has waited longer.
enum class match_tier {
  strict,  // under 15 s: the same level and a shared topic
  relaxed, // under 30 s: a shared topic or levels at most one apart
  anyone,  // from 30 s on
};
inline constexpr milliseconds strict_wait{15'000}, relaxed_wait{30'000};

match_tier tier_at(milliseconds waited); // a negative wait (clock skew between nodes) is strict
// The next moment after `now` at which a ticket waiting since `since` changes tier: since + 15 s
// or since + 30 s; nullopt once it accepts anyone. A ticket needs a timer only for these: a
// pair becomes compatible exactly when the older ticket of the two changes tier.
std::optional<time_point> next_relaxation(time_point since, time_point now);

// Whether the criteria fit at tier `t`. A criterion someone did not give matches anything: "the
// same level (when given)" holds unless both gave different levels, "a shared topic" unless
// both gave topics and none is common. Symmetric.
bool criteria_compatible(const match_criteria& a, const match_criteria& b, match_tier t);

// A waiting ticket as the rules see it.
struct match_ticket {
  std::string ticket_id;
  std::string user_id;
  match_criteria criteria;
  time_point since;      // the ticket's createdAt
  bool busy = false;     // in an accepted or in-progress interview
  bool available = true; // the profile's do-not-disturb switch
};

// Another waiting ticket, with what the pair has between them.
struct match_candidate {
  match_ticket ticket;
  bool blocked = false;    // a block between the two users, either way
  bool met_before = false; // they have had an interview together
};

// Whether the two may be paired at `now`: never oneself, a blocked pair, or a busy or unavailable
// user; otherwise criteria_compatible at the tier of the longer wait.
bool can_match(const match_ticket& a, const match_candidate& b, time_point now);

// The partner for `seeker` at `now`: among those can_match allows, the longest waiting, then one
// not met before, then the smallest ticket id; nullopt when nobody fits.
std::optional<std::size_t> choose_partner(const match_ticket& seeker, std::span<const match_candidate> candidates,
                                          time_point now);

// Whether `a` interviews first in the pair: the one who has waited longer (ties: smaller ticket id).
bool interviews_first(const match_ticket& a, const match_ticket& b);

// The criteria the interview's questions follow: round 1's candidate answers them, so the
// candidate's level and category when given, else the interviewer's.
match_criteria question_criteria(const match_criteria& interviewer, const match_criteria& candidate);

// Difficulties that suit a level, best first. student: easy; junior: easy, medium; mid: medium;
// senior: medium, hard; staff: hard; no level: all three.
std::vector<std::string_view> difficulties_for(std::optional<experience_level> level);

// The ids of 1 or 2 questions from `bank` for `c`, none of them in `had` (the questions either
// participant has had) when possible. Ranked by: the category (when given), not had, the
// difficulty's distance from the level's (easy < medium < hard), then a hash of `seed` and the
// id, so the pick varies between matches but is repeatable. Two questions when the first is short
// (easy, or behavioral: less than a round each) and a second short one fits as well on the first
// three counts; else one. Empty only for an empty bank.
std::vector<std::string> choose_questions(std::span<const question> bank, const match_criteria& c,
                                          const std::set<std::string, std::less<>>& had, std::uint64_t seed);

} // namespace mm::domain
