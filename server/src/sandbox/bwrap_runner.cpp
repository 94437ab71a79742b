#include "sandbox/bwrap_command.hpp"
#include "sandbox/cgroups.hpp"
#include "sandbox/classify.hpp"
#include "sandbox/runner.hpp"
#include "sandbox/sandboxed_process.hpp"
#include "sandbox/self_check.hpp"

#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <mutex>
#include <system_error>

namespace mm::sandbox {
namespace {

using domain::code_language;
using domain::execution_outcome;

// How one step of a job runs: its source file (if any), extra binds and its command.
struct step {
  std::string source_path;
  std::vector<std::pair<std::string, std::string>> ro_binds, rw_binds;
  std::vector<std::string> command;
};

step program_step(const config& c, code_language language) {
  switch (language) {
  case code_language::python: return {"/src/main.py", {}, {}, {c.python, "-I", "/src/main.py"}};
  case code_language::javascript: return {"/src/main.js", {}, {}, {c.node, "/src/main.js"}};
  case code_language::cpp: break;
  }
  return {};
}

step compile_step(const config& c, const std::string& scratch) {
  return {"/src/main.cpp", {}, {{scratch, "/out"}}, {c.gxx, "-std=c++20", "-O2", "-pipe", "-o", "/out/main", "/src/main.cpp"}};
}

step binary_step(const std::string& scratch) { return {"", {{scratch + "/main", "/src/main"}}, {}, {"/src/main"}}; }

execution_result with_outcome(execution_outcome o, std::string message) {
  execution_result r;
  r.outcome = o;
  r.message = std::move(message);
  return r;
}

// A fresh directory for a C++ binary, owned by the run user; removed with its contents.
class scratch_dir {
public:
  scratch_dir(const config& c, bool chown_to_run_user) {
    std::string path = c.scratch_root + "/mockmate-cpp-XXXXXX";
    if (!::mkdtemp(path.data())) return;
    path_ = path;
    if (chown_to_run_user && ::chown(path_.c_str(), c.run_uid, c.run_gid) != 0) path_.clear();
  }
  ~scratch_dir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  const std::string& path() const { return path_; }

private:
  std::string path_;
};

class bwrap_runner final : public runner {
public:
  explicit bwrap_runner(config c) : config_(std::move(c)), root_(read_host_root()), drop_(::geteuid() == 0) {
    cgroups_ = cgroups::detect(config_, cgroups_why_not_);
  }

  self_test_report self_test(std::span<const code_language> languages) override;
  self_test_report report() const override {
    std::lock_guard lock(mutex_);
    return report_;
  }
  job_result run(const job& j, std::stop_token stop) override;

private:
  execution_result execute(const step& s, std::string_view source, std::string_view input, const limits& lim,
                           std::stop_token stop);
  bool usable(code_language language) const {
    std::lock_guard lock(mutex_);
    return report_.confined && report_.available(language);
  }

