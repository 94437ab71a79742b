#pragma once
// A push endpoint URL taken apart, and the rules it must pass before anything is sent to it
// (API.md: an https: URL whose host is not internal, unless its origin is allow-listed).
#include "domain/error.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mm::push {

inline constexpr std::size_t max_endpoint_length = 2048;

struct endpoint {
  bool tls = true;       // https
  std::string host;      // a lower-case name, or an IP literal without brackets
  bool ip_literal = false;
  std::uint16_t port = 443;
  std::string target;    // path and query as sent in the request line, "/" when empty
  std::string origin;    // "https://host[:port]", the port only when not the default: VAPID's aud
};

// The parts of an absolute http: or https: URL with a host, no user information, no fragment, a
// port in 1..65535 and at most max_endpoint_length characters; validation_failed naming
// `endpoint` otherwise. It says nothing yet about where the host is (check_endpoint does).
domain::outcome<endpoint> parse_endpoint(std::string_view url);

// The origins (`--push-allow-origin`) whose endpoints may be internal or plain http: test push
// services, or a push service run inside the operator's network.
class origin_allow_list {
public:
  origin_allow_list() = default;
  // Throws std::invalid_argument naming the entry when one is not an origin ("scheme://host[:port]"
  // with an optional trailing "/"): bad start-up configuration.
  explicit origin_allow_list(const std::vector<std::string>& origins);
  bool contains(std::string_view origin) const { return origins_.contains(std::string(origin)); }
  bool empty() const { return origins_.empty(); }

private:
  std::set<std::string, std::less<>> origins_;
};

// parse_endpoint, then what can be decided without name resolution: the scheme must be https
// unless the origin is allow-listed, and an IP-literal host must be public (address_policy.hpp)
// unless the origin is allow-listed. validation_failed naming `endpoint` otherwise. A name is
// vetted after it is resolved, by the sender (sender.hpp: vet and send).
domain::outcome<endpoint> check_endpoint(std::string_view url, const origin_allow_list& allowed);

} // namespace mm::push
