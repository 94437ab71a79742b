#pragma once
// A bounded pool of threads that runs sandbox jobs: at most `workers` jobs at once (each runs its
// executions one after another, so at most `workers` sandboxes exist), never on the caller's
// thread. A job submitted while every worker is busy waits in a FIFO queue; it is not lost.
//
// Completion: `done` is called exactly once per accepted job, with its result, on a pool thread
// (or, for a job still queued at shutdown, on the thread calling shutdown()). It must not block;
// a caller on an io_context posts the result to its own executor, e.g.
//   pool.submit(std::move(j), [ex](job_result r) { asio::post(ex, [r = std::move(r)] { ... }); });
//
// Shutdown: no new jobs; the execution running in each worker is killed and its job completes
// (that execution `aborted`, the job's later ones `not_run`); every queued job completes with all
// its executions `not_run` ("not run: the server shut down first"). Runs live in memory only, so
// a queued run is finished, not re-queued at the next start: its verdict is runtime_error with
// that message (domain::single_run_verdict), which tells the user to run it again.
#include "sandbox/runner.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mm::sandbox {

class pool {
public:
  using completion = std::function<void(job_result)>;
  using start_notice = std::function<void()>;
  enum class submit_status { accepted, full, stopped };

  // The default for --run-workers: the number of cores (at least 1).
  static std::size_t default_workers();

  // `r` must outlive the pool.
  pool(runner& r, std::size_t workers, std::size_t max_queued = 1000);
  ~pool(); // shutdown()
  pool(const pool&) = delete;
  pool& operator=(const pool&) = delete;

  // Queues the job. `full` when max_queued jobs already wait, `stopped` after shutdown(); then
  // `done` is not called. `started`, when given, is called on the worker's thread just before
  // the job runs (never for a job that does not start); like `done` it must not block.
  // Thread-safe.
  submit_status submit(job j, completion done, start_notice started = {});

  // See above; returns when every completion has returned and the workers have ended. Idempotent.
  void shutdown();

  std::size_t workers() const { return threads_.size(); }
  std::size_t running() const;
  std::size_t queued() const;

private:
  struct item {
    job j;
    completion done;
    start_notice started;
  };
  void work(std::stop_token stop);

  runner& runner_;
  const std::size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable_any wake_;
  std::deque<item> queue_;   // guarded by mutex_
  std::size_t running_ = 0;  // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
  std::vector<std::jthread> threads_;
};

// A job_result with every execution of `j` set to `outcome` and `message`.
job_result uniform_result(const job& j, domain::execution_outcome outcome, const std::string& message);

} // namespace mm::sandbox
