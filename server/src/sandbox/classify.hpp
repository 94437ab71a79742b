#pragma once
// Judges how a supervised process ended (sandboxed_process.hpp) against its limits: the one
// place that decides between aborted, unavailable, output_limit, memory_limit, time_limit,
// ok, nonzero_exit and signaled, and writes the sentence that says why.
#include "sandbox/runner.hpp"
#include "sandbox/sandboxed_process.hpp"

namespace mm::sandbox {

// What the execution's cgroup measured (none without cgroups).
struct cgroup_facts {
  std::uint64_t oom_kills = 0;
  std::optional<std::uint64_t> peak_bytes;
};

// In order: a stop (aborted); a sandbox that did not start (unavailable); output past its limit;
// memory (an OOM kill in the cgroup, or a failed program whose stderr ends with its runtime's
// out-of-memory error: MemoryError, std::bad_alloc, "heap out of memory", ...); time (killed at
// the wall limit, CPU time at the limit, SIGXCPU, or SIGKILL with 80% of the CPU time used:
// RLIMIT_CPU's kill, which on this machine comes when rusage shows ~93% of the limit); then
// the program's own end. Bubblewrap reports a signal as 128 + its number, so an exit status of
// 129..192 reads as that signal.
execution_result classify(process_report&& report, const limits& lim, const cgroup_facts& cgroup);

// The same result judged as a compile: anything but ok becomes compile_error, with a sentence
// that says which limit stopped the compiler when one did.
execution_result as_compile(execution_result compile, const limits& lim);

// "5 s", "256 MiB", "1 MiB", "64 KiB": limits as people read them.
std::string describe_seconds(milliseconds ms);
std::string describe_bytes(std::uint64_t bytes);

} // namespace mm::sandbox
