#include "sandbox/bwrap_command.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>

namespace mm::sandbox {

std::vector<root_entry> read_host_root() {
  std::vector<root_entry> out;
  for (const char* path : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
    struct stat st {};
    if (::lstat(path, &st) != 0) continue;
    if (S_ISLNK(st.st_mode)) {
      std::array<char, 4096> target{};
      const auto n = ::readlink(path, target.data(), target.size() - 1);
      if (n > 0) out.push_back({path, std::string(target.data(), static_cast<std::size_t>(n))});
    } else if (S_ISDIR(st.st_mode)) {
      out.push_back({path, ""});
    }
  }
  return out;
}

std::vector<std::string> prlimit_args(const sandbox_spec& spec) {
  const auto& l = spec.lim;
  const auto cpu_seconds = (l.cpu.count() + 999) / 1000;
  std::vector<std::string> a{
      spec.prlimit,
      "--nproc=" + std::to_string(l.processes + 1),
      "--cpu=" + std::to_string(cpu_seconds),
      "--fsize=" + std::to_string(l.tmp_bytes),
      "--nofile=256",
      "--core=0",
  };
  if (spec.memory_by_rlimit) a.push_back("--data=" + std::to_string(l.memory_bytes));
  a.emplace_back("--");
  return a;
}

std::vector<std::string> bwrap_args(const sandbox_spec& spec) {
  std::vector<std::string> a{
      "--unshare-all", "--unshare-user", "--disable-userns", // user, pid, net, ipc, uts, cgroup; no nested userns
      "--die-with-parent", "--new-session",                 // killed with its supervisor; no controlling tty
      "--hostname", "sandbox",
      "--ro-bind", "/usr", "/usr",
  };
  for (const auto& e : spec.root) {
    if (e.symlink_target.empty()) {
      a.insert(a.end(), {"--ro-bind", e.path, e.path});
    } else {
      a.insert(a.end(), {"--symlink", e.symlink_target, e.path});
    }
  }
  a.insert(a.end(), {"--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"});
  a.insert(a.end(), {"--proc", "/proc", "--dev", "/dev"});
  a.insert(a.end(), {"--size", std::to_string(spec.lim.tmp_bytes), "--tmpfs", "/tmp"});
  if (!spec.source_path.empty())
    a.insert(a.end(), {"--perms", "0444", "--ro-bind-data", std::to_string(source_fd), spec.source_path});
  for (const auto& [host, inside] : spec.ro_binds) a.insert(a.end(), {"--ro-bind", host, inside});
  for (const auto& [host, inside] : spec.rw_binds) a.insert(a.end(), {"--bind", host, inside});
  a.insert(a.end(), {"--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp"});
  a.insert(a.end(), {"--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv",
                     "TMPDIR", "/tmp", "--setenv", "LANG", "C.UTF-8"});
  a.insert(a.end(), {"--info-fd", std::to_string(info_fd), "--json-status-fd", std::to_string(json_status_fd),
                     "--block-fd", std::to_string(block_fd), "--"});
  const auto limits = prlimit_args(spec);
  a.insert(a.end(), limits.begin(), limits.end());
  a.insert(a.end(), spec.command.begin(), spec.command.end());
  return a;
}

std::optional<long> bwrap_json_number(std::string_view text, std::string_view key) {
  const auto quoted = "\"" + std::string(key) + "\"";
  const auto at = text.find(quoted);
  if (at == std::string_view::npos) return std::nullopt;
  auto pos = text.find(':', at + quoted.size());
  if (pos == std::string_view::npos) return std::nullopt;
  ++pos;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const bool negative = pos < text.size() && text[pos] == '-';
  if (negative) ++pos;
  long v = 0;
  std::size_t digits = 0;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 18; ++pos, ++digits)
    v = v * 10 + (text[pos] - '0');
  if (digits == 0) return std::nullopt;
  return negative ? -v : v;
}

} // namespace mm::sandbox
