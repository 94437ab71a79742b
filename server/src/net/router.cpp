#include "net/router.hpp"

#include <algorithm>

namespace mm::net {

void router::add(std::string prefix, handler& target) {
  routes_.push_back({std::move(prefix), &target});
  std::stable_sort(routes_.begin(), routes_.end(),
                   [](const route& a, const route& b) { return a.prefix.size() > b.prefix.size(); });
}

handler* router::pick(std::string_view path) const {
  for (const auto& r : routes_) {
    std::string_view p = r.prefix;
    if (path.starts_with(p)) return r.target;
    if (p.size() > 1 && p.back() == '/' && path == p.substr(0, p.size() - 1)) return r.target;
  }
  return fallback_;
}

boost::asio::awaitable<response> router::handle(request req) {
  if (auto* target = pick(req.path)) co_return co_await target->handle(std::move(req));
  co_return response::text(404, "not found\n");
}

boost::asio::awaitable<upgrade_result> router::upgrade(request req, std::shared_ptr<websocket_connection> connection) {
  if (auto* target = pick(req.path)) co_return co_await target->upgrade(std::move(req), std::move(connection));
  co_return response::text(404, "not found\n");
}

} // namespace mm::net
