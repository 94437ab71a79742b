#pragma once
// The JSON API adapter as a net::handler: matches the route table, authenticates, applies the
// CSRF rules, calls the route's handler inside the single exception boundary, records metrics,
// and serves the web client for everything outside /api.
#include "net/handler.hpp"
#include "net/static_files.hpp"
#include "services/service_set.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::http {

struct api_options {
  std::vector<std::string> allowed_origins;
  std::optional<std::filesystem::path> web_root; // none: no web client
};

class api final : public net::handler {
public:
  api(services::service_set& services, api_options options);

  boost::asio::awaitable<net::response> handle(net::request req) override;

private:
  // `label` receives the matched route pattern, for metrics.
  boost::asio::awaitable<net::response> dispatch(const net::request& req, std::string& label);

  services::service_set& services_;
  api_options options_;
  std::optional<net::static_files> web_;
};

} // namespace mm::http
