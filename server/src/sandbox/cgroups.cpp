#include "sandbox/cgroups.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace mm::sandbox {
namespace {

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool write_file(const std::string& path, const std::string& value) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::write(fd, value.data(), value.size()) == static_cast<ssize_t>(value.size());
  ::close(fd);
  return ok;
}

bool has_word(const std::string& list, const std::string& word) {
  std::istringstream in(list);
  for (std::string w; in >> w;)
    if (w == word) return true;
  return false;
}

bool has_controller(const std::string& comma_list, const std::string& name) {
  std::istringstream in(comma_list);
  for (std::string w; std::getline(in, w, ',');)
    if (w == name) return true;
  return false;
}

// "key N" in a flat-keyed cgroup file (memory.events, memory.oom_control).
std::uint64_t keyed_value(const std::string& path, const std::string& key) {
  const auto text = read_file(path);
  if (!text) return 0;
  std::istringstream in(*text);
  for (std::string k; in >> k;) {
    std::uint64_t v = 0;
    if (!(in >> v)) break;
    if (k == key) return v;
  }
  return 0;
}

struct mount {
  std::string root, point, fstype, super_options;
};

std::vector<mount> cgroup_mounts() {
  std::vector<mount> out;
  std::ifstream in("/proc/self/mountinfo");
  for (std::string line; std::getline(in, line);) {
    std::istringstream f(line);
    std::vector<std::string> fields;
    for (std::string w; f >> w;) fields.push_back(w);
    std::size_t sep = 0;
    while (sep < fields.size() && fields[sep] != "-") ++sep;
    if (sep < 5 || sep + 3 >= fields.size()) continue;
    mount m{fields[3], fields[4], fields[sep + 1], fields[sep + 3]};
    if (m.fstype == "cgroup" || m.fstype == "cgroup2") out.push_back(std::move(m));
  }
  return out;
}

// This process's group in the v1 hierarchy that has `controller` ("" for v2), from /proc/self/cgroup.
std::optional<std::string> own_group(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  for (std::string line; std::getline(in, line);) {
    const auto a = line.find(':');
    const auto b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const auto controllers = line.substr(a + 1, b - a - 1);
    if (controller.empty() ? controllers.empty() : has_controller(controllers, controller)) return line.substr(b + 1);
  }
  return std::nullopt;
}

// The directory of this process's own group under a v1 mount (the mount itself when the
// group is not below the mount's root, as in some containers).
std::string own_dir(const mount& m, const std::string& group) {
  if (m.root == "/") return m.point + (group == "/" ? "" : group);
  if (group.rfind(m.root, 0) == 0) return m.point + group.substr(m.root.size());
  return m.point;
}

bool make_dir(const std::string& path) { return ::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST; }

std::unique_ptr<cgroups> detect_v2(const config& c, std::string& why) {
  std::string parent = c.cgroup_parent;
  if (parent.empty()) {
    const mount* m = nullptr;
    const auto mounts = cgroup_mounts();
    for (const auto& x : mounts)
      if (x.fstype == "cgroup2") m = &x;
    if (!m) return why = "no cgroup2 mount", nullptr;
    auto available = read_file(m->point + "/cgroup.controllers").value_or("");
    while (!available.empty() && available.back() == '\n') available.pop_back();
    if (!has_word(available, "memory") || !has_word(available, "pids"))
      return why = "cgroup v2 at " + m->point + " has no memory and pids controllers (it has: " + available + ")", nullptr;
    const auto root_control = m->point + "/cgroup.subtree_control";
    const auto enabled = read_file(root_control).value_or("");
    if (!has_word(enabled, "memory") || !has_word(enabled, "pids")) write_file(root_control, "+memory +pids");
    parent = m->point + "/mockmate-sandbox";
    if (!make_dir(parent)) return why = "cannot create " + parent + ": " + std::strerror(errno), nullptr;
  }
  const auto control = parent + "/cgroup.subtree_control";
  const auto enabled = read_file(control).value_or("");
  if ((!has_word(enabled, "memory") || !has_word(enabled, "pids")) && !write_file(control, "+memory +pids"))
    return why = "cannot enable memory and pids in " + control + ": " + std::strerror(errno), nullptr;
  return std::make_unique<cgroups>(cgroups::version::v2, cgroup_dirs{parent, parent, parent});
}

std::unique_ptr<cgroups> detect_v1(std::string& why) {
  cgroup_dirs parents;
  for (const auto& m : cgroup_mounts()) {
    if (m.fstype != "cgroup") continue;
    for (auto [controller, dir] : {std::pair{"memory", &parents.memory}, std::pair{"pids", &parents.pids},
                                   std::pair{"cpuacct", &parents.cpuacct}}) {
      if (!has_controller(m.super_options, controller)) continue;
      if (const auto group = own_group(controller)) *dir = own_dir(m, *group) + "/mockmate-sandbox";
    }
  }
  if (parents.memory.empty()) return why = "no cgroup v1 memory controller", nullptr;
  if (!make_dir(parents.memory)) return why = "cannot create " + parents.memory + ": " + std::strerror(errno), nullptr;
  if (!parents.pids.empty() && !make_dir(parents.pids)) parents.pids.clear();
  if (!parents.cpuacct.empty() && !make_dir(parents.cpuacct)) parents.cpuacct.clear();
  return std::make_unique<cgroups>(cgroups::version::v1, parents);
}

} // namespace

cgroups::cgroups(version v, cgroup_dirs parents) : version_(v), parents_(std::move(parents)) {}

