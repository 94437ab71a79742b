#include "sandbox/self_check.hpp"

#include <gtest/gtest.h>

namespace {

using namespace mm::sandbox;

// What the probe prints in a well-made sandbox (abridged /proc/self/status and limits).
std::string confined_output() {
  return "--status\nName:\tcat\nUid:\t65534\t65534\t65534\t65534\nGid:\t65534\t65534\t65534\t65534\n"
         "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
         "CapBnd:\t0000000000000000\nCapAmb:\t0000000000000000\nNoNewPrivs:\t1\n"
         "--limits\nLimit                     Soft Limit           Hard Limit           Units\n"
         "Max cpu time              5                    5                    seconds\n"
         "Max processes             65                   65                   processes\n"
         "--writable\n--visible\n--net\n    lo\n--cwd\n/tmp\n--procs\n3\n--end\n";
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(self_check, a_confined_probe_shows_no_problem) {
  EXPECT_EQ(confinement_problems(confined_output(), run_limits()), std::vector<std::string>{});
}

TEST(self_check, each_missing_confinement_is_a_problem) {
  const auto lim = run_limits();
  const auto one = [&](const std::string& from, const std::string& to) {
    const auto p = confinement_problems(with(confined_output(), from, to), lim);
    return p.size() == 1 ? p[0] : "problems: " + std::to_string(p.size());
  };
  EXPECT_EQ(one("Uid:\t65534\t65534", "Uid:\t0\t65534"), "code would run as root");
  EXPECT_EQ(one("CapEff:\t0000000000000000", "CapEff:\t000001ffffffffff"), "code would have capabilities (CapEff)");
  EXPECT_EQ(one("CapBnd:\t0000000000000000", "CapBnd:\t0000000000200000"), "code would have capabilities (CapBnd)");
  EXPECT_EQ(one("NoNewPrivs:\t1", "NoNewPrivs:\t0"), "no_new_privs is not set");
  EXPECT_EQ(one("65                   65", "unlimited            unlimited"), "the process limit is not in force");
  EXPECT_EQ(one("5                    5   ", "unlimited            unlimited"), "the CPU limit is not in force");
  EXPECT_EQ(one("--writable\n", "--writable\n/usr\n"), "code could write to /usr");
  EXPECT_EQ(one("--visible\n", "--visible\n/etc/shadow\n"), "code could see /etc/shadow");
  EXPECT_EQ(one("    lo\n", "    lo\n  eth0\n"), "code would have a network interface (eth0)");
  EXPECT_EQ(one("--cwd\n/tmp\n", "--cwd\n/work\n"), "code would not start in its own /tmp");
  EXPECT_EQ(one("--cwd\n/tmp\n", "--cwd\n/tmp\nleftover\n"), "the working directory is not empty");
  EXPECT_EQ(one("--procs\n3\n", "--procs\n213\n"), "code could see other processes");
}

TEST(self_check, a_probe_that_did_not_finish_is_a_problem) {
  EXPECT_EQ(confinement_problems("--status\nUid:\t1\t1\t1\t1\n", run_limits()),
            std::vector<std::string>{"the probe did not finish"});
}

TEST(self_check, the_probe_looks_for_each_host_path) {
  const auto script = probe_script({"/etc/shadow", "/srv/data/mockmate.db"});
  EXPECT_NE(script.find("'/etc/shadow'"), std::string::npos);
  EXPECT_NE(script.find("'/srv/data/mockmate.db'"), std::string::npos);
}

} // namespace
