#include "app/main_program.hpp"

#include "app/admin_command.hpp"
#include "app/config.hpp"
#include "app/server_app.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

extern char** environ;

namespace mm::app {

int main_program(int argc, char** argv) {
  // glibc trims a thread's arena on free() and the next malloc faults the pages back: on the
  // database thread that cost ~18 % of server CPU per invitation (docs/performance.md). Keep up
  // to 64 MiB of freed memory, and serve blocks up to 4 MiB from the heap.
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  // Logs go to standard error: standard output carries only the `listening on` line.
  spdlog::set_default_logger(spdlog::stderr_color_mt("mockmate"));
  const std::string command = argc > 1 ? argv[1] : "";
  std::vector<std::string> args(argv + std::min(argc, 2), argv + argc);
  try {
    if (command == "serve") {
      auto cfg = parse_config(args, environ);
      spdlog::set_level(spdlog::level::from_str(cfg.log_level));
      return serve(cfg, argc > 0 ? argv[0] : "mockmate");
    }
    if (command == "admin") return admin_command(args);
    if (command == "help" || command == "--help" || command == "-h") {
      std::cout << usage();
      return 0;
    }
    std::cerr << usage();
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "mockmate: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "mockmate: " << e.what() << '\n';
    return 1;
  }
}

} // namespace mm::app
