#pragma once
// The JSON API adapter as a net::handler: matches the route table, authenticates, applies the
// CSRF rules, calls the route's handler inside the single exception boundary, records metrics,
// and serves the web client for everything outside /api.
#include "net/handler.hpp"
#include "net/static_files.hpp"
#include "services/service_set.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mm::http {

struct api_options {
  std::vector<std::string> allowed_origins;
  std::optional<std::filesystem::path> web_root; // none: no web client
  // register and login per client IP address: a token bucket of `auth_rate_count` requests
  // refilled over `auth_rate_window` seconds; beyond it 429 rate_limited with Retry-After.
  // 0: no limit.
  int auth_rate_count = 300;
  double auth_rate_window = 60;
};

class api final : public net::handler {
public:
  api(services::service_set& services, api_options options);

  boost::asio::awaitable<net::response> handle(net::request req) override;

private:
  // `label` receives the matched route pattern, for metrics.
  boost::asio::awaitable<net::response> dispatch(const net::request& req, std::string& label);

  // Takes one token of `address`'s bucket; the seconds to wait when there is none.
  std::optional<double> auth_throttled(const std::string& address);

  struct bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };

  services::service_set& services_;
  api_options options_;
  std::optional<net::static_files> web_;
  std::unordered_map<std::string, bucket> auth_buckets_; // by remote address; I/O thread only
};

} // namespace mm::http
