#include "domain/code_language.hpp"

#include <gtest/gtest.h>

namespace {

using namespace mm::domain;

TEST(code_language, languages_are_spelled_as_the_contract_both_ways) {
  const std::pair<code_language, const char*> names[] = {
      {code_language::python, "python"}, {code_language::javascript, "javascript"}, {code_language::cpp, "cpp"}};
  for (auto [v, name] : names) {
    EXPECT_EQ(to_string(v), name);
    EXPECT_EQ(parse_code_language(name), v);
  }
}

TEST(code_language, other_names_are_not_languages) {
  EXPECT_EQ(parse_code_language(""), std::nullopt);
  EXPECT_EQ(parse_code_language("Python"), std::nullopt);
  EXPECT_EQ(parse_code_language("c++"), std::nullopt);
  EXPECT_EQ(parse_code_language("js"), std::nullopt);
}

} // namespace
