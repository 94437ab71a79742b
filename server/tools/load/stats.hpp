#pragma once
// Measurements for the load generator: latency samples with percentiles, and what /proc says
// about the server process (resident memory, CPU seconds).
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace mm::load {

using clock = std::chrono::steady_clock;

inline std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now().time_since_epoch()).count();
}

// Latency samples in nanoseconds; percentiles by sorting a copy (runs are short).
class samples {
public:
  void add(std::int64_t ns) { v_.push_back(ns); }
  std::size_t size() const { return v_.size(); }
  void clear() { v_.clear(); }
  // p in [0, 100]; 0 when empty. In milliseconds.
  double percentile_ms(double p) const;
  double mean_ms() const;
  double max_ms() const;
  // {"count", "p50Ms", "p99Ms", "p999Ms", "maxMs", "meanMs"}
  boost::json::object summary() const;

private:
  mutable std::vector<std::int64_t> v_;
  mutable bool sorted_ = false;
};

// The server process as /proc shows it; all zero when pid is 0 or unreadable.
struct proc_sample {
  std::int64_t rss_kib = 0;   // VmRSS
  double cpu_seconds = 0;     // utime + stime
};
proc_sample read_proc(int pid);

} // namespace mm::load
