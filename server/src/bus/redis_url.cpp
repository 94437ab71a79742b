#include "bus/redis_url.hpp"

#include <algorithm>
#include <stdexcept>

namespace mm::bus {
namespace {
bool digits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

redis_endpoint parse_redis_url(const std::string& url) {
  const std::string scheme = "redis://";
  if (url.rfind(scheme, 0) != 0) throw std::invalid_argument("--redis: expected redis://host[:port][/db], got " + url);
  std::string rest = url.substr(scheme.size());
  redis_endpoint e;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    const auto db = rest.substr(slash + 1);
    rest.resize(slash);
    if (!db.empty()) {
      if (!digits(db) || db.size() > 4) throw std::invalid_argument("--redis: the database must be a number: " + url);
      e.db = std::stoi(db);
    }
  }
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    const auto cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (auto colon = cred.find(':'); colon != std::string::npos) {
      e.user = cred.substr(0, colon);
      e.password = cred.substr(colon + 1);
    } else {
      e.password = cred;
    }
  }
  std::string port;
  if (!rest.empty() && rest.front() == '[') { // [v6]:port
    auto close = rest.find(']');
    if (close == std::string::npos) throw std::invalid_argument("--redis: malformed host in " + url);
    e.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    e.host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  } else if (!rest.empty()) {
    e.host = rest;
  }
  if (!port.empty()) {
    if (port.size() > 5 || !digits(port)) throw std::invalid_argument("--redis: the port must be a number: " + url);
    e.port = std::stoi(port);
  }
  if (e.host.empty()) throw std::invalid_argument("--redis: no host in " + url);
  return e;
}

} // namespace mm::bus
