#include "domain/profile_rules.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using namespace mm::domain;

struct person {
  profile p;
  std::optional<int> offset;
};

person make(std::vector<std::string> topics, std::optional<experience_level> level, std::optional<int> offset) {
  person x;
  x.p.target_role = "Engineer";
  x.p.topics = std::move(topics);
  x.p.level = level;
  x.offset = offset;
  return x;
}

int score(const person& a, const person& b) { return match_score(a.p, a.offset, b.p, b.offset); }

// A varied sample: every level and none, several topic sets, zones around the world and none.
std::vector<person> sample() {
  const std::vector<std::vector<std::string>> topic_sets = {
      {}, {"graphs"}, {"graphs", "dp"}, {"system design", "caching", "queues"}, {"Graphs", " DP "}, {"behavioral"}};
  const std::vector<std::optional<experience_level>> levels = {std::nullopt, experience_level::student, experience_level::junior,
                                                                experience_level::mid, experience_level::senior, experience_level::staff};
  const std::vector<std::optional<int>> offsets = {std::nullopt, -600, -180, 0, 60, 330, 540, 840};
  std::vector<person> out;
  for (const auto& t : topic_sets)
    for (const auto& l : levels)
      for (const auto& o : offsets) out.push_back(make(t, l, o));
  return out;
}

TEST(match_score, stays_within_0_and_100) {
  const auto all = sample();
  for (const auto& a : all)
    for (const auto& b : all) {
      const int s = score(a, b);
      ASSERT_GE(s, 0);
      ASSERT_LE(s, 100);
    }
}

TEST(match_score, is_symmetric) {
  const auto all = sample();
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i; j < all.size(); ++j) ASSERT_EQ(score(all[i], all[j]), score(all[j], all[i])) << i << " " << j;
}

TEST(match_score, identical_complete_profiles_in_one_zone_score_100) {
  const auto a = make({"graphs", "dp"}, experience_level::mid, 60);
  EXPECT_EQ(score(a, a), 100);
}

TEST(match_score, nobody_scores_higher_than_ones_twin) {
  const auto all = sample();
  for (const auto& me : all) {
    const int twin = score(me, me);
    for (const auto& other : all) ASSERT_LE(score(me, other), twin);
  }
}

TEST(match_score, more_shared_topics_score_higher) {
  const auto me = make({"graphs", "dp", "trees", "heaps"}, experience_level::mid, 0);
  const auto none = make({"behavioral", "sql", "css", "k8s"}, experience_level::mid, 0);
  const auto one = make({"graphs", "sql", "css", "k8s"}, experience_level::mid, 0);
  const auto two = make({"graphs", "dp", "css", "k8s"}, experience_level::mid, 0);
  const auto all = make({"graphs", "dp", "trees", "heaps"}, experience_level::mid, 0);
  EXPECT_LT(score(me, none), score(me, one));
  EXPECT_LT(score(me, one), score(me, two));
  EXPECT_LT(score(me, two), score(me, all));
}

TEST(match_score, topics_match_regardless_of_case_and_surrounding_blanks) {
  const auto me = make({"Graphs", "Dynamic Programming"}, experience_level::mid, 0);
  const auto them = make({" graphs", "dynamic programming "}, experience_level::mid, 0);
  EXPECT_EQ(score(me, them), 100);
}

TEST(match_score, closer_levels_score_higher) {
  const auto me = make({"graphs"}, experience_level::student, 0);
  int previous = 101;
  for (auto level : {experience_level::student, experience_level::junior, experience_level::mid, experience_level::senior,
                     experience_level::staff}) {
    const int s = score(me, make({"graphs"}, level, 0));
    EXPECT_LE(s, previous);
    if (level != experience_level::staff) {
      EXPECT_LT(s, previous);
    }
    previous = s;
  }
}

TEST(match_score, closer_zones_score_higher) {
  const auto me = make({"graphs"}, experience_level::mid, 0);
  int previous = 101;
  for (int offset : {0, 60, 180, 330, 540, 720}) {
    const int s = score(me, make({"graphs"}, experience_level::mid, offset));
    EXPECT_LT(s, previous) << offset;
    previous = s;
  }
}

TEST(match_score, zone_distance_wraps_around_the_date_line) {
  // UTC+14 and UTC-10 show the same wall-clock time.
  const auto kiribati = make({"graphs"}, experience_level::mid, 840);
  const auto hawaii = make({"graphs"}, experience_level::mid, -600);
  EXPECT_EQ(score(kiribati, hawaii), 100);
  // UTC+13 and UTC-11 likewise; UTC+12 and UTC-12 too.
  EXPECT_EQ(score(make({"graphs"}, experience_level::mid, 780), make({"graphs"}, experience_level::mid, -660)), 100);
}

TEST(match_score, weights_are_topics_50_level_30_zone_20) {
  const auto me = make({"a", "b"}, experience_level::student, 0);
  // Half the topics shared (1 of 2 distinct... 1 common of 3 distinct = 50/3), two levels apart (10), 12 h apart (0).
  EXPECT_EQ(score(me, make({"a", "c"}, experience_level::mid, 720)), 27); // 16.67 + 10 + 0
  EXPECT_EQ(score(me, make({"x"}, experience_level::staff, 720)), 0);
  EXPECT_EQ(score(me, make({"x"}, experience_level::student, 0)), 50);   // 0 + 30 + 20
  EXPECT_EQ(score(me, make({"a", "b"}, experience_level::staff, 720)), 50); // 50 + 0 + 0
}

TEST(match_score, unknowns_count_half) {
  profile empty;
  // no topics: 0; unknown level: 15 of 30; unknown zone: 10 of 20.
  EXPECT_EQ(match_score(empty, std::nullopt, empty, std::nullopt), 25);
  const auto me = make({"graphs"}, std::nullopt, std::nullopt);
  EXPECT_EQ(score(me, make({"graphs"}, experience_level::mid, 60)), 75);
}

TEST(match_score, ordering_a_list_by_it_puts_the_best_partner_first) {
  const auto me = make({"graphs", "dp"}, experience_level::mid, 60);
  const auto best = make({"graphs", "dp"}, experience_level::mid, 0);
  const auto good = make({"graphs"}, experience_level::senior, 0);
  const auto poor = make({"behavioral"}, experience_level::student, -480);
  EXPECT_GT(score(me, best), score(me, good));
  EXPECT_GT(score(me, good), score(me, poor));
}

} // namespace
