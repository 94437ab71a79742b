#include "sandbox/pool.hpp"

#include "sandbox_fixture.hpp"

#include <condition_variable>
#include <future>
#include <set>

namespace {

using namespace mm::sandbox;
using namespace mm::sandbox::testing;
using mm::domain::code_language;
using mm::domain::execution_outcome;

// A runner whose jobs run until the test releases them (or a stop comes): it makes the pool's
// queueing observable. Each execution's stdout is the job's code.
class gated_runner final : public runner {
public:
  self_test_report self_test(std::span<const code_language>) override { return {}; }
  self_test_report report() const override { return {}; }
  job_result run(const job& j, std::stop_token stop) override {
    std::unique_lock lock(mutex_);
    started_.push_back(j.code);
    threads_.insert(std::this_thread::get_id());
    max_running_ = std::max(max_running_, ++running_);
    changed_.notify_all();
    const bool released = changed_.wait(lock, stop, [&] { return released_.count(j.code) > 0; });
    --running_;
    changed_.notify_all();
    job_result r = uniform_result(j, released ? execution_outcome::ok : execution_outcome::aborted, "");
    for (auto& e : r.executions) e.stdout_text = j.code;
    return r;
  }

  void release(const std::string& code) {
    std::lock_guard lock(mutex_);
    released_.insert(code);
    changed_.notify_all();
  }
  void wait_running(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return running_ == n; });
  }
  std::vector<std::string> started() {
    std::lock_guard lock(mutex_);
    return started_;
  }
  int max_running() {
    std::lock_guard lock(mutex_);
    return max_running_;
  }
  std::set<std::thread::id> threads() {
    std::lock_guard lock(mutex_);
    return threads_;
  }

private:
  std::mutex mutex_;
  std::condition_variable_any changed_;
  std::set<std::string> released_;
  std::vector<std::string> started_;
  std::set<std::thread::id> threads_;
  int running_ = 0;
  int max_running_ = 0;
};

// Collects completions; each job's completion is a promise fulfilled once.
struct completions {
  std::mutex mutex;
  std::map<std::string, std::promise<job_result>> promises;
  std::map<std::string, int> calls;
  std::map<std::string, std::thread::id> threads;

  pool::completion for_job(const std::string& name) {
    std::lock_guard lock(mutex);
    promises[name];
    return [this, name](job_result r) {
      std::lock_guard lock(mutex);
      ++calls[name];
      threads[name] = std::this_thread::get_id();
      promises[name].set_value(std::move(r));
    };
  }
  std::future<job_result> future(const std::string& name) {
    std::lock_guard lock(mutex);
    return promises[name].get_future();
  }
};

job named(const std::string& name) { return job{code_language::python, name, {""}}; }

