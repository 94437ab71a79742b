#include "sandbox_fixture.hpp"

namespace {

using namespace mm::sandbox;
using namespace mm::sandbox::testing;
using mm::domain::code_language;
using mm::domain::execution_outcome;

TEST(sandbox_languages, python_reads_stdin_and_writes_stdout) {
  const auto r = run_python("import sys\nnums = [int(x) for x in sys.stdin.read().split()]\nprint(sum(nums))\n", "1 2 3\n4\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.stdout_text, "10\n");
  EXPECT_EQ(r.stderr_text, "");
}

} // namespace
