// question-bank-dump: prints the question bank with the example tests of its coding questions
// as JSON, [{id, title, category, difficulty, tests: [{name, input, expectedOutput}]}], in the
// bank's order. tests/questions/solutions.test.js runs the reference solutions against it.
#include "store/question_bank.hpp"
#include "store/question_tests.hpp"

#include <boost/json.hpp>

#include <iostream>

int main() {
  namespace json = boost::json;
  json::array out;
  for (const auto& q : mm::store::question_bank()) {
    json::array tests;
    for (const auto& t : mm::store::question_tests(q.slug))
      tests.push_back(json::object{{"name", t.name}, {"input", t.input}, {"expectedOutput", t.expected_output}});
    out.push_back(json::object{{"id", q.slug},
                               {"title", q.title},
                               {"category", q.category},
                               {"difficulty", q.difficulty},
                               {"tests", std::move(tests)}});
  }
  std::cout << json::serialize(out) << '\n';
  return std::cout.good() ? 0 : 1;
}