  const config config_;
  const std::vector<root_entry> root_;
  const bool drop_;
  std::unique_ptr<cgroups> cgroups_;
  std::string cgroups_why_not_;
  mutable std::mutex mutex_;
  self_test_report report_; // guarded by mutex_
};

execution_result bwrap_runner::execute(const step& s, std::string_view source, std::string_view input,
                                       const limits& lim, std::stop_token stop) {
  std::unique_ptr<execution_cgroup> group;
  if (cgroups_) {
    std::string error;
    group = cgroups_->create(lim, error);
    if (!group) return with_outcome(execution_outcome::unavailable, "the sandbox is unavailable: " + error);
  }
  sandbox_spec spec{root_, s.source_path, s.ro_binds, s.rw_binds, lim, !cgroups_, config_.prlimit, s.command};
  process_request request;
  request.argv.push_back(config_.bwrap);
  const auto args = bwrap_args(spec);
  request.argv.insert(request.argv.end(), args.begin(), args.end());
  request.source = source;
  request.stdin_data = input;
  request.lim = lim;
  request.cgroup = group.get();
  request.drop_privileges = drop_;
  request.run_uid = config_.run_uid;
  request.run_gid = config_.run_gid;
  auto report = run_sandboxed(request, stop);
  cgroup_facts facts;
  if (group) facts = {group->oom_kills(), group->peak_bytes()};
  return classify(std::move(report), lim, facts);
}

job_result bwrap_runner::run(const job& j, std::stop_token stop) {
  job_result result;
  result.executions.resize(j.inputs.size());
  const auto fill = [&](std::size_t from, execution_outcome o, const std::string& message) {
    for (auto i = from; i < result.executions.size(); ++i) result.executions[i] = with_outcome(o, message);
  };
  if (!usable(j.language)) {
    fill(0, execution_outcome::unavailable, "the sandbox is unavailable: " + std::string(to_string(j.language)) +
                                                " did not pass the start-up check");
    return result;
  }
  std::optional<scratch_dir> scratch;
  step program = program_step(config_, j.language);
  if (j.language == code_language::cpp) {
    scratch.emplace(config_, drop_);
    if (scratch->path().empty()) {
      fill(0, execution_outcome::unavailable, "the sandbox is unavailable: no scratch directory for the compile");
      return result;
    }
    result.compile = as_compile(execute(compile_step(config_, scratch->path()), j.code, "", config_.compile, stop), config_.compile);
    if (result.compile->outcome != execution_outcome::ok) {
      fill(0, result.compile->outcome, result.compile->message);
      return result;
    }
    program = binary_step(scratch->path());
  }
  for (std::size_t i = 0; i < j.inputs.size(); ++i) {
    if (stop.stop_requested()) {
      fill(i, execution_outcome::not_run, "not run: the server shut down first");
      break;
    }
    result.executions[i] = execute(program, program.source_path.empty() ? "" : j.code, j.inputs[i], config_.run, stop);
  }
  return result;
}

self_test_report bwrap_runner::self_test(std::span<const code_language> languages) {
  self_test_report rep;
  rep.enforcement = cgroups_ ? cgroups_->describe() + " + rlimits" : "rlimits only (no cgroups: " + cgroups_why_not_ + ")";
  for (const auto& tool : {config_.bwrap, config_.prlimit, config_.shell})
    if (::access(tool.c_str(), X_OK) != 0) rep.problems.push_back(tool + " is missing");
  if (rep.problems.empty()) {
    std::vector<std::string> host_paths{"/etc/shadow", "/etc/passwd", "/root", "/home", "/var", "/run", "/srv", "/opt"};
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec).string();
    if (!ec && cwd != "/" && cwd.rfind("/usr", 0) != 0 && cwd.rfind("/tmp", 0) != 0) host_paths.push_back(cwd);
    const step probe{"", {}, {}, {config_.shell, "-c", probe_script(host_paths)}};
    const auto r = execute(probe, "", "", config_.run, {});
    if (r.outcome != execution_outcome::ok) {
      // The probe is ours, not user code: its stderr may be logged.
      rep.problems.push_back("the confinement probe did not run (" + std::string(to_string(r.outcome)) +
                             (r.exit_code ? " " + std::to_string(*r.exit_code) : "") + "): " + r.message + " " +
                             r.stderr_text.substr(0, r.stderr_text.find('\n')));
    } else {
      rep.problems = confinement_problems(r.stdout_text, config_.run);
    }
    rep.confined = rep.problems.empty();
  }
  if (rep.confined) {
    {
      std::lock_guard lock(mutex_);
      report_ = rep; // confined, no language yet: the trials below run through run()
      report_.runtimes.clear();
      for (auto l : languages) report_.runtimes.push_back({l, ""});
    }
    for (auto language : languages) {
      const auto r = run(job{language, trial_program(language), {std::string(trial_input)}}, {});
      const auto& e = r.executions.front();
      const auto lines = e.stdout_text;
      const auto newline = lines.find('\n');
      const bool passed = e.outcome == execution_outcome::ok && lines.substr(0, newline) == trial_answer;
      if (!passed) {
        const auto& why = r.compile && r.compile->outcome != execution_outcome::ok ? *r.compile : e;
        rep.problems.push_back(std::string(to_string(language)) + " failed its trial run (" +
                               std::string(to_string(e.outcome)) + (why.message.empty() ? "" : ": " + why.message) + ")");
        continue;
      }
      auto version = newline == std::string::npos ? "" : lines.substr(newline + 1);
      version = version.substr(0, version.find('\n'));
      rep.runtimes.push_back({language, version});
    }
  }
  std::lock_guard lock(mutex_);
  report_ = rep;
  return rep;
}

} // namespace

bool self_test_report::available(code_language language) const {
  return std::any_of(runtimes.begin(), runtimes.end(), [&](const runtime_info& r) { return r.language == language; });
}

std::unique_ptr<runner> create_sandbox(config c) {
  if (::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
    throw std::system_error(errno, std::generic_category(), "prctl(PR_SET_CHILD_SUBREAPER)");
  return std::make_unique<bwrap_runner>(std::move(c));
}

} // namespace mm::sandbox
