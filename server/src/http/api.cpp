#include "http/api.hpp"

#include "http/responses.hpp"
#include "http/routes.hpp"
#include "net/credentials.hpp"
#include "services/failures.hpp"

#include <boost/url/decode_view.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace mm::http {

using boost::asio::awaitable;
using domain::errc;
using domain::fail;

bool match_path(std::string_view pattern, std::string_view path, std::vector<std::pair<std::string, std::string>>& params) {
  params.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const auto pe = pattern.find('/');
    const auto se = path.find('/');
    const auto p = pattern.substr(0, pe);
    const auto s = path.substr(0, se);
    if (!p.empty() && p.front() == ':') {
      if (s.empty()) return false;
      std::string decoded;
      try {
        for (char ch : boost::urls::decode_view(s)) decoded.push_back(ch);
      } catch (...) {
        return false;
      }
      params.emplace_back(std::string(p.substr(1)), std::move(decoded));
    } else if (p != s) {
      return false;
    }
    pattern = pe == std::string_view::npos ? std::string_view{} : pattern.substr(pe);
    path = se == std::string_view::npos ? std::string_view{} : path.substr(se);
  }
  return true;
}

namespace {
bool state_changing(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

bool json_content(const net::request& req) {
  auto type = req.header_value("content-type");
  return type.substr(0, type.find(';')).find("application/json") != std::string_view::npos;
}
} // namespace

api::api(services::service_set& services, api_options options) : services_(services), options_(std::move(options)) {
  if (options_.web_root) web_.emplace(*options_.web_root);
}

awaitable<net::response> api::handle(net::request req) {
  const auto start = std::chrono::steady_clock::now();
  std::string label = "unmatched";
  net::response res;
  try {
    res = co_await dispatch(req, label);
  } catch (const std::exception& e) {
    spdlog::error("request {} {}: {}", req.request_id, label, e.what());
    res = error_response(services::failure_of(e));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto& m = services_.ctx.counters;
  m.add("mockmate_http_requests_total", "route=\"" + label + "\",status=\"" + std::to_string(res.status) + "\"");
  m.observe("mockmate_http_request_duration_seconds", "route=\"" + label + "\"", seconds);
  co_return res;
}

std::optional<double> api::auth_throttled(const std::string& address) {
  if (options_.auth_rate_count <= 0) return std::nullopt;
  const double capacity = options_.auth_rate_count;
  const double per_second = capacity / options_.auth_rate_window;
  const auto now = std::chrono::steady_clock::now();
  if (auth_buckets_.size() > 10'000) // forget the addresses whose bucket has refilled
    std::erase_if(auth_buckets_, [&](const auto& kv) {
      return kv.second.tokens + std::chrono::duration<double>(now - kv.second.at).count() * per_second >= capacity;
    });
  auto [it, fresh] = auth_buckets_.try_emplace(address, bucket{capacity, now});
  auto& b = it->second;
  b.tokens = std::min(capacity, b.tokens + std::chrono::duration<double>(now - b.at).count() * per_second);
  b.at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  return (1 - b.tokens) / per_second;
}

awaitable<net::response> api::dispatch(const net::request& req, std::string& label) {
  const route* found = nullptr;
  bool path_known = false;
  std::vector<std::pair<std::string, std::string>> params;
  for (auto table : route_tables()) {
    for (const auto& r : table) {
      if (!match_path(r.pattern, req.path, params)) continue;
      path_known = true;
      if (r.method == req.method) {
        found = &r;
        break;
      }
    }
    if (found) break;
  }
  if (!found) {
    const bool api_path = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
    if (path_known) {
      label = "method_not_allowed";
      auto res = error_response(fail(errc::not_found, "This endpoint does not answer " + req.method + "."));
      res.status = 405;
      co_return res;
    }
    if (!api_path && web_ && (req.method == "GET" || req.method == "HEAD")) {
      if (auto file = web_->serve(req)) {
        label = "static";
        co_return std::move(*file);
      }
    }
    co_return error_response(fail(errc::not_found, "No such endpoint."));
  }
  label = found->pattern;
  if (found->pattern == "/api/auth/register" || found->pattern == "/api/auth/login") {
    if (auto wait = auth_throttled(req.remote_address)) {
      auto f = fail(errc::rate_limited, "Too many sign-in attempts from your address; try again later.");
      f.retry_after_seconds = *wait;
      co_return error_response(f);
    }
  }
  match_path(found->pattern, req.path, params);
  call c{req, std::move(params), std::nullopt, {}};

  if (found->needs_session) {
    auto bearer = net::bearer_token(req);
    const bool by_cookie = !bearer;
    auto token = bearer ? bearer : net::cookie_value(req, "mm_session");
    if (!token) co_return error_response(fail(errc::unauthorized, "Sign in first."));
    if (by_cookie && state_changing(req.method)) {
      if (!net::origin_allowed(req, options_.allowed_origins))
        co_return error_response(fail(errc::forbidden, "Requests from this origin are not allowed."));
      if ((!req.body.empty() || !req.header_value("content-type").empty()) && !json_content(req))
        co_return error_response(fail(errc::forbidden, "Send state-changing requests as application/json."));
    }
    c.session = co_await services_.auth.authenticate(*token);
    if (!c.session) co_return error_response(fail(errc::unauthorized, "Your session has expired; sign in again."));
    c.token = std::move(*token);
  }
  co_return co_await found->handler(services_, c);
}

} // namespace mm::http
