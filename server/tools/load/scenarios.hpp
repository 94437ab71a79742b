#pragma once
// The load scenarios (docs/performance.md): idle, invite, signal, storm. Each runs on one
// single-threaded io_context and returns one JSON object describing the run.
#include "client.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <utility>
#include <vector>

namespace mm::load {

struct options {
  std::string scenario;
  std::string label;           // which server, copied to the output
  endpoint_config endpoint;
  std::vector<std::pair<std::string, std::string>> users; // (userId, token), after --user-offset
  int server_pid = 0;
  int connections = 1000;      // idle, storm
  int pairs = 100;             // invite, signal
  std::vector<double> rates;   // invite: invitations/s; signal: messages/s; stepped up
  double step_seconds = 3;
  double warmup_seconds = 1;  // invite, signal: at the first rate, not reported (JIT, caches)
  double window_seconds = 10;  // idle: the CPU window
  double p99_limit_ms = 50;
  int connect_concurrency = 256;
  int storm_concurrency = 0;   // 0: every client at once
  double timeout_seconds = 60; // bound on every wait
  int sdp_bytes = 1500;
  std::vector<std::string> question_ids = {"two-sum"};
};

boost::asio::awaitable<boost::json::object> run_scenario(const options& o);

} // namespace mm::load
