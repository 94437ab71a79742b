#include "sandbox/classify.hpp"

#include <gtest/gtest.h>

#include <csignal>

namespace {

using namespace mm::sandbox;
using mm::domain::execution_outcome;

process_report exited(int code, std::chrono::milliseconds cpu = std::chrono::milliseconds{10}) {
  process_report r(64 * kib);
  r.command_started = true;
  r.exit_code = code;
  r.cpu = cpu;
  return r;
}

execution_result judge(process_report r, cgroup_facts facts = {}) { return classify(std::move(r), run_limits(), facts); }

TEST(classify, exit_zero_is_ok_and_other_codes_are_nonzero_exit) {
  auto ok = judge(exited(0));
  EXPECT_EQ(ok.outcome, execution_outcome::ok);
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_EQ(ok.message, "");
  auto three = judge(exited(3));
  EXPECT_EQ(three.outcome, execution_outcome::nonzero_exit);
  EXPECT_EQ(three.exit_code, 3);
  EXPECT_EQ(judge(exited(128)).outcome, execution_outcome::nonzero_exit);
}

TEST(classify, bubblewraps_128_plus_n_is_signal_n) {
  auto segv = judge(exited(128 + SIGSEGV));
  EXPECT_EQ(segv.outcome, execution_outcome::signaled);
  EXPECT_EQ(segv.signal, SIGSEGV);
  EXPECT_EQ(segv.exit_code, std::nullopt);
  EXPECT_EQ(judge(exited(193)).outcome, execution_outcome::nonzero_exit);
}

TEST(classify, the_cpu_limit_is_a_time_limit_however_it_ended) {
  EXPECT_EQ(judge(exited(0, std::chrono::milliseconds{5000})).outcome, execution_outcome::time_limit);
  // RLIMIT_CPU's SIGKILL comes when rusage shows about 4.65 s of 5 on this machine.
  EXPECT_EQ(judge(exited(128 + SIGKILL, std::chrono::milliseconds{4640})).outcome, execution_outcome::time_limit);
  EXPECT_EQ(judge(exited(128 + SIGXCPU, std::chrono::milliseconds{100})).outcome, execution_outcome::time_limit);
  EXPECT_EQ(judge(exited(128 + SIGKILL, std::chrono::milliseconds{100})).outcome, execution_outcome::signaled);
  auto r = exited(0);
  r.killed_cpu = true;
  const auto j = judge(std::move(r));
  EXPECT_EQ(j.outcome, execution_outcome::time_limit);
  EXPECT_EQ(j.message, "stopped: more than 5 s of CPU time");
}

TEST(classify, the_wall_limit_is_a_time_limit) {
  process_report r(64 * kib);
  r.killed_wall = true;
  const auto j = judge(std::move(r));
  EXPECT_EQ(j.outcome, execution_outcome::time_limit);
  EXPECT_EQ(j.message, "stopped: more than 10 s of wall time");
}

TEST(classify, an_oom_kill_in_the_cgroup_is_a_memory_limit) {
  const auto j = judge(exited(128 + SIGKILL), {1, 256 * mib});
  EXPECT_EQ(j.outcome, execution_outcome::memory_limit);
  EXPECT_EQ(j.message, "stopped: more than 256 MiB of memory");
  EXPECT_EQ(j.peak_memory_bytes, 256 * mib);
}

TEST(classify, a_failed_program_that_ran_out_of_memory_is_a_memory_limit) {
  for (const char* ending : {"MemoryError\n", "terminate called after throwing an instance of 'std::bad_alloc'\n",
                             "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"}) {
    auto r = exited(1);
    r.err.append(std::string(100000, '.') + ending); // the message is past what is kept
    EXPECT_EQ(judge(std::move(r)).outcome, execution_outcome::memory_limit) << ending;
  }
  auto fine = exited(0);
  fine.err.append("MemoryError\n"); // printed, but the program succeeded
  EXPECT_EQ(judge(std::move(fine)).outcome, execution_outcome::ok);
}

TEST(classify, output_past_the_limit_wins_over_the_rest) {
  auto r = exited(128 + SIGKILL, std::chrono::milliseconds{6000});
  r.killed_output = true;
  const auto j = judge(std::move(r));
  EXPECT_EQ(j.outcome, execution_outcome::output_limit);
  EXPECT_EQ(j.message, "stopped: more than 1 MiB of output");
}

TEST(classify, a_stop_is_aborted_and_a_sandbox_that_did_not_start_is_unavailable) {
  auto stopped = exited(0);
  stopped.killed_stop = true;
  EXPECT_EQ(judge(std::move(stopped)).outcome, execution_outcome::aborted);
  process_report setup(64 * kib);
  setup.setup_error = "starting the sandbox failed at setresuid: Operation not permitted";
  const auto j = judge(std::move(setup));
  EXPECT_EQ(j.outcome, execution_outcome::unavailable);
  EXPECT_EQ(j.message, "the sandbox is unavailable: starting the sandbox failed at setresuid: Operation not permitted");
}

TEST(classify, bubblewraps_own_failure_is_unavailable_and_its_words_are_not_program_output) {
  process_report r(64 * kib);
  r.exit_code = 1; // bubblewrap's exit status, no {"exit-code"}: the command never ran
  r.err.append("bwrap: Can't mount proc on /newroot/proc: Operation not permitted\n");
  const auto j = judge(std::move(r));
  EXPECT_EQ(j.outcome, execution_outcome::unavailable);
  EXPECT_EQ(j.message, "the sandbox failed to start: bwrap: Can't mount proc on /newroot/proc: Operation not permitted");
  EXPECT_EQ(j.stderr_text, "");
}

TEST(classify, a_compile_that_fails_or_hits_a_limit_is_a_compile_error) {
  const auto lim = compile_limits();
  EXPECT_EQ(as_compile(judge(exited(0)), lim).outcome, execution_outcome::ok);
  const auto failed = as_compile(judge(exited(1)), lim);
  EXPECT_EQ(failed.outcome, execution_outcome::compile_error);
  EXPECT_EQ(failed.message, "the program did not compile");
  process_report slow(64 * kib);
  slow.killed_wall = true;
  const auto timed_out = as_compile(classify(std::move(slow), lim, {}), lim);
  EXPECT_EQ(timed_out.outcome, execution_outcome::compile_error);
  EXPECT_EQ(timed_out.message, "the compile stopped: more than 20 s of time");
  const auto big = as_compile(classify(exited(128 + SIGKILL), lim, {1, {}}), lim);
  EXPECT_EQ(big.message, "the compile stopped: more than 512 MiB of memory");
}

TEST(classify, limits_read_as_people_read_them) {
  EXPECT_EQ(describe_bytes(64 * kib), "64 KiB");
  EXPECT_EQ(describe_bytes(1 * mib), "1 MiB");
  EXPECT_EQ(describe_bytes(1000), "1000 bytes");
  EXPECT_EQ(describe_seconds(std::chrono::milliseconds{5000}), "5 s");
  EXPECT_EQ(describe_seconds(std::chrono::milliseconds{1500}), "1500 ms");
}

} // namespace
