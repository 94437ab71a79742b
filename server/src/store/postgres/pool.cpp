#include "store/postgres/pool.hpp"

namespace mm::store::postgres {

pool::pool(std::string url, std::size_t max_size, std::chrono::milliseconds wait)
    : url_(std::move(url)), max_size_(max_size), wait_(wait) {}

pool::lease::~lease() {
  if (!conn_) return;
  if (conn_->reusable())
    owner_->give_back(std::move(conn_));
  else
    discard();
}

void pool::lease::discard() {
  if (!conn_) return;
  conn_.reset();
  owner_->forget(true);
}

pool::lease pool::acquire() {
  std::unique_lock lock(mutex_);
  if (!freed_.wait_for(lock, wait_, [&] { return !idle_.empty() || open_ < max_size_; }))
    throw pg_error("no PostgreSQL connection became free in time", true, "", false);
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return lease(*this, std::move(c));
  }
  ++open_;
  lock.unlock();
  try {
    return lease(*this, std::make_unique<connection>(url_));
  } catch (...) {
    forget(false);
    throw;
  }
}

void pool::give_back(std::unique_ptr<connection> c) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(c));
  }
  freed_.notify_one();
}

void pool::forget(bool drop_idle) {
  std::vector<std::unique_ptr<connection>> stale;
  {
    std::lock_guard lock(mutex_);
    --open_;
    if (drop_idle) {
      open_ -= idle_.size();
      stale.swap(idle_);
    }
  }
  freed_.notify_all();
  // `stale` closes outside the lock.
}

} // namespace mm::store::postgres
