#include "store/question_tests.hpp"

#include "store/question_bank.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace {

using mm::store::question_bank;
using mm::store::question_tests;

// API.md's comparison: trailing whitespace of every line and trailing empty lines do not count.
std::string normalized(std::string_view text) {
  std::vector<std::string_view> lines;
  for (;;) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) (out += i ? "\n" : "") += lines[i];
  return out;
}

TEST(QuestionTests, EveryAlgorithmsQuestionHasThreeOrMoreNamedTests) {
  for (const auto& q : question_bank()) {
    if (q.category != "algorithms") continue;
    auto tests = question_tests(q.slug);
    EXPECT_GE(tests.size(), 3u) << q.slug;
    std::set<std::string_view> names;
    for (const auto& t : tests) {
      EXPECT_FALSE(t.name.empty()) << q.slug;
      EXPECT_TRUE(names.insert(t.name).second) << q.slug << ": two tests named " << t.name;
    }
  }
}

TEST(QuestionTests, OtherCategoriesAndUnknownSlugsHaveNone) {
  for (const auto& q : question_bank())
    EXPECT_EQ(question_tests(q.slug).empty(), q.category != "algorithms") << q.slug;
  EXPECT_TRUE(question_tests("no-such-question").empty());
  EXPECT_TRUE(question_tests("").empty());
}

TEST(QuestionTests, InputsEndLinesAndExpectedOutputsAreAlreadyNormalized) {
  for (const auto& q : question_bank()) {
    for (const auto& t : question_tests(q.slug)) {
      EXPECT_TRUE(!t.input.empty() && t.input.back() == '\n') << q.slug << " / " << t.name;
      EXPECT_LE(t.input.size(), 4096u) << q.slug << " / " << t.name;
      // What the candidate sees as expected is exactly what is compared.
      std::string expected(t.expected_output);
      if (!expected.empty()) {
        EXPECT_EQ(expected.back(), '\n') << q.slug << " / " << t.name;
        expected.pop_back();
      }
      EXPECT_EQ(normalized(t.expected_output), expected) << q.slug << " / " << t.name;
    }
  }
}

TEST(QuestionTests, EveryBodyStatesTheFormatWithTheFirstTestAsItsExample) {
  for (const auto& q : question_bank()) {
    auto tests = question_tests(q.slug);
    if (tests.empty()) continue;
    const auto& first = tests.front();
    EXPECT_EQ(first.name, "example") << q.slug;
    EXPECT_NE(q.body.find("\n\nInput: "), std::string_view::npos) << q.slug;
    EXPECT_NE(q.body.find("\nOutput: "), std::string_view::npos) << q.slug;
    const auto example = "\n\nExample input:\n" + std::string(first.input) + "Example output:\n" +
                         normalized(first.expected_output);
    EXPECT_TRUE(q.body.ends_with(example)) << q.slug << ": the body should end with" << example;
  }
}

}  // namespace
