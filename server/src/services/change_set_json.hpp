#pragma once
// The shared editor's JSON (API.md, "Shared code editor"): ChangeSet.toJSON() of
// `@codemirror/state` and `@codemirror/collab` updates `{clientID, changes}`, read into
// domain::change_set and written back exactly as read. Parsers answer validation_failed naming
// the field (e.g. "updates[2].changes[0] ..."), payload_too_large over the push limits.
#include "domain/change_set.hpp"
#include "domain/error.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string_view>
#include <vector>

namespace mm::services {

// An array of items: a number n >= 0 (keep), `[n]` (delete), `[n, line, ...]` (replace; lines
// are strings without "\n" or "\r"). Refuses other shapes: negative or fractional numbers,
// numbers beyond 2^53 - 1, nested arrays, non-string lines, invalid Unicode.
domain::outcome<domain::change_set> parse_change_set(const boost::json::value& v, std::string_view field = "changes");
// The inverse: parse_change_set(to_json(cs)) == cs, and to_json(parse(j)) == j for every j
// parse accepts with whole numbers written as integers.
boost::json::array to_json(const domain::change_set& cs);

// `{clientID, changes}`; clientID a string of at most 64 characters.
domain::outcome<domain::doc_update> parse_update(const boost::json::value& v, std::string_view field = "update");
boost::json::object to_json(const domain::doc_update& u);

// The `updates` of workspace-push: an array of at most 100 updates, at most 64 KiB serialized
// (both payload_too_large), each parsed by parse_update as "updates[i]".
domain::outcome<std::vector<domain::doc_update>> parse_updates(const boost::json::value& v,
                                                               std::string_view field = "updates");
boost::json::array to_json(const std::vector<domain::doc_update>& updates);

// A document as the JSON string clients receive (domain documents are valid UTF-16).
boost::json::string doc_to_json(std::u16string_view doc);

} // namespace mm::services
