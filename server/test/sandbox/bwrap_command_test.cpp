#include "sandbox/bwrap_command.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace mm::sandbox;

sandbox_spec python_spec() {
  sandbox_spec s;
  s.root = {{"/bin", "usr/bin"}, {"/lib", "usr/lib"}, {"/lib64", "usr/lib64"}, {"/sbin", "usr/sbin"}};
  s.source_path = "/src/main.py";
  s.lim = run_limits();
  s.command = {"/usr/bin/python3", "-I", "/src/main.py"};
  return s;
}

// The arguments that follow `option` (each occurrence), joined by spaces.
std::vector<std::string> uses(const std::vector<std::string>& args, const std::string& option, int arity) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != option) continue;
    std::string joined;
    for (int k = 1; k <= arity && i + k < args.size(); ++k) joined += (k > 1 ? " " : "") + args[i + k];
    out.push_back(joined);
  }
  return out;
}

TEST(bwrap_command, the_golden_command_of_a_python_run) {
  const auto args = bwrap_args(python_spec());
  const std::vector<std::string> expected{
      "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
      "--hostname", "sandbox", "--ro-bind", "/usr", "/usr",
      "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
      "--symlink", "usr/sbin", "/sbin",
      "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
      "--proc", "/proc", "--dev", "/dev",
      "--size", "67108864", "--tmpfs", "/tmp",
      "--perms", "0444", "--ro-bind-data", "3", "/src/main.py",
      "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp",
      "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp",
      "--setenv", "LANG", "C.UTF-8",
      "--info-fd", "4", "--json-status-fd", "5", "--block-fd", "6", "--",
      "/usr/bin/prlimit", "--nproc=65", "--cpu=5", "--fsize=67108864", "--nofile=256", "--core=0", "--",
      "/usr/bin/python3", "-I", "/src/main.py"};
  EXPECT_EQ(args, expected);
}

TEST(bwrap_command, binds_nothing_of_the_host_but_usr_the_root_links_and_the_linker_cache) {
  auto spec = python_spec();
  spec.root.push_back({"/lib32", ""}); // a real directory on a system without merged /usr
  const auto args = bwrap_args(spec);
  EXPECT_EQ(uses(args, "--ro-bind", 2), (std::vector<std::string>{"/usr /usr", "/lib32 /lib32"}));
  EXPECT_EQ(uses(args, "--ro-bind-try", 2), (std::vector<std::string>{"/etc/ld.so.cache /etc/ld.so.cache"}));
  EXPECT_TRUE(uses(args, "--bind", 2).empty());
  EXPECT_TRUE(uses(args, "--dev-bind", 2).empty());
  EXPECT_TRUE(uses(args, "--share-net", 0).empty());
}

TEST(bwrap_command, a_compile_binds_only_its_scratch_directory_writable) {
  auto spec = python_spec();
  spec.source_path = "/src/main.cpp";
  spec.rw_binds = {{"/tmp/mockmate-cpp-abc", "/out"}};
  spec.lim = compile_limits();
  const auto args = bwrap_args(spec);
  EXPECT_EQ(uses(args, "--bind", 2), (std::vector<std::string>{"/tmp/mockmate-cpp-abc /out"}));
  EXPECT_EQ(uses(args, "--size", 1), (std::vector<std::string>{"134217728"}));
  const auto limits = prlimit_args(spec);
  EXPECT_NE(std::find(limits.begin(), limits.end(), "--cpu=20"), limits.end());
}

TEST(bwrap_command, the_binds_come_before_the_root_is_made_read_only) {
  auto spec = python_spec();
  spec.ro_binds = {{"/tmp/x/main", "/src/main"}};
  const auto args = bwrap_args(spec);
  const auto bind = std::find(args.begin(), args.end(), "/tmp/x/main");
  const auto remount = std::find(args.begin(), args.end(), "--remount-ro");
  EXPECT_LT(bind, remount);
}

TEST(bwrap_command, memory_is_an_rlimit_only_without_a_memory_cgroup) {
  auto spec = python_spec();
  EXPECT_EQ(prlimit_args(spec),
            (std::vector<std::string>{"/usr/bin/prlimit", "--nproc=65", "--cpu=5", "--fsize=67108864", "--nofile=256",
                                      "--core=0", "--"}));
  spec.memory_by_rlimit = true;
  const auto with_memory = prlimit_args(spec);
  EXPECT_NE(std::find(with_memory.begin(), with_memory.end(), "--data=268435456"), with_memory.end());
}

TEST(bwrap_command, cpu_seconds_round_up) {
  auto spec = python_spec();
  spec.lim.cpu = std::chrono::milliseconds{1500};
  const auto limits = prlimit_args(spec);
  EXPECT_NE(std::find(limits.begin(), limits.end(), "--cpu=2"), limits.end());
}

TEST(bwrap_command, the_host_root_of_a_merged_usr_system_is_symlinks) {
  const auto root = read_host_root();
  ASSERT_FALSE(root.empty());
  for (const auto& e : root) EXPECT_EQ(e.symlink_target.rfind("usr/", 0), 0u) << e.path << " -> " << e.symlink_target;
}

} // namespace

namespace {

TEST(bwrap_command, reads_the_numbers_bubblewrap_reports) {
  using mm::sandbox::bwrap_json_number;
  const std::string info = "{\n    \"child-pid\": 4242,\n    \"cgroup-namespace\": 4026532599\n}\n";
  EXPECT_EQ(bwrap_json_number(info, "child-pid"), 4242);
  const std::string status = "{ \"child-pid\": 17, \"cgroup-namespace\": 1 }\n{ \"exit-code\": 139 }\n";
  EXPECT_EQ(bwrap_json_number(status, "exit-code"), 139);
  EXPECT_EQ(bwrap_json_number("{ \"child-pid\": 17 }\n", "exit-code"), std::nullopt); // the command never ran
  EXPECT_EQ(bwrap_json_number("{ \"exit-code\": }", "exit-code"), std::nullopt);
  EXPECT_EQ(bwrap_json_number("", "child-pid"), std::nullopt);
}

} // namespace
