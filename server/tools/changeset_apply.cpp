// changeset-apply: applies change sets with the server's code, for the cross-check against
// @codemirror/state (tests/workspace/changeset_crosscheck.test.js). Reads JSON lines on stdin:
//   {"doc": "...", "changes": <ChangeSet.toJSON()>}            one change set
//   {"doc": "...", "updates": [{"clientID", "changes"}, ...]}  a push, all or nothing
// and writes one line per input: {"doc": result, "changes" | "updates": what was read, written
// back} or {"error": {"code", "message"}}.
#include "domain/utf16.hpp"
#include "services/change_set_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <iostream>
#include <string>

namespace {

namespace json = boost::json;
using namespace mm;

json::object error(std::string_view code, std::string_view message) {
  return json::object{{"error", json::object{{"code", code}, {"message", message}}}};
}
json::object error(const domain::failure& f) { return error(domain::code_name(f.code), f.message); }

json::object run(std::string_view line) {
  boost::system::error_code ec;
  auto input = json::parse(line, ec);
  if (ec || !input.is_object()) return error("malformed_json", "each line must be a JSON object");
  const auto& o = input.get_object();
  const auto* doc_text = o.if_contains("doc");
  if (!doc_text || !doc_text->is_string()) return error("validation_failed", "doc must be a string");
  auto doc = domain::utf8_to_utf16(doc_text->get_string());
  if (!doc) return error("validation_failed", "doc must be valid UTF-8");
  if (const auto* changes = o.if_contains("changes")) {
    auto cs = services::parse_change_set(*changes);
    if (!cs) return error(cs.error());
    if (auto r = domain::apply_changes(*doc, *cs); !r) return error(r.error());
    return json::object{{"doc", services::doc_to_json(*doc)}, {"changes", services::to_json(*cs)}};
  }
  if (const auto* updates = o.if_contains("updates")) {
    auto list = services::parse_updates(*updates);
    if (!list) return error(list.error());
    if (auto r = domain::apply_updates(*doc, *list); !r) return error(r.error());
    return json::object{{"doc", services::doc_to_json(*doc)}, {"updates", services::to_json(*list)}};
  }
  return error("validation_failed", "changes or updates is required");
}

} // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) std::cout << json::serialize(run(line)) << '\n';
  std::cout.flush();
  return std::cout ? 0 : 1;
}
