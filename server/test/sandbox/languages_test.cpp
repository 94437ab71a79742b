// Normal programs in each language: stdin in, stdout and stderr out, exit codes and signals,
// compile errors, several inputs per job.
#include "sandbox_fixture.hpp"

#include <csignal>

namespace {

using namespace mm::sandbox;
using namespace mm::sandbox::testing;
using mm::domain::code_language;
using mm::domain::execution_outcome;

TEST(sandbox_languages, python_reads_stdin_and_writes_stdout) {
  const auto r = run_python("import sys\nnums = [int(x) for x in sys.stdin.read().split()]\nprint(sum(nums))\n", "1 2 3\n4\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.signal, std::nullopt);
  EXPECT_EQ(r.stdout_text, "10\n");
  EXPECT_EQ(r.stderr_text, "");
  EXPECT_EQ(r.message, "");
}

TEST(sandbox_languages, javascript_reads_stdin_and_writes_stdout) {
  const auto r = run_once(code_language::javascript,
                          "const lines = require('fs').readFileSync(0, 'utf8').trim().split('\\n');\n"
                          "for (const l of lines) console.log(l.split(' ').reverse().join(' '));\n"
                          "console.error('done');\n",
                          "a b c\nd e\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "c b a\ne d\n");
  EXPECT_EQ(r.stderr_text, "done\n");
}

TEST(sandbox_languages, cpp_compiles_as_cpp20_and_reads_stdin) {
  std::optional<execution_result> compile;
  const auto r = run_cpp("#include <iostream>\n#include <ranges>\n#include <vector>\nint main() {\n"
                         "  std::vector<int> v;\n  for (int x; std::cin >> x;) v.push_back(x);\n"
                         "  for (int x : v | std::views::reverse) std::cout << x << ' ';\n  std::cout << '\\n';\n}\n",
                         "1 2 3", &compile);
  ASSERT_TRUE(compile);
  EXPECT_EQ(compile->outcome, execution_outcome::ok) << compile->stderr_text;
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "3 2 1 \n");
}

TEST(sandbox_languages, a_cpp_job_compiles_once_and_runs_each_input_apart) {
  const auto result = shared_runner().run(job{code_language::cpp,
                                              "#include <iostream>\nint main() { long a, b; std::cin >> a >> b; "
                                              "std::cout << a * b << '\\n'; return a < 0; }\n",
                                              {"6 7", "-2 3", "100000 100000"}});
  ASSERT_TRUE(result.compile);
  EXPECT_EQ(result.compile->outcome, execution_outcome::ok);
  ASSERT_EQ(result.executions.size(), 3u);
  EXPECT_EQ(result.executions[0].stdout_text, "42\n");
  EXPECT_EQ(result.executions[0].outcome, execution_outcome::ok);
  EXPECT_EQ(result.executions[1].stdout_text, "-6\n");
  EXPECT_EQ(result.executions[1].outcome, execution_outcome::nonzero_exit);
  EXPECT_EQ(result.executions[1].exit_code, 1);
  EXPECT_EQ(result.executions[2].stdout_text, "10000000000\n");
}

TEST(sandbox_languages, python_runs_each_input_in_a_fresh_sandbox) {
  const auto result = shared_runner().run(job{code_language::python,
                                              "import os\nprint(input(), os.path.exists('/tmp/seen'))\n"
                                              "open('/tmp/seen', 'w').write('x')\n",
                                              {"one\n", "two\n"}});
  ASSERT_EQ(result.executions.size(), 2u);
  EXPECT_FALSE(result.compile);
  EXPECT_EQ(result.executions[0].stdout_text, "one False\n");
  EXPECT_EQ(result.executions[1].stdout_text, "two False\n");
}

TEST(sandbox_languages, a_cpp_compile_error_keeps_the_diagnostics_and_runs_nothing) {
  std::optional<execution_result> compile;
  const auto r = run_cpp("int main() { return undeclared; }\n", "", &compile);
  ASSERT_TRUE(compile);
  EXPECT_EQ(compile->outcome, execution_outcome::compile_error);
  EXPECT_NE(compile->stderr_text.find("undeclared’ was not declared"), std::string::npos) << compile->stderr_text;
  EXPECT_EQ(compile->message, "the program did not compile");
  EXPECT_EQ(r.outcome, execution_outcome::compile_error);
  EXPECT_EQ(r.stdout_text, "");
}

TEST(sandbox_languages, an_exception_is_a_nonzero_exit_with_its_traceback) {
  const auto r = run_python("print('before')\nraise ValueError('boom')\n");
  EXPECT_EQ(r.outcome, execution_outcome::nonzero_exit);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.stdout_text, "before\n");
  EXPECT_NE(r.stderr_text.find("ValueError: boom"), std::string::npos) << r.stderr_text;
  const auto js = run_once(code_language::javascript, "process.exitCode = 3;\n");
  EXPECT_EQ(js.outcome, execution_outcome::nonzero_exit);
  EXPECT_EQ(js.exit_code, 3);
}

TEST(sandbox_languages, a_crash_is_reported_as_its_signal) {
  const auto r = run_cpp("int main() { volatile int* p = nullptr; return *p; }\n");
  EXPECT_EQ(r.outcome, execution_outcome::signaled) << r.message;
  EXPECT_EQ(r.signal, SIGSEGV);
  EXPECT_EQ(r.exit_code, std::nullopt);
  const auto abort = run_cpp("#include <cstdlib>\nint main() { std::abort(); }\n");
  EXPECT_EQ(abort.outcome, execution_outcome::signaled);
  EXPECT_EQ(abort.signal, SIGABRT);
}

TEST(sandbox_languages, a_program_starts_with_no_signal_ignored_or_blocked) {
  // Servers ignore SIGPIPE (and may block signals in their threads); programs must not inherit that.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  const auto r = run_cpp("#include <fstream>\n#include <iostream>\n#include <string>\nint main() {\n"
                         "  std::ifstream in(\"/proc/self/status\");\n"
                         "  for (std::string l; std::getline(in, l);)\n"
                         "    if (l.rfind(\"SigIgn\", 0) == 0 || l.rfind(\"SigBlk\", 0) == 0) std::cout << l << '\\n';\n}\n");
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  std::signal(SIGPIPE, previous);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << "\n" << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n");
}

