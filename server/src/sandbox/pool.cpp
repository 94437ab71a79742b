#include "sandbox/pool.hpp"

#include <algorithm>
#include <exception>

namespace mm::sandbox {

job_result uniform_result(const job& j, domain::execution_outcome outcome, const std::string& message) {
  job_result r;
  r.executions.resize(j.inputs.size());
  for (auto& e : r.executions) {
    e.outcome = outcome;
    e.message = message;
  }
  return r;
}

std::size_t pool::default_workers() { return std::max(1u, std::thread::hardware_concurrency()); }

pool::pool(runner& r, std::size_t workers, std::size_t max_queued) : runner_(r), max_queued_(max_queued) {
  threads_.reserve(std::max<std::size_t>(workers, 1));
  for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i)
    threads_.emplace_back([this](std::stop_token stop) { work(stop); });
}

pool::~pool() { shutdown(); }

pool::submit_status pool::submit(job j, completion done, start_notice started) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return submit_status::stopped;
    if (queue_.size() >= max_queued_) return submit_status::full;
    queue_.push_back({std::move(j), std::move(done), std::move(started)});
  }
  wake_.notify_one();
  return submit_status::accepted;
}

void pool::work(std::stop_token stop) {
  while (true) {
    item next;
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [this] { return !queue_.empty(); })) return;
      next = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    if (next.started) next.started();
    job_result result;
    try {
      result = runner_.run(next.j, stop);
    } catch (const std::exception&) {
      result = uniform_result(next.j, domain::execution_outcome::unavailable, "the sandbox failed");
    }
    {
      std::lock_guard lock(mutex_);
      --running_;
    }
    next.done(std::move(result));
  }
}

void pool::shutdown() {
  std::deque<item> abandoned;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return; // called before (from one thread: the destructor, or the owner before it)
    stopping_ = true;
    abandoned.swap(queue_);
  }
  for (auto& t : threads_) t.request_stop(); // kills the execution under way in each worker
  for (auto& item : abandoned)
    item.done(uniform_result(item.j, domain::execution_outcome::not_run, "not run: the server shut down first"));
  threads_.clear(); // joins
}

std::size_t pool::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

std::size_t pool::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

} // namespace mm::sandbox
