#pragma once
// The bodies of POST /api/blocks and POST /api/reports (API.md v2, "Blocking, reports,
// reliability"), parsed: presence, JSON types and the limits that need no database, each failure
// validation_failed naming the field.
#include "domain/error.hpp"
#include "domain/trust_rules.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace mm::services {

struct block_request {
  std::string user_id;
};

struct report_body {
  std::string user_id;
  std::optional<std::string> room_id;
  domain::report_reason reason = domain::report_reason::other;
  std::optional<std::string> details; // at most 2,000 code points; "" and null: none
};

// {userId: string}
domain::outcome<block_request> parse_block(const boost::json::value& v);
// {userId: string, roomId?: string|null, reason: no_show|abusive|inappropriate|spam|other,
// details?: string|null}
domain::outcome<report_body> parse_report(const boost::json::value& v);

} // namespace mm::services
