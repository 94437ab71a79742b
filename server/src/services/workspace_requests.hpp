#pragma once
// The payloads of the workspace events (API.md, "Shared code editor"), parsed into typed
// requests: validation_failed naming the field, payload_too_large over the push limits
// (change_set_json.hpp). `roomId` is parse_room's; `round` absent or null means the current round.
#include "domain/change_set.hpp"
#include "domain/code_language.hpp"
#include "domain/error.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm::services {

struct workspace_request {
  std::string room_id;
  std::optional<std::int64_t> round; // a whole number when given; its range is domain::workspace_round's
};

struct workspace_push_request {
  workspace_request at;
  std::int64_t version = 0;
  std::vector<domain::doc_update> updates;
};

struct workspace_pull_request {
  workspace_request at;
  std::int64_t version = 0;
};

struct workspace_language_request {
  workspace_request at;
  domain::code_language language = domain::code_language::python;
};

struct workspace_cursor_request {
  workspace_request at;
  std::int64_t anchor = 0; // 0..limits::document_units
  std::int64_t head = 0;
};

domain::outcome<workspace_request> parse_workspace_open(const boost::json::value& v);
// version: a whole number >= 0; updates: parse_updates (at most 100, 64 KiB as JSON).
domain::outcome<workspace_push_request> parse_workspace_push(const boost::json::value& v);
domain::outcome<workspace_pull_request> parse_workspace_pull(const boost::json::value& v);
// language: python, javascript or cpp.
domain::outcome<workspace_language_request> parse_workspace_language(const boost::json::value& v);
// anchor, head: whole numbers from 0 to 200,000 (a document's largest length).
domain::outcome<workspace_cursor_request> parse_workspace_cursor(const boost::json::value& v);

} // namespace mm::services
