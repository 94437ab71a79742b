#pragma once
// Where the Redis server is: redis://[[user]:password@]host[:port][/db], port 6379 and db 0 by
// default, IPv6 hosts in brackets.
#include <string>

namespace mm::bus {

struct redis_endpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string user, password;
  int db = 0;
};

// Throws std::invalid_argument naming --redis for a malformed URL (bad start-up configuration).
redis_endpoint parse_redis_url(const std::string& url);

} // namespace mm::bus
