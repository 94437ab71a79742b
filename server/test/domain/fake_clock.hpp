#pragma once
// A clock the test moves by hand, for rules and services that ask `domain::clock` for the time.
#include "domain/time.hpp"

#include <atomic>

namespace mm::test {

class fake_clock final : public domain::clock {
public:
  explicit fake_clock(domain::time_point start = domain::from_millis(1'790'000'000'000)) : now_(domain::to_millis(start)) {}
  domain::time_point now() const override { return domain::from_millis(now_.load()); }
  void set(domain::time_point t) { now_ = domain::to_millis(t); }
  void advance(domain::milliseconds d) { now_ += d.count(); }

private:
  std::atomic<std::int64_t> now_;
};

} // namespace mm::test