TEST(sandbox_languages, utf8_passes_through_both_ways) {
  const auto r = run_python("s = input()\nprint(s[::-1], len(s))\n", "héllo 🙂\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "🙂 olléh 7\n");
}

TEST(sandbox_languages, a_large_stdin_is_read_whole) {
  std::string input;
  for (int i = 0; i < 200000; ++i) input += std::to_string(i) + "\n";
  const auto r = run_python("import sys\nprint(sum(map(int, sys.stdin)))\n", input);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "19999900000\n");
}

TEST(sandbox_languages, output_over_64_kib_is_truncated_without_stopping_the_program) {
  const auto r = run_python("print('y' * 100000)\nimport sys\nsys.stderr.write('z' * 10)\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok);
  EXPECT_EQ(r.stdout_text, std::string(64 * 1024, 'y'));
  EXPECT_TRUE(r.stdout_truncated);
  EXPECT_EQ(r.stderr_text, "zzzzzzzzzz");
  EXPECT_FALSE(r.stderr_truncated);
}

TEST(sandbox_languages, a_program_that_does_not_read_its_input_is_fine) {
  const auto r = run_python("print('ignoring you')\n", std::string(1 << 20, 'x'));
  EXPECT_EQ(r.outcome, execution_outcome::ok);
  EXPECT_EQ(r.stdout_text, "ignoring you\n");
}

TEST(sandbox_languages, a_job_without_inputs_runs_nothing) {
  const auto result = shared_runner().run(job{code_language::python, "print(1)", {}});
  EXPECT_TRUE(result.executions.empty());
}

} // namespace
