// mockmate-load: a Socket.IO load generator for mockmate and the reference peer (bench/).
//
//   mockmate-load --scenario idle|invite|signal|storm --url http://127.0.0.1:PORT --tokens FILE
//                 [--server-pid PID] [--label NAME] [--user-offset K]
//                 [--connections N] [--pairs P] [--rates R1,R2,...] [--step-seconds S]
//                 [--window-seconds S] [--p99-limit-ms MS] [--source-addresses K]
//                 [--connect-concurrency N] [--storm-concurrency N] [--timeout-seconds S]
//                 [--sdp-bytes N] [--question-ids ID1,ID2]
//
// Prints one JSON object (one line) for the run on standard output. Tokens file lines:
// "<userId> <token>" (what `mockmate admin create-users` writes).
#include "scenarios.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/serialize.hpp>

#include <sys/resource.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace mm::load;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, sep))
    if (!item.empty()) out.push_back(item);
  return out;
}

const char* const usage =
    "usage: mockmate-load --scenario idle|invite|signal|storm --url http://127.0.0.1:PORT --tokens FILE\n"
    "         [--server-pid PID] [--label NAME] [--user-offset K] [--connections N] [--pairs P]\n"
    "         [--rates R1,R2,...] [--step-seconds S] [--warmup-seconds S] [--window-seconds S]\n"
    "         [--p99-limit-ms MS] [--source-addresses K] [--connect-concurrency N]\n"
    "         [--storm-concurrency N] [--timeout-seconds S] [--sdp-bytes N] [--question-ids ID,...]\n"
    "Prints one JSON object for the run. FILE: \"<userId> <token>\" lines (mockmate admin create-users).\n";

options parse(int argc, char** argv) {
  options o;
  std::string url, tokens;
  std::size_t offset = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << usage;
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
    const std::string v = argv[++i];
    if (flag == "--scenario") o.scenario = v;
    else if (flag == "--url") url = v;
    else if (flag == "--tokens") tokens = v;
    else if (flag == "--server-pid") o.server_pid = std::stoi(v);
    else if (flag == "--label") o.label = v;
    else if (flag == "--user-offset") offset = std::stoul(v);
    else if (flag == "--connections") o.connections = std::stoi(v);
    else if (flag == "--pairs") o.pairs = std::stoi(v);
    else if (flag == "--rates") {
      o.rates.clear();
      for (const auto& r : split(v, ',')) o.rates.push_back(std::stod(r));
    } else if (flag == "--step-seconds") o.step_seconds = std::stod(v);
    else if (flag == "--warmup-seconds") o.warmup_seconds = std::stod(v);
    else if (flag == "--window-seconds") o.window_seconds = std::stod(v);
    else if (flag == "--p99-limit-ms") o.p99_limit_ms = std::stod(v);
    else if (flag == "--source-addresses") o.endpoint.source_addresses = std::stoi(v);
    else if (flag == "--connect-concurrency") o.connect_concurrency = std::stoi(v);
    else if (flag == "--storm-concurrency") o.storm_concurrency = std::stoi(v);
    else if (flag == "--timeout-seconds") o.timeout_seconds = std::stod(v);
    else if (flag == "--sdp-bytes") o.sdp_bytes = std::stoi(v);
    else if (flag == "--question-ids") o.question_ids = split(v, ',');
    else throw std::invalid_argument("unknown flag " + flag);
  }
  const std::string prefix = "http://";
  if (url.rfind(prefix, 0) != 0) throw std::invalid_argument("--url must be http://HOST:PORT");
  const auto hostport = url.substr(prefix.size(), url.find('/', prefix.size()) - prefix.size());
  const auto colon = hostport.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("--url needs a port");
  o.endpoint.host = hostport.substr(0, colon);
  o.endpoint.port = static_cast<unsigned short>(std::stoi(hostport.substr(colon + 1)));
  std::ifstream in(tokens);
  if (!in) throw std::invalid_argument("cannot read --tokens " + tokens);
  std::string id, token;
  std::size_t line = 0;
  while (in >> id >> token)
    if (line++ >= offset) o.users.emplace_back(id, token);
  if (o.rates.empty()) o.rates = {100, 200, 500, 1000, 2000, 5000};
  if (o.label.empty()) o.label = url;
  return o;
}

void raise_fd_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}

} // namespace

int main(int argc, char** argv) {
  options o;
  try {
    o = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "mockmate-load: " << e.what() << '\n' << usage;
    return 2;
  }
  raise_fd_limit();
  boost::asio::io_context io{1};
  int rc = 0;
  boost::asio::co_spawn(io, run_scenario(o), [&](std::exception_ptr e, boost::json::object result) {
    if (e) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        std::cerr << "mockmate-load: " << ex.what() << '\n';
      }
      rc = 1;
      return;
    }
    std::cout << boost::json::serialize(result) << std::endl;
    io.stop();
  });
  io.run();
  return rc;
}
