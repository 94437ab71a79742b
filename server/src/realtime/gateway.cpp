#include "realtime/gateway.hpp"

namespace mm::realtime {

struct gateway::impl final : net::handler {
  boost::asio::awaitable<net::response> handle(net::request) override {
    net::response r;
    r.status = 503;
    co_return r;
  }
};

gateway::gateway(boost::asio::any_io_executor, services::service_set&, presence_registry&, gateway_options)
    : impl_(std::make_unique<impl>()) {}
gateway::~gateway() = default;
net::handler& gateway::handler() { return *impl_; }
void gateway::close() {}
std::size_t gateway::connected_sockets() const { return 0; }

} // namespace mm::realtime
