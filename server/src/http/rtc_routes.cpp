// The ICE servers (STUN, TURN with short-lived credentials) for the caller.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

awaitable<net::response> rtc_config(service_set& s, call& c) {
  co_return json_response(200, json::object{{"iceServers", s.rooms.ice_servers(c.user_id())}});
}

constexpr std::array routes{
    route{"GET", "/api/rtc/config", true, rtc_config},
};

} // namespace

std::span<const route> rtc_routes() { return routes; }

} // namespace mm::http
