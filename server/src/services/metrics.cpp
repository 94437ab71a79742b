#include "services/metrics.hpp"

#include <array>
#include <charconv>
#include <sstream>

namespace mm::services {
namespace {
constexpr std::array<double, 12> bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

// The shortest text that reads back as `v` (counters stay exact past a million).
std::string number(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

std::string with(const std::string& labels, const std::string& extra) {
  if (labels.empty()) return "{" + extra + "}";
  return "{" + labels + "," + extra + "}";
}
} // namespace

void metrics::add(const std::string& name, const std::string& labels, double value) {
  std::lock_guard lock(mutex_);
  counters_[name][labels] += value;
}

void metrics::observe(const std::string& name, const std::string& labels, double seconds) {
  std::lock_guard lock(mutex_);
  auto& h = histograms_[name][labels];
  if (h.buckets.empty()) h.buckets.assign(bounds.size(), 0);
  for (std::size_t i = 0; i < bounds.size(); ++i)
    if (seconds <= bounds[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void metrics::gauge(const std::string& name, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_[name] = std::move(read);
}

void metrics::describe(const std::string& name, const std::string& type, const std::string& help) {
  std::lock_guard lock(mutex_);
  meta_[name] = {type, help};
}

std::string metrics::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  auto header = [&](const std::string& name, const char* fallback) {
    auto it = meta_.find(name);
    if (it != meta_.end()) out << "# HELP " << name << ' ' << it->second.second << '\n';
    out << "# TYPE " << name << ' ' << (it != meta_.end() ? it->second.first : fallback) << '\n';
  };
  for (const auto& [name, series] : counters_) {
    header(name, "counter");
    for (const auto& [labels, v] : series) out << name << (labels.empty() ? "" : "{" + labels + "}") << ' ' << number(v) << '\n';
  }
  for (const auto& [name, series] : histograms_) {
    header(name, "histogram");
    for (const auto& [labels, h] : series) {
      for (std::size_t i = 0; i < bounds.size(); ++i)
        out << name << "_bucket" << with(labels, "le=\"" + std::to_string(bounds[i]) + "\"") << ' ' << h.buckets[i] << '\n';
      out << name << "_bucket" << with(labels, "le=\"+Inf\"") << ' ' << h.count << '\n';
      out << name << "_sum" << (labels.empty() ? "" : "{" + labels + "}") << ' ' << number(h.sum) << '\n';
      out << name << "_count" << (labels.empty() ? "" : "{" + labels + "}") << ' ' << h.count << '\n';
    }
  }
  for (const auto& [name, read] : gauges_) {
    header(name, "gauge");
    out << name << ' ' << number(read()) << '\n';
  }
  return out.str();
}

} // namespace mm::services
