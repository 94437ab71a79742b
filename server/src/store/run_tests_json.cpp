#include "store/run_tests_json.hpp"

#include "store/store_error.hpp"

#include <boost/json.hpp>

namespace mm::store {

namespace json = boost::json;

std::string run_tests_to_json(const std::vector<domain::run_test>& tests) {
  json::array out;
  for (const auto& t : tests)
    out.push_back(json::object{{"name", t.name},
                               {"passed", t.passed},
                               {"input", t.input},
                               {"expectedOutput", t.expected_output},
                               {"actualOutput", t.actual_output}});
  return json::serialize(out);
}

std::vector<domain::run_test> run_tests_from_json(const std::string& text) {
  boost::system::error_code ec;
  const auto v = json::parse(text, ec);
  if (ec || !v.is_array()) throw store_error("a run's tests are not the JSON the store wrote", false);
  std::vector<domain::run_test> out;
  for (const auto& item : v.get_array()) {
    const auto* o = item.if_object();
    if (!o) throw store_error("a run's tests are not the JSON the store wrote", false);
    auto str = [&](std::string_view k) -> std::string {
      const auto* s = o->if_contains(k);
      return s && s->is_string() ? std::string(s->get_string()) : std::string();
    };
    const auto* passed = o->if_contains("passed");
    out.push_back({str("name"), passed && passed->is_bool() && passed->get_bool(), str("input"), str("expectedOutput"),
                   str("actualOutput")});
  }
  return out;
}

} // namespace mm::store
