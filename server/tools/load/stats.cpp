#include "stats.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unistd.h>

namespace mm::load {

double samples::percentile_ms(double p) const {
  if (v_.empty()) return 0;
  std::sort(v_.begin(), v_.end());
  auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v_.size()));
  if (rank >= v_.size()) rank = v_.size() - 1;
  return static_cast<double>(v_[rank]) / 1e6;
}

double samples::mean_ms() const {
  if (v_.empty()) return 0;
  const long double sum = std::accumulate(v_.begin(), v_.end(), 0.0L);
  return static_cast<double>(sum / static_cast<long double>(v_.size()) / 1e6L);
}

double samples::max_ms() const {
  return v_.empty() ? 0 : static_cast<double>(*std::max_element(v_.begin(), v_.end())) / 1e6;
}

boost::json::object samples::summary() const {
  return {{"count", v_.size()},          {"p50Ms", percentile_ms(50)}, {"p99Ms", percentile_ms(99)},
          {"p999Ms", percentile_ms(99.9)}, {"maxMs", max_ms()},          {"meanMs", mean_ms()}};
}

proc_sample read_proc(int pid) {
  proc_sample s;
  if (pid <= 0) return s;
  {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("VmRSS:", 0) == 0) s.rss_kib = std::stoll(line.substr(6));
  }
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string all((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command name (which may hold spaces), closed by the last ')'.
  const auto close = all.rfind(')');
  if (close == std::string::npos) return s;
  std::istringstream rest(all.substr(close + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stoll(field);
    if (i == 15) stime = std::stoll(field);
  }
  s.cpu_seconds = static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
  return s;
}

} // namespace mm::load
