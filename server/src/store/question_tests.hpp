#pragma once
#include <span>
#include <string_view>

namespace mm::store {

// One example test of a coding question (API.md "Running code"): a program reads `input` on
// standard input and passes when its standard output equals `expected_output` after trailing
// whitespace is removed from every line and trailing empty lines are dropped. Each question's
// body documents its input and output format; its worked example is the first test.
struct question_test {
  std::string_view name;            // what the case checks, for the candidate: "empty array"
  std::string_view input;
  std::string_view expected_output;  // as a correct program prints it, lines ending in '\n'
};

// The tests of the bank's question with this slug: at least three for every `algorithms`
// question, none for the other categories and for unknown slugs.
std::span<const question_test> question_tests(std::string_view slug);

}  // namespace mm::store