TEST(sandbox_pool, runs_at_most_n_jobs_at_once_and_queues_the_rest_in_order) {
  gated_runner gate;
  completions done;
  pool p(gate, 2);
  std::vector<std::future<job_result>> results;
  for (const auto* name : {"a", "b", "c", "d", "e"}) {
    results.push_back(done.future(name));
    ASSERT_EQ(p.submit(named(name), done.for_job(name)), pool::submit_status::accepted);
  }
  gate.wait_running(2);
  EXPECT_EQ(p.queued(), 3u);
  for (const auto* name : {"a", "b", "c", "d", "e"}) gate.release(name);
  for (auto& f : results) EXPECT_EQ(f.get().executions.at(0).outcome, execution_outcome::ok);
  EXPECT_EQ(gate.max_running(), 2);
  const auto started = gate.started();
  ASSERT_EQ(started.size(), 5u);
  EXPECT_EQ(std::set<std::string>(started.begin(), started.begin() + 2), (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(started[2], "c");
  EXPECT_EQ(started[3], "d");
  EXPECT_EQ(started[4], "e");
  for (const auto* name : {"a", "b", "c", "d", "e"}) EXPECT_EQ(done.calls[name], 1);
}

TEST(sandbox_pool, a_job_queued_behind_a_busy_worker_waits_and_completes) {
  gated_runner gate;
  completions done;
  pool p(gate, 1);
  auto first = done.future("slow"), second = done.future("next");
  p.submit(named("slow"), done.for_job("slow"));
  p.submit(named("next"), done.for_job("next"));
  gate.wait_running(1);
  gate.release("next"); // released early, still waits for the worker
  EXPECT_EQ(p.queued(), 1u);
  gate.release("slow");
  EXPECT_EQ(first.get().executions.at(0).stdout_text, "slow");
  EXPECT_EQ(second.get().executions.at(0).stdout_text, "next");
}

TEST(sandbox_pool, jobs_and_completions_run_on_pool_threads_not_the_callers) {
  gated_runner gate;
  completions done;
  pool p(gate, 2);
  gate.release("x");
  auto f = done.future("x");
  p.submit(named("x"), done.for_job("x"));
  f.get();
  EXPECT_EQ(gate.threads().count(std::this_thread::get_id()), 0u);
  EXPECT_NE(done.threads["x"], std::this_thread::get_id());
}

TEST(sandbox_pool, the_start_notice_comes_on_the_worker_when_the_job_leaves_the_queue_never_for_one_not_run) {
  gated_runner gate;
  completions done;
  std::atomic<int> slow_started{0}, next_started{0};
  auto first = done.future("slow"), second = done.future("next"), third = done.future("dropped");
  {
    pool p(gate, 1);
    p.submit(named("slow"), done.for_job("slow"), [&] { ++slow_started; });
    p.submit(named("next"), done.for_job("next"), [&] { ++next_started; });
    gate.wait_running(1);
    EXPECT_EQ(slow_started.load(), 1);
    EXPECT_EQ(next_started.load(), 0); // still queued
    gate.release("slow");
    gate.release("next");
    first.get();
    second.get();
    EXPECT_EQ(next_started.load(), 1);
    gate.release("blocker");
    p.submit(named("blocker"), done.for_job("blocker"), [] {});
    std::atomic<int> dropped_started{0};
    p.submit(named("dropped"), done.for_job("dropped"), [&] { ++dropped_started; });
    p.shutdown(); // "dropped" may still be queued: then it completes not run, without a start notice
    const auto dropped = third.get();
    EXPECT_EQ(dropped_started.load() == 1, dropped.executions.at(0).outcome != execution_outcome::not_run);
  }
}

TEST(sandbox_pool, a_full_queue_refuses_and_does_not_call_back) {
  gated_runner gate;
  completions done;
  pool p(gate, 1, 1);
  p.submit(named("running"), done.for_job("running"));
  gate.wait_running(1);
  EXPECT_EQ(p.submit(named("queued"), done.for_job("queued")), pool::submit_status::accepted);
  EXPECT_EQ(p.submit(named("refused"), done.for_job("refused")), pool::submit_status::full);
  gate.release("running");
  gate.release("queued");
  p.shutdown();
  EXPECT_EQ(done.calls["refused"], 0);
  EXPECT_EQ(done.calls["queued"], 1);
}

TEST(sandbox_pool, shutdown_kills_running_jobs_and_finishes_queued_ones_as_not_run) {
  gated_runner gate;
  completions done;
  pool p(gate, 1);
  auto running = done.future("running"), queued = done.future("queued");
  p.submit(named("running"), done.for_job("running"));
  p.submit(named("queued"), done.for_job("queued"));
  gate.wait_running(1);
  p.shutdown();
  EXPECT_EQ(running.get().executions.at(0).outcome, execution_outcome::aborted);
  const auto q = queued.get();
  EXPECT_EQ(q.executions.at(0).outcome, execution_outcome::not_run);
  EXPECT_EQ(q.executions.at(0).message, "not run: the server shut down first");
  EXPECT_EQ(p.submit(named("late"), done.for_job("late")), pool::submit_status::stopped);
  EXPECT_EQ(done.calls["running"], 1);
  EXPECT_EQ(done.calls["queued"], 1);
  EXPECT_EQ(done.calls["late"], 0);
}

TEST(sandbox_pool, shutdown_kills_a_real_sandboxed_program_and_gives_it_a_verdict) {
  completions done;
  auto looping = done.future("loop"), waiting = done.future("waiting");
  {
    pool p(shared_runner(), 1);
    const auto tag = unique_tag();
    p.submit(job{code_language::python, "import os\nos.execv('/usr/bin/sleep', ['" + tag + "', '60'])\n", {""}},
             done.for_job("loop"));
    p.submit(job{code_language::python, "print('never')", {"", ""}}, done.for_job("waiting"));
    while (processes_tagged(tag) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    p.shutdown();
    EXPECT_EQ(processes_tagged(tag), 0);
  }
  const auto killed = looping.get();
  EXPECT_EQ(killed.executions.at(0).outcome, execution_outcome::aborted);
  EXPECT_EQ(killed.executions.at(0).message, "stopped: the server shut down while it ran");
  const auto never = waiting.get();
  ASSERT_EQ(never.executions.size(), 2u);
  for (const auto& e : never.executions) EXPECT_EQ(e.outcome, execution_outcome::not_run);
}

TEST(sandbox_pool, real_jobs_run_concurrently_on_two_workers) {
  completions done;
  pool p(shared_runner(), 2);
  std::vector<std::future<job_result>> results;
  for (int i = 0; i < 4; ++i) {
    const auto name = std::to_string(i);
    results.push_back(done.future(name));
    p.submit(job{code_language::python, "print(int(input()) * 2)", {name}}, done.for_job(name));
  }
  for (int i = 0; i < 4; ++i) {
    const auto r = results[i].get();
    EXPECT_EQ(r.executions.at(0).outcome, execution_outcome::ok);
    EXPECT_EQ(r.executions.at(0).stdout_text, std::to_string(i * 2) + "\n");
  }
}

TEST(sandbox_pool, defaults_to_the_number_of_cores) {
  EXPECT_EQ(pool::default_workers(), std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace
