#pragma once
// The JSON API as data: one table of {method, path pattern, session?, handler}. Handlers are
// thin: parse, validate, call one service, map the result.
#include "http/call.hpp"
#include "services/service_set.hpp"

#include <boost/asio/awaitable.hpp>

#include <span>
#include <string_view>

namespace mm::http {

using route_handler = boost::asio::awaitable<net::response> (*)(services::service_set&, call&);

struct route {
  std::string_view method;
  std::string_view pattern; // "/api/interviews/:roomId/feedback"
  bool needs_session;
  route_handler handler;
};

std::span<const route> account_routes();
std::span<const route> interview_routes();

// Matches `path` against `pattern`, filling the ":name" parameters (percent-decoded).
bool match_path(std::string_view pattern, std::string_view path, std::vector<std::pair<std::string, std::string>>& params);

} // namespace mm::http
