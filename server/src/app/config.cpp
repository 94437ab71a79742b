#include "app/config.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>

namespace mm::app {
namespace {

double parse_seconds(const std::string& flag, const std::string& v, bool allow_zero) {
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc{} || end != v.data() + v.size() || !std::isfinite(d) || d < 0 || (!allow_zero && d == 0))
    throw std::invalid_argument("--" + flag + " must be a positive number of seconds, not '" + v + "'");
  return d;
}

int parse_int(const std::string& flag, const std::string& v, int min, int max) {
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || end != v.data() + v.size() || n < min || n > max)
    throw std::invalid_argument("--" + flag + " must be a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max) + ", not '" + v + "'");
  return n;
}

std::vector<std::string> split_commas(const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= v.size()) {
    const auto comma = v.find(',', start);
    auto item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

struct flag {
  bool repeatable;
  std::function<void(config&, const std::string&)> set;
};

std::map<std::string, flag> flags() {
  return {
      {"listen", {false, [](config& c, const std::string& v) {
                    const auto colon = v.rfind(':');
                    if (colon == std::string::npos || colon == 0)
                      throw std::invalid_argument("--listen must be HOST:PORT, not '" + v + "'");
                    c.listen_host = v.substr(0, colon);
                    if (c.listen_host.size() > 2 && c.listen_host.front() == '[' && c.listen_host.back() == ']')
                      c.listen_host = c.listen_host.substr(1, c.listen_host.size() - 2);
                    c.listen_port = static_cast<unsigned short>(parse_int("listen", v.substr(colon + 1), 0, 65535));
                  }}},
      {"db", {false, [](config& c, const std::string& v) { c.db = v; }}},
      {"redis", {false, [](config& c, const std::string& v) { c.redis = v; }}},
      {"invitation-ttl", {false, [](config& c, const std::string& v) { c.invitation_ttl = parse_seconds("invitation-ttl", v, false); }}},
      {"rejoin-grace", {false, [](config& c, const std::string& v) { c.rejoin_grace = parse_seconds("rejoin-grace", v, false); }}},
      {"invitation-rate-limit", {false, [](config& c, const std::string& v) {
                                   if (v == "0") {
                                     c.invitation_rate_count = 0;
                                     return;
                                   }
                                   const auto slash = v.find('/');
                                   if (slash == std::string::npos)
                                     throw std::invalid_argument("--invitation-rate-limit must be COUNT/SECONDS or 0, not '" + v + "'");
                                   c.invitation_rate_count = parse_int("invitation-rate-limit", v.substr(0, slash), 0, 1'000'000);
                                   c.invitation_rate_window = parse_seconds("invitation-rate-limit", v.substr(slash + 1), false);
                                 }}},
      {"web-root", {false, [](config& c, const std::string& v) { c.web_root = v; }}},
      {"allowed-origin", {true, [](config& c, const std::string& v) { c.allowed_origins.push_back(v); }}},
      {"stun-uri", {true, [](config& c, const std::string& v) { c.stun_uris.push_back(v); }}},
      {"turn-uri", {true, [](config& c, const std::string& v) { c.turn_uris.push_back(v); }}},
      {"turn-secret", {false, [](config& c, const std::string& v) { c.turn_secret = v; }}},
      {"turn-ttl", {false, [](config& c, const std::string& v) { c.turn_ttl = parse_int("turn-ttl", v, 1, 7 * 24 * 3600); }}},
      {"ping-interval", {false, [](config& c, const std::string& v) { c.ping_interval_ms = static_cast<int>(parse_seconds("ping-interval", v, false) * 1000); }}},
      {"ping-timeout", {false, [](config& c, const std::string& v) { c.ping_timeout_ms = static_cast<int>(parse_seconds("ping-timeout", v, false) * 1000); }}},
      {"log-level", {false, [](config& c, const std::string& v) { c.log_level = v; }}},
      {"max-sockets-per-user", {false, [](config& c, const std::string& v) {
                                  c.max_sockets_per_user = parse_int("max-sockets-per-user", v, 0, 100'000);
                                }}},
      {"max-connections", {false, [](config& c, const std::string& v) {
                             c.max_connections = parse_int("max-connections", v, 1, 1'000'000);
                           }}},
      {"max-payload", {false, [](config& c, const std::string& v) {
                         c.max_payload = parse_int("max-payload", v, 1024, 64 * 1024 * 1024);
                       }}},
      {"connect-timeout", {false, [](config& c, const std::string& v) {
                             c.connect_timeout = parse_seconds("connect-timeout", v, false);
                           }}},
      {"message-rate-limit", {false, [](config& c, const std::string& v) {
                                if (v == "0") {
                                  c.message_burst = 0;
                                  return;
                                }
                                const auto slash = v.find('/');
                                if (slash == std::string::npos)
                                  throw std::invalid_argument("--message-rate-limit must be COUNT/SECONDS or 0, not '" + v + "'");
                                c.message_burst = parse_int("message-rate-limit", v.substr(0, slash), 1, 1'000'000);
                                c.message_window = parse_seconds("message-rate-limit", v.substr(slash + 1), false);
                              }}},
      {"run-workers", {false, [](config& c, const std::string& v) { c.run_workers = parse_int("run-workers", v, 1, 256); }}},
      {"auth-rate-limit", {false, [](config& c, const std::string& v) {
                             if (v == "0") {
                               c.auth_rate_count = 0;
                               return;
                             }
                             const auto slash = v.find('/');
                             if (slash == std::string::npos)
                               throw std::invalid_argument("--auth-rate-limit must be COUNT/SECONDS or 0, not '" + v + "'");
                             c.auth_rate_count = parse_int("auth-rate-limit", v.substr(0, slash), 0, 1'000'000);
                             c.auth_rate_window = parse_seconds("auth-rate-limit", v.substr(slash + 1), false);
                           }}},
      {"round-minutes", {false, [](config& c, const std::string& v) { c.round_minutes = parse_int("round-minutes", v, 1, 600); }}},
      // Web Push
      {"push", {false, [](config& c, const std::string& v) {
                  if (v != "on" && v != "off") throw std::invalid_argument("--push must be on or off, not '" + v + "'");
                  c.push = v == "on";
                }}},
      {"vapid-key-file", {false, [](config& c, const std::string& v) { c.vapid_key_file = v; }}},
      {"vapid-subject", {false, [](config& c, const std::string& v) { c.vapid_subject = v; }}},
      {"push-allow-origin", {true, [](config& c, const std::string& v) { c.push_allow_origins.push_back(v); }}},
  };
}

std::string env_name(const std::string& flag) {
  std::string out = "MOCKMATE_";
  for (char ch : flag) out.push_back(ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  return out;
}

} // namespace

config parse_config(const std::vector<std::string>& args, const char* const* envp) {
  config c;
  const auto table = flags();
  std::map<std::string, std::string> env;
  for (auto e = envp; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq) env.emplace(std::string(*e, eq), std::string(eq + 1));
  }
  std::map<std::string, std::vector<std::string>> given;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument '" + a + "'\n" + usage());
    std::string name = a.substr(2), value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else {
      if (i + 1 >= args.size()) throw std::invalid_argument("--" + name + " needs a value");
      value = args[++i];
    }
    if (!table.count(name)) throw std::invalid_argument("unknown flag --" + name + "\n" + usage());
    given[name].push_back(value);
  }
  for (const auto& [name, f] : table) {
    if (auto it = given.find(name); it != given.end()) {
      if (!f.repeatable && it->second.size() > 1) throw std::invalid_argument("--" + name + " given twice");
      for (const auto& v : it->second) f.set(c, v);
    } else if (auto e = env.find(env_name(name)); e != env.end() && !e->second.empty()) {
      if (f.repeatable)
        for (const auto& v : split_commas(e->second)) f.set(c, v);
      else
        f.set(c, e->second);
    }
  }
  return c;
}

std::string vapid_key_path(const config& cfg) {
  if (cfg.vapid_key_file) return *cfg.vapid_key_file;
  if (cfg.db.rfind("sqlite:", 0) == 0) {
    const auto parent = std::filesystem::path(cfg.db.substr(7)).parent_path();
    return (parent.empty() ? std::filesystem::path("vapid.pem") : parent / "vapid.pem").string();
  }
  return "data/vapid.pem";
}

std::string usage() {
  return "usage: mockmate serve [--listen HOST:PORT] [--db sqlite:PATH|postgresql://...] [--redis URL]\n"
         "                      [--invitation-ttl SECONDS] [--rejoin-grace SECONDS]\n"
         "                      [--invitation-rate-limit COUNT/SECONDS|0] [--web-root DIR]\n"
         "                      [--allowed-origin ORIGIN]... [--stun-uri URI]... [--turn-uri URI]...\n"
         "                      [--turn-secret SECRET] [--turn-ttl SECONDS]\n"
         "                      [--ping-interval SECONDS] [--ping-timeout SECONDS] [--log-level LEVEL]\n"
         "                      [--max-sockets-per-user COUNT|0] [--auth-rate-limit COUNT/SECONDS|0]\n"
         "                      [--max-connections COUNT] [--max-payload BYTES] [--connect-timeout SECONDS]\n"
         "                      [--message-rate-limit COUNT/SECONDS|0] [--round-minutes MINUTES] [--run-workers COUNT]\n"
         "                      [--push on|off] [--vapid-key-file PATH] [--vapid-subject mailto:...|https://...]\n"
         "                      [--push-allow-origin ORIGIN]...\n"
         "Every flag can also be set as MOCKMATE_<FLAG> in the environment (e.g. MOCKMATE_LISTEN).\n";
}

} // namespace mm::app