std::unique_ptr<cgroups> cgroups::detect(const config& c, std::string& why_not) {
  if (c.cgroups == cgroup_mode::none) return why_not = "cgroups turned off", nullptr;
  // A trial group proves that this process may create groups and write their limits.
  const auto usable = [](std::unique_ptr<cgroups> found, std::string& why) -> std::unique_ptr<cgroups> {
    if (found && !found->create(run_limits(), why)) found.reset();
    return found;
  };
  std::string why_v2, why_v1;
  if (auto v2 = usable(detect_v2(c, why_v2), why_v2)) return v2;
  if (auto v1 = usable(detect_v1(why_v1), why_v1)) return v1;
  why_not = "v2: " + why_v2 + "; v1: " + why_v1;
  return nullptr;
}

std::string cgroups::describe() const {
  if (version_ == version::v2) return "cgroup v2 (memory, pids, cpu accounting) at " + parents_.memory;
  return "cgroup v1 (memory" + std::string(parents_.pids.empty() ? "" : ", pids") +
         (parents_.cpuacct.empty() ? "" : ", cpuacct") + ") at " + parents_.memory;
}

std::unique_ptr<execution_cgroup> cgroups::create(const limits& lim, std::string& error) {
  const auto name = "/" + std::to_string(::getpid()) + "-" + std::to_string(next_++);
  const auto child = [&](const std::string& parent) { return parent.empty() ? parent : parent + name; };
  auto group = std::make_unique<execution_cgroup>(
      version_, cgroup_dirs{child(parents_.memory), child(parents_.pids), child(parents_.cpuacct)});
  if (!group->make(error)) return nullptr;
  const auto& d = group->dirs();
  const auto memory = std::to_string(lim.memory_bytes);
  const auto pids = std::to_string(lim.processes + 2); // + bubblewrap and its init
  bool ok;
  if (version_ == version::v2) {
    ok = write_file(d.memory + "/memory.max", memory) && write_file(d.pids + "/pids.max", pids);
    if (ok && exists(d.memory + "/memory.swap.max")) ok = write_file(d.memory + "/memory.swap.max", "0");
  } else {
    ok = write_file(d.memory + "/memory.limit_in_bytes", memory);
    if (ok && exists(d.memory + "/memory.memsw.limit_in_bytes"))
      ok = write_file(d.memory + "/memory.memsw.limit_in_bytes", memory);
    if (ok && !d.pids.empty()) ok = write_file(d.pids + "/pids.max", pids);
  }
  if (!ok) {
    error = "cannot write the limits of " + d.memory + ": " + std::strerror(errno);
    return nullptr;
  }
  if (!group->open_join_fds(error)) return nullptr;
  return group;
}

execution_cgroup::execution_cgroup(cgroups::version v, cgroup_dirs dirs) : version_(v), dirs_(std::move(dirs)) {}

std::vector<std::string> execution_cgroup::distinct_dirs() const {
  std::vector<std::string> out;
  for (const auto* d : {&dirs_.memory, &dirs_.pids, &dirs_.cpuacct})
    if (!d->empty() && std::find(out.begin(), out.end(), *d) == out.end()) out.push_back(*d);
  return out;
}

bool execution_cgroup::make(std::string& error) {
  for (const auto& d : distinct_dirs()) {
    // Names are <pid>-<counter>: one that exists was left by an earlier process with this pid
    // that died (kill -9) before removing it; an empty leftover is removed and made again.
    bool made = ::mkdir(d.c_str(), 0755) == 0;
    if (!made && errno == EEXIST && ::rmdir(d.c_str()) == 0) made = ::mkdir(d.c_str(), 0755) == 0;
    if (!made) return error = "cannot create " + d + ": " + std::strerror(errno), false;
    made_.push_back(d);
  }
  return true;
}

bool execution_cgroup::open_join_fds(std::string& error) {
  for (const auto& d : made_) {
    unique_fd fd(::open((d + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd) return error = "cannot open " + d + "/cgroup.procs: " + std::strerror(errno), false;
    join_fds_.push_back(std::move(fd));
  }
  return true;
}

execution_cgroup::~execution_cgroup() {
  join_fds_.clear();
  kill_all();
  for (const auto& d : made_) {
    // A group is removable once its last process is gone; the pid namespace ends just before.
    for (int attempt = 0; attempt < 200 && ::rmdir(d.c_str()) != 0 && errno == EBUSY; ++attempt)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::uint64_t execution_cgroup::oom_kills() const {
  if (version_ == cgroups::version::v2) return keyed_value(dirs_.memory + "/memory.events", "oom_kill");
  return keyed_value(dirs_.memory + "/memory.oom_control", "oom_kill");
}

std::optional<std::uint64_t> execution_cgroup::peak_bytes() const {
  const auto text = read_file(dirs_.memory + (version_ == cgroups::version::v2 ? "/memory.peak" : "/memory.max_usage_in_bytes"));
  if (!text) return std::nullopt;
  char* end = nullptr;
  const auto value = std::strtoull(text->c_str(), &end, 10);
  if (end == text->c_str()) return std::nullopt;
  return value;
}

std::optional<milliseconds> execution_cgroup::cpu_time() const {
  if (dirs_.cpuacct.empty()) return std::nullopt;
  if (version_ == cgroups::version::v2) {
    const auto path = dirs_.cpuacct + "/cpu.stat";
    if (!exists(path)) return std::nullopt;
    return milliseconds{static_cast<long>(keyed_value(path, "usage_usec") / 1000)};
  }
  const auto text = read_file(dirs_.cpuacct + "/cpuacct.usage");
  if (!text) return std::nullopt;
  return milliseconds{static_cast<long>(std::strtoull(text->c_str(), nullptr, 10) / 1000000)};
}

void execution_cgroup::kill_all() const {
  if (version_ == cgroups::version::v2) write_file(dirs_.memory + "/cgroup.kill", "1");
}

} // namespace mm::sandbox
