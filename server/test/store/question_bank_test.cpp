#include "store/question_bank.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace {

using mm::store::question_bank;

constexpr std::array categories{std::string_view{"algorithms"}, std::string_view{"system-design"},
                                std::string_view{"behavioral"}};
constexpr std::array difficulties{std::string_view{"easy"}, std::string_view{"medium"},
                                  std::string_view{"hard"}};

bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

TEST(QuestionBank, HasAtLeastSixtyQuestions) { EXPECT_GE(question_bank().size(), 60u); }

TEST(QuestionBank, SlugsAreUniqueAndUrlSafe) {
  std::set<std::string_view> seen;
  for (const auto& q : question_bank()) {
    EXPECT_TRUE(is_slug(q.slug)) << q.slug;
    EXPECT_TRUE(seen.insert(q.slug).second) << "duplicate slug " << q.slug;
  }
}

TEST(QuestionBank, TitlesAreUnique) {
  std::set<std::string_view> seen;
  for (const auto& q : question_bank()) EXPECT_TRUE(seen.insert(q.title).second) << q.title;
}

TEST(QuestionBank, CategoryAndDifficultyAreValid) {
  for (const auto& q : question_bank()) {
    EXPECT_NE(std::find(categories.begin(), categories.end(), q.category), categories.end())
        << q.slug << ": " << q.category;
    EXPECT_NE(std::find(difficulties.begin(), difficulties.end(), q.difficulty), difficulties.end())
        << q.slug << ": " << q.difficulty;
  }
}

TEST(QuestionBank, EveryCategoryAndDifficultyIsCovered) {
  std::map<std::pair<std::string_view, std::string_view>, int> count;
  for (const auto& q : question_bank()) ++count[{q.category, q.difficulty}];
  for (auto c : categories)
    for (auto d : difficulties) EXPECT_GT((count[{c, d}]), 0) << c << "/" << d;
}

TEST(QuestionBank, TextFieldsAreFilledIn) {
  for (const auto& q : question_bank()) {
    EXPECT_FALSE(q.title.empty()) << q.slug;
    EXPECT_LE(q.title.size(), 80u) << q.slug;
    EXPECT_GE(q.body.size(), 60u) << q.slug << ": body too short to work from";
  }
}

TEST(QuestionBank, EveryQuestionHasTwoToFourNonEmptyHints) {
  for (const auto& q : question_bank()) {
    EXPECT_GE(q.hints.size(), 2u) << q.slug;
    EXPECT_LE(q.hints.size(), 4u) << q.slug;
    for (auto h : q.hints) EXPECT_FALSE(h.empty()) << q.slug;
  }
}

TEST(QuestionBank, OrderIsStable) {
  auto a = question_bank();
  auto b = question_bank();
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a.data(), b.data());
  EXPECT_EQ(a.front().slug, "two-sum");
}

}  // namespace
