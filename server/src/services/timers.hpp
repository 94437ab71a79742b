#pragma once
// Named one-shot deadlines on the I/O executor (invitation expiry, room grace). Deadlines are
// wall-clock times as stored in the database; a timer that fires early (clock adjustments) is
// the callback's business: the store's conditional updates re-check the time.
#include "domain/time.hpp"

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
  // Calls `fn` on the executor at `at`; replaces a pending timer with the same key. Not thread-safe:
  // call on the I/O executor.
  void arm(const std::string& key, domain::time_point at, std::function<void()> fn);
  void cancel(const std::string& key);
  void cancel_all();
  std::size_t size() const { return pending_.size(); }

private:
  struct entry;
  boost::asio::any_io_executor ex_;
  const domain::clock& clock_;
  std::unordered_map<std::string, std::shared_ptr<entry>> pending_;
};

} // namespace mm::services
