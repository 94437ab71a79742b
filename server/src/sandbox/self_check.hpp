#pragma once
// The start-up check's probe: a shell script run in the sandbox like any program, printing what
// it can see of itself and of the host, and the pure function that reads its output. The
// server refuses runs (unavailable) unless every check passes.
#include "domain/code_language.hpp"
#include "sandbox/config.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mm::sandbox {

// A /bin/sh script printing, in sections: /proc/self/status and /proc/self/limits, the system
// directories it could write to, which of `host_paths` exist, its network interfaces, what its
// working directory holds, and how many processes it sees.
std::string probe_script(const std::vector<std::string>& host_paths);

// What the probe's output shows wrong, one sentence each; empty when confined: not uid 0, no
// capabilities in any set, no_new_privs, the processes and CPU rlimits in force, nothing
// writable outside /tmp, none of the host paths visible, only the loopback interface, an empty
// working directory, only its own processes.
std::vector<std::string> confinement_problems(std::string_view probe_output, const limits& lim);

// A trial program per language: reads "20 22" and prints 42, then its runtime's version.
std::string trial_program(domain::code_language language);
inline constexpr std::string_view trial_input = "20 22\n";
inline constexpr std::string_view trial_answer = "42";

} // namespace mm::sandbox
