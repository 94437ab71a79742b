// The cgroups an execution runs in (sandbox/cgroups): names of groups that a dead process left.
// Root only, like every *cgroup* test (the unprivileged run of this suite leaves them out).
#include "sandbox/cgroups.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace mm::sandbox {
namespace {

TEST(sandbox_cgroup, a_group_left_by_a_dead_process_with_the_same_pid_is_made_again) {
  std::string why;
  auto groups = cgroups::detect(config{}, why);
  ASSERT_TRUE(groups) << why;
  const auto described = groups->describe();
  const auto parent = described.substr(described.rfind(" at ") + 4);
  // detect() made and removed "<pid>-0" for its trial; the next group is "<pid>-1". A process
  // with this pid that was killed before removing its group left this one behind.
  const auto leftover = parent + "/" + std::to_string(::getpid()) + "-1";
  ASSERT_EQ(::mkdir(leftover.c_str(), 0755), 0) << leftover << ": " << std::strerror(errno);
  std::string error;
  auto group = groups->create(run_limits(), error);
  EXPECT_TRUE(group) << error;
  group.reset();
  EXPECT_NE(::access(leftover.c_str(), F_OK), 0) << "removed with the group";
  ::rmdir(leftover.c_str());
}

} // namespace
} // namespace mm::sandbox
