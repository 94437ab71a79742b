#pragma once
// `mockmate serve` configuration (API.md, "Running"): flags, each also readable from the
// environment as MOCKMATE_<FLAG> (a repeatable flag's variable is a comma-separated list).
// Flags win over the environment.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace mm::app {

struct config {
  std::string listen_host = "127.0.0.1";
  unsigned short listen_port = 8080;
  std::string db = "sqlite:data/mockmate.db";
  std::optional<std::string> redis;
  double invitation_ttl = 120;
  double rejoin_grace = 180;
  int invitation_rate_count = 20; // 0: off
  double invitation_rate_window = 600;
  std::optional<std::string> web_root;
  std::vector<std::string> allowed_origins;
  std::vector<std::string> stun_uris;
  std::vector<std::string> turn_uris;
  std::string turn_secret;
  int turn_ttl = 3600;
  int ping_interval_ms = 25'000;
  int ping_timeout_ms = 20'000;
  std::string log_level = "info";
  int max_sockets_per_user = 20;  // Socket.IO connections of one user at once; 0: no limit
  int auth_rate_count = 1200;     // register + login requests per client IP per window; 0: off
  double auth_rate_window = 60;
  int max_connections = 50'000;        // open TCP connections; more are refused
  int max_payload = 1'000'000;         // bytes of one Engine.IO payload / WebSocket message (1009 beyond)
  double connect_timeout = 45;         // seconds for a Socket.IO connection to join a namespace
  int message_burst = 1000;            // messages one Socket.IO connection may send at once; 0: off
  double message_window = 5;           // seconds to earn a whole burst back
  int round_minutes = 30;              // a round's plannedMinutes
  // Web Push (API.md v2, docs/push.md). --push off: no key, no pushes, publicKey null.
  bool push = true;
  std::optional<std::string> vapid_key_file; // default: vapid.pem beside the SQLite file, else data/vapid.pem
  std::string vapid_subject = "mailto:admin@localhost";
  std::vector<std::string> push_allow_origins;
  int run_workers = 0;                 // code executions at once (API.md v2 --run-workers); 0: the cores
};

// The VAPID key file `cfg` names: --vapid-key-file, else vapid.pem in the SQLite file's folder,
// else data/vapid.pem.
std::string vapid_key_path(const config& cfg);

// Parses `args` (after the subcommand) and `env` lookups. Throws std::invalid_argument with a
// message naming the flag for bad values or unknown flags.
config parse_config(const std::vector<std::string>& args, const char* const* envp);

std::string usage();

} // namespace mm::app
