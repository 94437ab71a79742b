#pragma once
// Counters, gauges and latency histograms rendered in the Prometheus text format. Thread-safe.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace mm::services {

class metrics {
public:
  // `labels` is the inside of the braces, e.g. R"(route="/api/me",status="200")", or "".
  void add(const std::string& name, const std::string& labels, double value = 1);
  void observe(const std::string& name, const std::string& labels, double seconds);
  void gauge(const std::string& name, std::function<double()> read);
  void describe(const std::string& name, const std::string& type, const std::string& help);
  std::string render() const;

private:
  struct histogram {
    std::vector<std::uint64_t> buckets; // cumulative counts per bound
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<std::string, std::string>> meta_; // name -> (type, help)
  std::map<std::string, std::map<std::string, double>> counters_;
  std::map<std::string, std::map<std::string, histogram>> histograms_;
  std::map<std::string, std::function<double()>> gauges_;
};

} // namespace mm::services
