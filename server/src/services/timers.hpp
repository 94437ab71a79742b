#pragma once
// Named one-shot deadlines on the I/O executor (invitation expiry, room grace: timer_key.hpp).
// Deadlines are wall-clock times as stored in the database; a timer that fires early (clock
// adjustments) is the callback's business: the store's conditional updates re-check the time.
#include "domain/time.hpp"
#include "services/timer_key.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace mm::services {

class timers {
public:
  timers(boost::asio::any_io_executor ex, const domain::clock& clock) : ex_(std::move(ex)), clock_(clock) {}
  ~timers();
  // Calls `fn` on the executor at `at`. Replaces a pending timer with the same key, unless that
  // one is due at the same time already (then it is kept). Not thread-safe: call on the I/O
  // executor.
  void arm(const timer_key& key, domain::time_point at, std::function<void()> fn);
  void cancel(const timer_key& key);
  void cancel_all();
  std::size_t size() const { return pending_.size(); }
  // The time `key` is armed for, if it is.
  std::optional<domain::time_point> due(const timer_key& key) const;

private:
  struct entry;
  boost::asio::any_io_executor ex_;
  const domain::clock& clock_;
  std::unordered_map<std::string, std::shared_ptr<entry>> pending_; // by encoded key
};

} // namespace mm::services
