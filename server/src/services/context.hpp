#pragma once
// What every service is built from: the store behind its executor, the bus, the clock, the live
// presence of users, the timers, and the configuration of API.md's "Running" section.
#include "bus/bus.hpp"
#include "domain/time.hpp"
#include "services/db_executor.hpp"
#include "services/metrics.hpp"
#include "services/timers.hpp"
#include "store/store.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace mm::services {

struct service_config {
  domain::milliseconds invitation_ttl{120'000};
  domain::milliseconds rejoin_grace{180'000};
  int invitation_rate_count = 20; // 0: no limit
  domain::milliseconds invitation_rate_window{600'000};
  std::vector<std::string> stun_uris;
  std::vector<std::string> turn_uris;
  std::string turn_secret;
  std::chrono::seconds turn_ttl{3600};
  std::string zoneinfo_dir = "/usr/share/zoneinfo";
  int round_minutes = 30; // a round's plannedMinutes (--round-minutes)
};

// Who is connected right now (on any node): implemented by the real-time layer.
class presence_directory {
public:
  virtual ~presence_directory() = default;
  virtual bool is_online(const std::string& user_id) const = 0;
  // A socket of the user is connected right now, on any node (is_online also counts the reload
  // grace after the last one left). Whether an invitation is pushed (push_service).
  virtual bool has_socket(const std::string& user_id) const { return is_online(user_id); }
};

class push_service;

struct context {
  boost::asio::any_io_executor io; // where services, timers and bus handlers run
  store::store& db;
  db_executor& executor;
  bus::bus& events;
  const domain::clock& clock;
  presence_directory& presence;
  timers& deadlines;
  metrics& counters;
  service_config config;
  push_service* push = nullptr; // Web Push; null when off (set by app)
};

} // namespace mm::services
