#include "domain/match_rules.hpp"

#include "domain/profile_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <tuple>

namespace mm::domain {

namespace {

std::string normalized_topic(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  std::string out(t);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool share_topic(const match_criteria& a, const match_criteria& b) {
  if (a.topics.empty() || b.topics.empty()) return true;
  for (const auto& x : a.topics)
    for (const auto& y : b.topics)
      if (normalized_topic(x) == normalized_topic(y)) return true;
  return false;
}

bool same_level(const match_criteria& a, const match_criteria& b) { return !a.level || !b.level || *a.level == *b.level; }

bool near_level(const match_criteria& a, const match_criteria& b) {
  return !a.level || !b.level || std::abs(static_cast<int>(*a.level) - static_cast<int>(*b.level)) <= 1;
}

bool is_category(std::string_view c) { return c == "algorithms" || c == "system-design" || c == "behavioral"; }

int difficulty_rank(std::string_view d) { return d == "easy" ? 0 : d == "medium" ? 1 : 2; }

std::uint64_t fnv1a(std::uint64_t seed, std::string_view id) {
  std::uint64_t h = 14695981039346656037ull;
  for (int i = 0; i < 8; ++i) h = (h ^ ((seed >> (8 * i)) & 0xFF)) * 1099511628211ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

} // namespace

std::optional<failure> check_criteria(const match_criteria& c) {
  if (auto f = check_list("topics", c.topics, limits::match_topics, limits::topic)) return f;
  if (c.category && !is_category(*c.category))
    return fail(errc::validation_failed, "category must be one of algorithms, system-design, behavioral.");
  return std::nullopt;
}

match_tier tier_at(milliseconds waited) {
  if (waited < strict_wait) return match_tier::strict;
  if (waited < relaxed_wait) return match_tier::relaxed;
  return match_tier::anyone;
}

std::optional<time_point> next_relaxation(time_point since, time_point now) {
  if (now < since + strict_wait) return since + strict_wait;
  if (now < since + relaxed_wait) return since + relaxed_wait;
  return std::nullopt;
}

bool criteria_compatible(const match_criteria& a, const match_criteria& b, match_tier t) {
  switch (t) {
  case match_tier::strict: return same_level(a, b) && share_topic(a, b);
  case match_tier::relaxed: return share_topic(a, b) || near_level(a, b);
  case match_tier::anyone: return true;
  }
  return false;
}

bool can_match(const match_ticket& a, const match_candidate& b, time_point now) {
  const auto& t = b.ticket;
  if (a.user_id == t.user_id || b.blocked) return false;
  if (a.busy || t.busy || !a.available || !t.available) return false;
  const time_point oldest = std::min(a.since, t.since);
  return criteria_compatible(a.criteria, t.criteria, tier_at(now - oldest));
}

std::optional<std::size_t> choose_partner(const match_ticket& seeker, std::span<const match_candidate> candidates,
                                          time_point now) {
  std::optional<std::size_t> best;
  auto key = [&](std::size_t i) {
    const auto& c = candidates[i];
    return std::tie(c.ticket.since, c.met_before, c.ticket.ticket_id);
  };
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!can_match(seeker, candidates[i], now)) continue;
    if (!best || key(i) < key(*best)) best = i;
  }
  return best;
}

bool interviews_first(const match_ticket& a, const match_ticket& b) {
  return std::tie(a.since, a.ticket_id) < std::tie(b.since, b.ticket_id);
}

match_criteria question_criteria(const match_criteria& interviewer, const match_criteria& candidate) {
  match_criteria c;
  c.level = candidate.level ? candidate.level : interviewer.level;
  c.category = candidate.category ? candidate.category : interviewer.category;
  c.topics = candidate.topics.empty() ? interviewer.topics : candidate.topics;
  return c;
}

std::vector<std::string_view> difficulties_for(std::optional<experience_level> level) {
  if (!level) return {"easy", "medium", "hard"};
  switch (*level) {
  case experience_level::student: return {"easy"};
  case experience_level::junior: return {"easy", "medium"};
  case experience_level::mid: return {"medium"};
  case experience_level::senior: return {"medium", "hard"};
  case experience_level::staff: return {"hard"};
  }
  return {"easy", "medium", "hard"};
}

std::vector<std::string> choose_questions(std::span<const question> bank, const match_criteria& c,
                                          const std::set<std::string, std::less<>>& had, std::uint64_t seed) {
  const auto suited = difficulties_for(c.level);
  // (wrong category, had, distance from a suited difficulty, hash): smaller is better.
  using rank = std::tuple<bool, bool, int, std::uint64_t>;
  auto rank_of = [&](const question& q) {
    int distance = 3;
    for (auto d : suited) distance = std::min(distance, std::abs(difficulty_rank(d) - difficulty_rank(q.difficulty)));
    return rank{c.category && q.category != *c.category, had.count(q.id) > 0, distance, fnv1a(seed, q.id)};
  };
  std::vector<std::pair<rank, const question*>> ranked;
  ranked.reserve(bank.size());
  for (const auto& q : bank) ranked.emplace_back(rank_of(q), &q);
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  if (ranked.empty()) return out;
  const rank& first_rank = ranked.front().first; // not a structured binding: clang 14 cannot capture one
  const question* first = ranked.front().second;
  out.push_back(first->id);
  auto is_short = [](const question& q) { return q.difficulty == "easy" || q.category == "behavioral"; };
  auto same_fit = [&](const rank& r) {
    return std::get<0>(r) == std::get<0>(first_rank) && std::get<1>(r) == std::get<1>(first_rank) &&
           std::get<2>(r) == std::get<2>(first_rank);
  };
  if (!is_short(*first)) return out;
  for (std::size_t i = 1; i < ranked.size() && same_fit(ranked[i].first); ++i) {
    if (is_short(*ranked[i].second)) {
      out.push_back(ranked[i].second->id);
      break;
    }
  }
  return out;
}

} // namespace mm::domain
