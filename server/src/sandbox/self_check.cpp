#include "sandbox/self_check.hpp"

#include <map>
#include <sstream>

namespace mm::sandbox {
namespace {

// The probe's sections: "--name" lines start them.
std::map<std::string, std::vector<std::string>> sections(std::string_view text) {
  std::map<std::string, std::vector<std::string>> out;
  std::string current;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("--", 0) == 0) {
      current = line.substr(2);
      out[current];
    } else if (!current.empty()) {
      out[current].push_back(line);
    }
  }
  return out;
}

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> w;
  for (std::string s; in >> s;) w.push_back(s);
  return w;
}

} // namespace

std::string probe_script(const std::vector<std::string>& host_paths) {
  std::string s =
      "echo --status; cat /proc/self/status\n"
      "echo --limits; cat /proc/self/limits\n"
      "echo --writable; for d in / /usr /usr/bin /etc /proc/sys /dev; do "
      "if touch \"$d/.mm-probe\" 2>/dev/null; then echo \"$d\"; fi; done\n"
      "echo --visible; for p in";
  for (const auto& p : host_paths) s += " '" + p + "'";
  s += "; do if [ -e \"$p\" ]; then echo \"$p\"; fi; done\n"
       "echo --net; tail -n +3 /proc/net/dev | cut -d: -f1\n"
       "echo --cwd; pwd; ls -A\n"
       "echo --procs; ls /proc | grep -c '^[0-9]'\n"
       "echo --end\n";
  return s;
}

std::vector<std::string> confinement_problems(std::string_view output, const limits& lim) {
  std::vector<std::string> problems;
  auto sec = sections(output);
  if (!sec.count("end")) return {"the probe did not finish"};
  std::map<std::string, std::string> status;
  for (const auto& line : sec["status"]) {
    const auto colon = line.find(':');
    if (colon != std::string::npos) status[line.substr(0, colon)] = line.substr(colon + 1);
  }
  const auto uids = words(status["Uid"]);
  if (uids.size() != 4) problems.emplace_back("the probe could not read its uid");
  for (const auto& u : uids)
    if (u == "0") problems.emplace_back("code would run as root");
  for (const char* set : {"CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"}) {
    const auto w = words(status[set]);
    if (w.size() != 1 || w[0].find_first_not_of('0') != std::string::npos)
      problems.push_back(std::string("code would have capabilities (") + set + ")");
  }
  if (words(status["NoNewPrivs"]) != std::vector<std::string>{"1"}) problems.emplace_back("no_new_privs is not set");

  const auto limit = [&](const std::string& name) -> std::string {
    for (const auto& line : sec["limits"])
      if (line.rfind(name, 0) == 0) {
        const auto w = words(line.substr(name.size()));
        return w.empty() ? "" : w[0];
      }
    return "";
  };
  if (limit("Max processes") != std::to_string(lim.processes + 1)) problems.emplace_back("the process limit is not in force");
  if (limit("Max cpu time") != std::to_string((lim.cpu.count() + 999) / 1000)) problems.emplace_back("the CPU limit is not in force");

  for (const auto& d : sec["writable"]) problems.push_back("code could write to " + d);
  for (const auto& p : sec["visible"]) problems.push_back("code could see " + p);
  for (const auto& line : sec["net"]) {
    const auto w = words(line);
    if (!w.empty() && w[0] != "lo") problems.push_back("code would have a network interface (" + w[0] + ")");
  }
  const auto& cwd = sec["cwd"];
  if (cwd.empty() || cwd[0] != "/tmp") problems.emplace_back("code would not start in its own /tmp");
  if (cwd.size() > 1) problems.emplace_back("the working directory is not empty");
  const auto& procs = sec["procs"];
  const bool counted = procs.size() == 1 && !procs[0].empty() && procs[0].size() < 6 &&
                       procs[0].find_first_not_of("0123456789") == std::string::npos;
  if (!counted || std::stoi(procs[0]) > 8) problems.emplace_back("code could see other processes");
  return problems;
}

std::string trial_program(domain::code_language language) {
  switch (language) {
  case domain::code_language::python:
    return "import platform\na, b = map(int, input().split())\nprint(a + b)\nprint(platform.python_version())\n";
  case domain::code_language::javascript:
    return "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
           "console.log(a + b);\nconsole.log(process.versions.node);\n";
  case domain::code_language::cpp:
    return "#include <iostream>\nint main() {\n  int a, b;\n  std::cin >> a >> b;\n"
           "  std::cout << a + b << '\\n' << __VERSION__ << '\\n';\n}\n";
  }
  return {};
}

} // namespace mm::sandbox
