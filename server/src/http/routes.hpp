#pragma once
// The JSON API as data: tables of {method, path pattern, session?, handler}, one per file named
// after what its routes serve (a new feature adds a file and one line in routes.cpp). Handlers
// are thin: parse, validate, call one service, map the result.
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

std::span<const route> auth_routes();       // auth_routes.cpp
std::span<const route> profile_routes();    // profile_routes.cpp
std::span<const route> partner_routes();    // partner_routes.cpp
std::span<const route> question_routes();   // question_routes.cpp
std::span<const route> rtc_routes();        // rtc_routes.cpp
std::span<const route> interview_routes();  // interview_routes.cpp
std::span<const route> operations_routes(); // operations_routes.cpp
std::span<const route> trust_routes();      // trust_routes.cpp
std::span<const route> push_routes();       // push_routes.cpp
std::span<const route> chat_routes();       // chat_routes.cpp
std::span<const route> run_routes();        // run_routes.cpp
// Every table, in matching order.
std::span<const std::span<const route>> route_tables();

// Matches `path` against `pattern`, filling the ":name" parameters (percent-decoded).
bool match_path(std::string_view pattern, std::string_view path, std::vector<std::pair<std::string, std::string>>& params);

} // namespace mm::http
