// Quick-match rules (domain/match_rules.hpp) as tables: the tier at each wait, when criteria
// relax next, compatibility for every relation of levels and topics at every tier, who is never
// paired, whom a ticket is paired with, and which questions a match gets.
#include "domain/match_rules.hpp"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <set>

namespace {

using namespace mm::domain;
using std::chrono::milliseconds;
using lvl = experience_level;

const time_point t0 = from_millis(1'790'000'000'000);

TEST(match_tier, by_wait) {
  const std::pair<std::int64_t, match_tier> rows[] = {
      {-500, match_tier::strict},    {0, match_tier::strict},       {14'999, match_tier::strict},
      {15'000, match_tier::relaxed}, {29'999, match_tier::relaxed}, {30'000, match_tier::anyone},
      {120'000, match_tier::anyone},
  };
  for (auto [ms, tier] : rows) EXPECT_EQ(tier_at(milliseconds{ms}), tier) << ms << " ms";
}

TEST(match_tier, next_relaxation_is_at_15_then_30_seconds) {
  const std::pair<std::int64_t, std::optional<std::int64_t>> rows[] = {
      {-5'000, 15'000}, {0, 15'000}, {14'999, 15'000}, {15'000, 30'000}, {29'999, 30'000},
      {30'000, std::nullopt}, {90'000, std::nullopt},
  };
  for (auto [now, next] : rows) {
    const auto expected = next ? std::optional<time_point>{t0 + milliseconds{*next}} : std::nullopt;
    EXPECT_EQ(next_relaxation(t0, t0 + milliseconds{now}), expected) << now;
  }
}

// How two criteria relate, and what each tier says about it.
enum class levels { same, one_apart, far_apart, one_missing };
enum class topics { shared, disjoint, one_missing };

struct compat_row {
  levels l;
  topics t;
  bool strict, relaxed, anyone;
};
constexpr compat_row compat_table[] = {
    {levels::same, topics::shared, true, true, true},
    {levels::same, topics::disjoint, false, true, true},
    {levels::same, topics::one_missing, true, true, true},
    {levels::one_apart, topics::shared, false, true, true},
    {levels::one_apart, topics::disjoint, false, true, true},
    {levels::one_apart, topics::one_missing, false, true, true},
    {levels::far_apart, topics::shared, false, true, true},
    {levels::far_apart, topics::disjoint, false, false, true},
    {levels::far_apart, topics::one_missing, false, true, true},
    {levels::one_missing, topics::shared, true, true, true},
    {levels::one_missing, topics::disjoint, false, true, true},
    {levels::one_missing, topics::one_missing, true, true, true},
};

levels relation(std::optional<lvl> a, std::optional<lvl> b) {
  if (!a || !b) return levels::one_missing;
  const int gap = std::abs(static_cast<int>(*a) - static_cast<int>(*b));
  return gap == 0 ? levels::same : gap == 1 ? levels::one_apart : levels::far_apart;
}

TEST(match_criteria, compatibility_for_every_level_pair_and_topic_relation_at_every_tier) {
  const std::array<std::optional<lvl>, 6> all_levels = {std::nullopt, lvl::student, lvl::junior, lvl::mid, lvl::senior, lvl::staff};
  const std::pair<topics, std::pair<std::vector<std::string>, std::vector<std::string>>> topic_cases[] = {
      {topics::shared, {{"graphs", "dp"}, {"trees", "graphs"}}},
      {topics::disjoint, {{"graphs"}, {"sql", "trees"}}},
      {topics::one_missing, {{"graphs"}, {}}},
      {topics::one_missing, {{}, {}}},
  };
  int checked = 0;
  for (auto la : all_levels)
    for (auto lb : all_levels)
      for (const auto& [rel, lists] : topic_cases) {
        const match_criteria a{lists.first, la, std::nullopt}, b{lists.second, lb, "algorithms"};
        const auto& row = *std::find_if(std::begin(compat_table), std::end(compat_table),
                                        [&](const compat_row& r) { return r.l == relation(la, lb) && r.t == rel; });
        for (auto [tier, expected] : {std::pair{match_tier::strict, row.strict}, {match_tier::relaxed, row.relaxed},
                                      {match_tier::anyone, row.anyone}}) {
          EXPECT_EQ(criteria_compatible(a, b, tier), expected) << static_cast<int>(row.l) << "/" << static_cast<int>(rel);
          EXPECT_EQ(criteria_compatible(b, a, tier), expected) << "symmetric";
          ++checked;
        }
      }
  EXPECT_EQ(checked, 6 * 6 * 4 * 3);
}

TEST(match_criteria, topics_compare_trimmed_and_case_insensitively) {
  const match_criteria a{{" Graphs "}, lvl::mid, std::nullopt}, b{{"graphs"}, lvl::mid, std::nullopt};
  EXPECT_TRUE(criteria_compatible(a, b, match_tier::strict));
  const match_criteria c{{"graph"}, lvl::mid, std::nullopt};
  EXPECT_FALSE(criteria_compatible(a, c, match_tier::strict));
}

TEST(match_criteria, the_category_does_not_decide_compatibility) {
  const match_criteria a{{"graphs"}, lvl::mid, "algorithms"}, b{{"graphs"}, lvl::mid, "behavioral"};
  EXPECT_TRUE(criteria_compatible(a, b, match_tier::strict));
}

TEST(match_criteria, checks_topics_and_category) {
  EXPECT_EQ(check_criteria({{"a", "b", "c", "d", "e"}, lvl::mid, "algorithms"}), std::nullopt);
  EXPECT_EQ(check_criteria({}), std::nullopt);
  const std::pair<match_criteria, std::string_view> bad[] = {
      {{{"a", "b", "c", "d", "e", "f"}, std::nullopt, std::nullopt}, "topics"},
      {{{std::string(41, 'x')}, std::nullopt, std::nullopt}, "topics"},
      {{{"   "}, std::nullopt, std::nullopt}, "topics"},
      {{{}, std::nullopt, "cooking"}, "category"},
      {{{}, std::nullopt, ""}, "category"},
  };
  for (const auto& [c, field] : bad) {
    auto f = check_criteria(c);
    ASSERT_TRUE(f) << field;
    EXPECT_EQ(f->code, errc::validation_failed);
    EXPECT_EQ(f->message.rfind(std::string(field) + " ", 0), 0u) << f->message;
  }
}

match_ticket ticket(std::string id, std::string user, std::int64_t since_ms, match_criteria c = {}) {
  return match_ticket{std::move(id), std::move(user), std::move(c), t0 + milliseconds{since_ms}, false, true};
}

TEST(match_pairs, never_oneself_a_blocked_pair_or_a_busy_or_unavailable_user) {
  const auto now = t0 + milliseconds{60'000}; // everyone accepts anyone by now
  const auto a = ticket("t_a", "u_a", 0);
  EXPECT_TRUE(can_match(a, {ticket("t_b", "u_b", 0), false, false}, now));
  EXPECT_TRUE(can_match(a, {ticket("t_b", "u_b", 0), false, true}, now)) << "meeting again is allowed";
  EXPECT_FALSE(can_match(a, {ticket("t_b", "u_a", 0), false, false}, now)) << "oneself";
  EXPECT_FALSE(can_match(a, {ticket("t_b", "u_b", 0), true, false}, now)) << "blocked";
  auto busy = ticket("t_b", "u_b", 0);
  busy.busy = true;
  EXPECT_FALSE(can_match(a, {busy, false, false}, now)) << "the candidate is busy";
  auto away = ticket("t_b", "u_b", 0);
  away.available = false;
  EXPECT_FALSE(can_match(a, {away, false, false}, now)) << "the candidate is unavailable";
  auto busy_seeker = a;
  busy_seeker.busy = true;
  EXPECT_FALSE(can_match(busy_seeker, {ticket("t_b", "u_b", 0), false, false}, now)) << "the seeker is busy";
  auto away_seeker = a;
  away_seeker.available = false;
  EXPECT_FALSE(can_match(away_seeker, {ticket("t_b", "u_b", 0), false, false}, now)) << "the seeker is unavailable";
}

TEST(match_pairs, the_longer_wait_sets_the_tier) {
  // Levels two apart, no common topic: only "anyone" pairs them.
  const match_criteria junior{{"graphs"}, lvl::junior, std::nullopt}, senior{{"sql"}, lvl::senior, std::nullopt};
  const auto old_one = ticket("t_old", "u_old", 0, junior);
  const auto new_one = ticket("t_new", "u_new", 25'000, senior);
  EXPECT_FALSE(can_match(new_one, {old_one, false, false}, t0 + milliseconds{29'999}));
  EXPECT_TRUE(can_match(new_one, {old_one, false, false}, t0 + milliseconds{30'000}));
  EXPECT_TRUE(can_match(old_one, {new_one, false, false}, t0 + milliseconds{30'000}));
  // Levels one apart: the relaxed tier of the older ticket, whatever the newer one's wait.
  const match_criteria mid{{"sql"}, lvl::mid, std::nullopt};
  const auto fresh = ticket("t_fresh", "u_fresh", 15'000, mid);
  EXPECT_FALSE(can_match(fresh, {old_one, false, false}, t0 + milliseconds{14'999}));
  EXPECT_TRUE(can_match(fresh, {old_one, false, false}, t0 + milliseconds{15'000}));
}

TEST(match_pairs, chooses_the_longest_waiting_then_someone_new_then_by_ticket_id) {
  const auto now = t0 + milliseconds{40'000};
  const auto seeker = ticket("t_s", "u_s", 39'000);
  struct row {
    const char* what;
    std::vector<match_candidate> candidates;
    std::optional<std::size_t> expected;
  };
  auto c = [](std::string id, std::int64_t since, bool met = false, bool blocked = false) {
    return match_candidate{ticket(id, "u_" + id, since), blocked, met};
  };
  const row rows[] = {
      {"nobody", {}, std::nullopt},
      {"one", {c("a", 10)}, 0},
      {"the longest waiting", {c("a", 20), c("b", 10), c("c", 30)}, 1},
      {"the longest waiting even if met before", {c("a", 20), c("b", 10, true)}, 1},
      {"at the same wait, someone not met before", {c("a", 10, true), c("b", 10, false)}, 1},
      {"at the same wait and history, the smaller ticket id", {c("b", 10), c("a", 10)}, 1},
      {"skips whom it may not pair", {c("a", 5, false, true), c("b", 10)}, 1},
      {"none it may pair", {c("a", 5, false, true)}, std::nullopt},
  };
  for (const auto& r : rows) EXPECT_EQ(choose_partner(seeker, r.candidates, now), r.expected) << r.what;
}

TEST(match_pairs, skips_candidates_whose_criteria_do_not_fit_yet) {
  const auto now = t0 + milliseconds{5'000};
  const auto seeker = ticket("t_s", "u_s", 4'000, {{"graphs"}, lvl::mid, std::nullopt});
  const std::vector<match_candidate> candidates = {
      {ticket("t_a", "u_a", 0, {{"graphs"}, lvl::senior, std::nullopt}), false, false}, // longest, but not the same level
      {ticket("t_b", "u_b", 1'000, {{"graphs", "dp"}, lvl::mid, std::nullopt}), false, false},
  };
  EXPECT_EQ(choose_partner(seeker, candidates, now), 1u);
  EXPECT_EQ(choose_partner(seeker, candidates, t0 + milliseconds{15'000}), 0u) << "relaxed by t_a's wait";
}

TEST(match_pairs, the_longer_waiting_user_interviews_first) {
  EXPECT_TRUE(interviews_first(ticket("t_b", "u_b", 0), ticket("t_a", "u_a", 1)));
  EXPECT_FALSE(interviews_first(ticket("t_a", "u_a", 1), ticket("t_b", "u_b", 0)));
  EXPECT_TRUE(interviews_first(ticket("t_a", "u_a", 0), ticket("t_b", "u_b", 0)));
  EXPECT_FALSE(interviews_first(ticket("t_b", "u_b", 0), ticket("t_a", "u_a", 0)));
}

TEST(match_questions, follow_the_candidates_criteria_then_the_interviewers) {
  const match_criteria interviewer{{"graphs"}, lvl::senior, "system-design"};
  const auto c1 = question_criteria(interviewer, {{}, lvl::junior, std::nullopt});
  EXPECT_EQ(c1.level, lvl::junior);
  EXPECT_EQ(c1.category, "system-design");
  EXPECT_EQ(c1.topics, std::vector<std::string>{"graphs"});
  const auto c2 = question_criteria(interviewer, {{"dp"}, std::nullopt, "behavioral"});
  EXPECT_EQ(c2.level, lvl::senior);
  EXPECT_EQ(c2.category, "behavioral");
  EXPECT_EQ(c2.topics, std::vector<std::string>{"dp"});
}

TEST(match_questions, difficulty_for_each_level) {
  using v = std::vector<std::string_view>;
  EXPECT_EQ(difficulties_for(lvl::student), (v{"easy"}));
  EXPECT_EQ(difficulties_for(lvl::junior), (v{"easy", "medium"}));
  EXPECT_EQ(difficulties_for(lvl::mid), (v{"medium"}));
  EXPECT_EQ(difficulties_for(lvl::senior), (v{"medium", "hard"}));
  EXPECT_EQ(difficulties_for(lvl::staff), (v{"hard"}));
  EXPECT_EQ(difficulties_for(std::nullopt), (v{"easy", "medium", "hard"}));
}

question q(std::string id, std::string category, std::string difficulty) {
  return question{std::move(id), "title " + id, "body", std::move(category), std::move(difficulty), {}};
}

const std::vector<question> bank = {
    q("ae1", "algorithms", "easy"),      q("ae2", "algorithms", "easy"),   q("ae3", "algorithms", "easy"),
    q("am1", "algorithms", "medium"),    q("am2", "algorithms", "medium"), q("ah1", "algorithms", "hard"),
    q("be1", "behavioral", "easy"),      q("bm1", "behavioral", "medium"), q("bm2", "behavioral", "medium"),
    q("sh1", "system-design", "hard"),   q("sh2", "system-design", "hard"),
};

using id_set = std::set<std::string, std::less<>>;
std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

TEST(match_questions, picks_by_category_level_and_what_neither_has_had) {
  struct row {
    const char* what;
    match_criteria c;
    id_set had;
    std::set<std::set<std::string>> allowed; // every acceptable answer
  };
  const row rows[] = {
      {"mid algorithms: one medium", {{}, lvl::mid, "algorithms"}, {}, {{"am1"}, {"am2"}}},
      {"mid algorithms, am1 had", {{}, lvl::mid, "algorithms"}, {"am1"}, {{"am2"}}},
      {"student algorithms: two easy", {{}, lvl::student, "algorithms"}, {}, {{"ae1", "ae2"}, {"ae1", "ae3"}, {"ae2", "ae3"}}},
      {"student algorithms, two had: the last easy alone", {{}, lvl::student, "algorithms"}, {"ae1", "ae2"}, {{"ae3"}}},
      {"student algorithms, every easy had: the nearest difficulty", {{}, lvl::student, "algorithms"},
       {"ae1", "ae2", "ae3"}, {{"am1"}, {"am2"}}},
      {"staff algorithms: the hard one", {{}, lvl::staff, "algorithms"}, {}, {{"ah1"}}},
      {"staff algorithms, the hard one had: medium before had", {{}, lvl::staff, "algorithms"}, {"ah1"}, {{"am1"}, {"am2"}}},
      {"mid behavioral: two behavioral mediums", {{}, lvl::mid, "behavioral"}, {}, {{"bm1", "bm2"}}},
      {"system design for a student: nothing easy, so hard, one", {{}, lvl::student, "system-design"}, {}, {{"sh1"}, {"sh2"}}},
      {"every system-design question had: had ones before another category",
       {{}, lvl::staff, "system-design"}, {"sh1", "sh2"}, {{"sh1"}, {"sh2"}}},
  };
  for (const auto& r : rows) {
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
      const auto got = as_set(choose_questions(bank, r.c, r.had, seed));
      EXPECT_TRUE(r.allowed.count(got)) << r.what << " (seed " << seed << "): got " << got.size() << " questions starting "
                                        << (got.empty() ? "" : *got.begin());
    }
  }
}

TEST(match_questions, without_criteria_any_question_and_no_question_twice) {
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    const auto got = choose_questions(bank, {}, {}, seed);
    ASSERT_GE(got.size(), 1u);
    ASSERT_LE(got.size(), 2u);
    EXPECT_EQ(as_set(got).size(), got.size());
  }
  EXPECT_TRUE(choose_questions({}, {}, {}, 1).empty());
}

TEST(match_questions, the_pick_varies_with_the_seed_and_repeats_with_it) {
  std::set<std::string> firsts;
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    const auto a = choose_questions(bank, {{}, lvl::mid, "algorithms"}, {}, seed);
    EXPECT_EQ(a, choose_questions(bank, {{}, lvl::mid, "algorithms"}, {}, seed));
    firsts.insert(a.front());
  }
  EXPECT_EQ(firsts, (std::set<std::string>{"am1", "am2"}));
}

} // namespace
