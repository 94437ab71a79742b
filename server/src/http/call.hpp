#pragma once
// One HTTP request on its way through a route: the request, the path parameters, the session
// (for routes that need one), and helpers to read the query and the JSON body.
#include "domain/error.hpp"
#include "net/message.hpp"
#include "services/auth_service.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mm::http {

struct call {
  const net::request& req;
  std::vector<std::pair<std::string, std::string>> params; // ":roomId" -> value
  std::optional<services::session_user> session;
  std::string token; // the session's token as sent

  const std::string& user_id() const { return session->user_id; }
  std::string param(std::string_view name) const;
  // The decoded query parameter, nullopt when absent; an empty value counts as absent.
  std::optional<std::string> query(std::string_view name) const;
  // An integer query parameter in [min, max], `fallback` when absent.
  domain::outcome<int> query_int(std::string_view name, int fallback, int min, int max) const;
  // The body as JSON: malformed_json when it does not parse (an empty body is malformed too).
  domain::outcome<boost::json::value> json_body() const;
};

} // namespace mm::http
