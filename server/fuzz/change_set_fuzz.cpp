// The shared editor's input path: JSON as the adapters parse it, then parse_change_set /
// parse_updates and their application to a document. Besides crashes it checks two properties:
// what parses serializes back to the same change set, and an applied document stays valid UTF-16.
//   {"doc": "...", "changes": [...]}  or  {"doc": "...", "updates": [...]}  (anything else too)
#include "domain/utf16.hpp"
#include "services/change_set_json.hpp"

#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace mm;

namespace {

void check(bool property) {
  if (!property) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 64;
  const auto v = boost::json::parse(text, ec, {}, opts);
  if (ec || !v.is_object()) return 0;
  const auto& o = v.get_object();
  std::u16string doc;
  if (const auto* d = o.if_contains("doc"); d && d->is_string()) {
    auto u = domain::utf8_to_utf16(d->get_string());
    if (!u) return 0;
    doc = std::move(*u);
  }
  if (const auto* changes = o.if_contains("changes")) {
    if (auto cs = services::parse_change_set(*changes)) {
      check(services::parse_change_set(services::to_json(*cs)).value() == *cs);
      if (domain::apply_changes(doc, *cs)) check(domain::utf16_to_utf8(doc).has_value());
    }
  }
  if (const auto* updates = o.if_contains("updates")) {
    if (auto list = services::parse_updates(*updates)) {
      check(services::parse_updates(services::to_json(*list)).value() == *list);
      if (domain::apply_updates(doc, *list)) check(domain::utf16_to_utf8(doc).has_value());
    }
  }
  return 0;
}
