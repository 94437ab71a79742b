// Programs that attack the sandbox's limits, each with the outcome it must get, and the host
// unharmed afterwards (expect_host_unharmed: it can start processes, the sandbox still runs).
#include "sandbox_fixture.hpp"

#include <thread>

namespace {

using namespace mm::sandbox;
using namespace mm::sandbox::testing;
using mm::domain::code_language;
using mm::domain::execution_outcome;

void print_measures(const char* what, const execution_result& r) {
  std::cout << what << ": " << to_string(r.outcome) << ", cpu " << r.cpu_time.count() << " ms, wall "
            << r.wall_time.count() << " ms, peak " << r.peak_memory_bytes.value_or(0) / 1024 << " KiB, \"" << r.message
            << "\"\n";
}

TEST(sandbox_abuse, an_infinite_loop_is_stopped_at_the_time_limit) {
  const auto r = run_python("while True:\n    pass\n");
  print_measures("infinite loop", r);
  EXPECT_EQ(r.outcome, execution_outcome::time_limit);
  EXPECT_NE(r.message.find("time"), std::string::npos) << r.message;
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_cpp_infinite_loop_with_two_threads_is_stopped_at_the_time_limit) {
  const auto r = run_cpp("#include <thread>\nvolatile int x;\nint main() {\n  std::thread t([] { for (;;) ++x; });\n"
                         "  for (;;) ++x;\n}\n");
  print_measures("two-thread loop", r);
  EXPECT_EQ(r.outcome, execution_outcome::time_limit);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_process_that_ignores_sigterm_is_killed_at_the_wall_limit) {
  const auto r = run_python("import os, signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                            "os.kill(os.getpid(), signal.SIGTERM)\nprint('still here', flush=True)\n"
                            "while True:\n    time.sleep(1)\n");
  print_measures("ignores SIGTERM", r);
  EXPECT_EQ(r.outcome, execution_outcome::time_limit);
  EXPECT_NE(r.message.find("wall time"), std::string::npos) << r.message;
  EXPECT_EQ(r.stdout_text, "still here\n");
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_fork_bomb_is_contained_and_leaves_nothing_behind) {
  const auto tag = unique_tag();
  // Every process of the bomb carries the tag in its command line, so the host can look for it.
  const std::string bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n";
  const std::string code = "import os\nos.execv('/usr/bin/python3', ['" + tag + "', '-c', '''" + bomb + "'''])\n";
  execution_result r;
  std::thread t([&] { r = run_python(code); });
  std::this_thread::sleep_for(std::chrono::seconds(2));
  // While it rages: the host forks, and another run forks too (its limit is its own).
  expect_host_unharmed();
  const auto other = run_python("import os\npid = os.fork()\nif pid == 0:\n    os._exit(7)\n"
                                "print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))\n");
  EXPECT_EQ(other.outcome, execution_outcome::ok) << other.message;
  EXPECT_EQ(other.stdout_text, "7\n");
  EXPECT_GT(processes_tagged(tag), 0) << "the bomb should be running now";
  EXPECT_LE(processes_tagged(tag), 64) << "the bomb passed its process limit";
  t.join();
  print_measures("fork bomb", r);
  EXPECT_EQ(r.outcome, execution_outcome::time_limit);
  EXPECT_EQ(processes_tagged(tag), 0);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_cpp_fork_bomb_is_contained) {
  const auto r = run_cpp("#include <unistd.h>\nint main() {\n  for (;;) fork();\n}\n");
  print_measures("C++ fork bomb", r);
  EXPECT_EQ(r.outcome, execution_outcome::time_limit);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_thread_bomb_gets_at_most_the_process_limit) {
  const auto r = run_cpp(R"(#include <chrono>
#include <iostream>
#include <system_error>
#include <thread>
#include <vector>
int main() {
  std::vector<std::thread> threads;
  try {
    for (;;) threads.emplace_back([] { std::this_thread::sleep_for(std::chrono::seconds(60)); });
  } catch (const std::system_error&) {
  }
  std::cout << threads.size() << std::endl;
  std::_Exit(0);
}
)");
  print_measures("thread bomb", r);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  const int threads = std::stoi(r.stdout_text);
  EXPECT_GT(threads, 0);
  EXPECT_LT(threads, 64);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_memory_hog_is_stopped_at_the_memory_limit) {
  const auto r = run_python("a = []\nwhile True:\n    a.append(bytearray(16 * 1024 * 1024))\n");
  print_measures("python memory hog", r);
  EXPECT_EQ(r.outcome, execution_outcome::memory_limit);
  EXPECT_NE(r.message.find("256 MiB"), std::string::npos) << r.message;
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_cpp_memory_hog_is_stopped_at_the_memory_limit) {
  const auto r = run_cpp("#include <cstring>\n#include <vector>\nint main() {\n  std::vector<char*> blocks;\n"
                         "  for (;;) {\n    char* p = new char[8 << 20];\n    std::memset(p, 1, 8 << 20);\n"
                         "    blocks.push_back(p);\n  }\n}\n");
  print_measures("C++ memory hog", r);
  EXPECT_EQ(r.outcome, execution_outcome::memory_limit);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_javascript_memory_hog_is_stopped_at_the_memory_limit) {
  const auto r = run_once(code_language::javascript, "const a = [];\nfor (;;) a.push(Buffer.alloc(16 << 20, 1));\n");
  print_measures("JavaScript memory hog", r);
  EXPECT_EQ(r.outcome, execution_outcome::memory_limit);
  expect_host_unharmed();
}

TEST(sandbox_abuse, one_huge_allocation_is_a_memory_limit) {
  const auto r = run_cpp("#include <vector>\n#include <iostream>\nint main() {\n"
                         "  std::vector<long> v(1L << 40);\n  std::cout << v.size();\n}\n");
  print_measures("huge allocation", r);
  EXPECT_EQ(r.outcome, execution_outcome::memory_limit);
}

TEST(sandbox_abuse, memory_of_several_processes_together_is_bounded_by_the_cgroup) {
  ASSERT_NE(shared_runner().report().enforcement.find("cgroup"), std::string::npos);
  // Four processes of 100 MiB each: under the limit one by one, over it together.
  const auto r = run_python("import os, time\nfor _ in range(3):\n    if os.fork() == 0:\n        break\n"
                            "block = bytearray(100 * 1024 * 1024)\nfor i in range(0, len(block), 4096):\n"
                            "    block[i] = 1\ntime.sleep(3)\n");
  print_measures("four processes of 100 MiB", r);
  EXPECT_EQ(r.outcome, execution_outcome::memory_limit);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_flood_of_stdout_is_stopped_at_the_output_limit_and_reading_it_stays_small) {
  reset_peak_memory();
  const auto before = peak_memory();
  // 100 MiB in 64 KiB writes.
  const auto r = run_python("import sys\nchunk = 'x' * 65536\nfor _ in range(1600):\n    sys.stdout.write(chunk)\n");
  const auto growth = peak_memory() - before;
  print_measures("100 MiB to stdout", r);
  std::cout << "supervisor's peak memory grew by " << growth / 1024 << " KiB\n";
  EXPECT_EQ(r.outcome, execution_outcome::output_limit);
  EXPECT_EQ(r.stdout_text.size(), 64 * kib);
  EXPECT_TRUE(r.stdout_truncated);
  EXPECT_NE(r.message.find("1 MiB"), std::string::npos) << r.message;
  EXPECT_LT(growth, 16 * mib);
  expect_host_unharmed();
}

TEST(sandbox_abuse, stdout_and_stderr_count_together_for_the_output_limit) {
  const auto program = [](int stderr_chunks) {
    return "import sys\nfor _ in range(10):\n    sys.stdout.write('o' * 60000)\nfor _ in range(" +
           std::to_string(stderr_chunks) + "):\n    sys.stderr.write('e' * 60000)\n";
  };
  // 600,000 + 300,000 bytes: under 1 MiB in all.
  const auto under = run_python(program(5));
  EXPECT_EQ(under.outcome, execution_outcome::ok) << under.message;
  EXPECT_TRUE(under.stdout_truncated);
  EXPECT_TRUE(under.stderr_truncated);
  // 600,000 + 600,000 bytes: each stream under 1 MiB, both together over it.
  const auto over = run_python(program(10));
  print_measures("stdout + stderr", over);
  EXPECT_EQ(over.outcome, execution_outcome::output_limit) << over.message;
}

TEST(sandbox_abuse, a_background_process_is_gone_after_the_run) {
  const auto tag = unique_tag();
  const auto r = run_python("import os\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
                            "        os.execv('/usr/bin/sleep', ['" + tag + "', '600'])\n    os._exit(0)\n"
                            "print('left a daemon behind')\n");
  print_measures("background process", r);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message;
  EXPECT_EQ(r.stdout_text, "left a daemon behind\n");
  EXPECT_EQ(processes_tagged(tag), 0);
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_background_process_holding_stdout_does_not_keep_the_run_open) {
  const auto tag = unique_tag();
  const auto r = run_python("import os, sys\nif os.fork() == 0:\n"
                            "    os.execv('/usr/bin/sh', ['" + tag + "', '-c', 'while :; do sleep 1; echo tick; done'])\n"
                            "print('parent done', flush=True)\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message;
  EXPECT_EQ(r.stdout_text.rfind("parent done\n", 0), 0u) << r.stdout_text;
  EXPECT_EQ(processes_tagged(tag), 0);
}

TEST(sandbox_abuse, a_compile_that_eats_memory_is_a_compile_error_within_its_limit) {
  std::optional<execution_result> compile;
  const auto r = run_cpp("#include \"/dev/zero\"\nint main() {}\n", "", &compile);
  ASSERT_TRUE(compile);
  print_measures("compile reading /dev/zero", *compile);
  EXPECT_EQ(compile->outcome, execution_outcome::compile_error);
  EXPECT_EQ(r.outcome, execution_outcome::compile_error);
  EXPECT_NE(compile->message.find("512 MiB"), std::string::npos) << compile->message;
  expect_host_unharmed();
}

TEST(sandbox_abuse, a_compile_that_takes_too_long_is_a_compile_error_at_its_time_limit) {
  // Twenty constant evaluations, each under GCC's operation limit, together far past 20 s.
  std::string code = "constexpr unsigned long f(unsigned long k) {\n  unsigned long s = k;\n"
                     "  for (unsigned long i = 0; i < 2500; ++i)\n    for (unsigned long j = 0; j < 2500; ++j) s += i ^ j ^ k;\n"
                     "  return s;\n}\n";
  for (int k = 0; k < 40; ++k) code += "constexpr auto v" + std::to_string(k) + " = f(" + std::to_string(k) + ");\n";
  code += "int main() { return static_cast<int>(v0 & 1); }\n";
  std::optional<execution_result> compile;
  const auto r = run_cpp(code, "", &compile);
  ASSERT_TRUE(compile);
  print_measures("slow compile", *compile);
  EXPECT_EQ(compile->outcome, execution_outcome::compile_error);
  EXPECT_EQ(r.outcome, execution_outcome::compile_error);
  EXPECT_NE(compile->message.find("20 s"), std::string::npos) << compile->message;
  expect_host_unharmed();
}

TEST(sandbox_abuse, deep_template_recursion_is_a_compile_error) {
  std::optional<execution_result> compile;
  const auto r = run_cpp("template <int N> struct deep { static constexpr int value = deep<N + 1>::value; };\n"
                         "int main() { return deep<0>::value; }\n",
                         "", &compile);
  ASSERT_TRUE(compile);
  EXPECT_EQ(r.outcome, execution_outcome::compile_error);
  EXPECT_NE(compile->stderr_text.find("template instantiation depth"), std::string::npos) << compile->stderr_text;
}

} // namespace
