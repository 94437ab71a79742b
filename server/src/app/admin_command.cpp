#include "app/admin_command.hpp"

#include "domain/time.hpp"
#include "services/secrets.hpp"
#include "services/views.hpp"
#include "store/store.hpp"

#include <boost/json/serialize.hpp>
#include <sodium.h>

#include <charconv>
#include <chrono>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace mm::app {

namespace {

struct create_users_args {
  long count = 0;
  std::string db = "sqlite:data/mockmate.db";
  std::string out; // empty: standard output
  std::string password = "load-test-password";
};

create_users_args parse_create_users(const std::vector<std::string>& args) {
  create_users_args a;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const auto& flag = args[i];
    if (i + 1 >= args.size()) throw std::invalid_argument(flag + " needs a value\n" + admin_usage());
    const auto& value = args[++i];
    if (flag == "--count") {
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), a.count);
      if (ec != std::errc() || p != value.data() + value.size() || a.count < 1 || a.count > 10'000'000)
        throw std::invalid_argument("--count must be a whole number from 1 to 10000000, not '" + value + "'");
    } else if (flag == "--db") {
      a.db = value;
    } else if (flag == "--out") {
      a.out = value;
    } else if (flag == "--password") {
      a.password = value;
    } else {
      throw std::invalid_argument("unknown flag " + flag + "\n" + admin_usage());
    }
  }
  if (a.count == 0) throw std::invalid_argument("--count is required\n" + admin_usage());
  return a;
}

std::string shared_hash(const std::string& password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), 2, 19u * 1024 * 1024) != 0)
    throw std::runtime_error("out of memory hashing the shared password");
  return out;
}

domain::profile load_profile(long i) {
  static const char* const topics[] = {"algorithms", "system-design", "behavioral", "graphs", "dynamic-programming"};
  static const domain::experience_level levels[] = {domain::experience_level::junior, domain::experience_level::mid,
                                                    domain::experience_level::senior};
  domain::profile p;
  p.headline = "Load test user";
  p.target_role = "Software Engineer";
  p.level = levels[i % 3];
  p.topics = {topics[i % 5], topics[(i + 1) % 5]};
  p.languages = {"English"};
  p.timezone = "UTC";
  p.available = true;
  return p;
}

int create_users(const std::vector<std::string>& args) {
  const auto a = parse_create_users(args);
  auto db = store::create_store(a.db);
  db->migrate();
  const auto hash = shared_hash(a.password);
  std::ofstream file;
  if (!a.out.empty()) {
    file.open(a.out, std::ios::out | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + a.out);
  }
  std::ostream& out = a.out.empty() ? std::cout : file;
  // A run tag keeps the e-mail addresses of several runs on one database apart.
  const auto tag = services::new_id("r").substr(2, 8);
  const auto now = std::chrono::time_point_cast<domain::milliseconds>(std::chrono::system_clock::now());
  const auto lifetime = domain::milliseconds{30LL * 24 * 3600 * 1000};
  for (long i = 0; i < a.count; ++i) {
    const auto n = std::to_string(i);
    domain::user u{services::new_id("u"), "load-" + tag + "-" + n + "@load.test", "Load User " + n, now};
    auto created = db->create_user(u, hash);
    if (!created) throw std::runtime_error("creating user " + n + ": " + created.error().message);
    db->put_profile(created->id, load_profile(i));
    const auto token = services::new_token();
    db->create_session(services::token_digest(token), store::session_record{created->id, now, now, now + lifetime});
    out << created->id << ' ' << token << '\n';
  }
  out.flush();
  if (!out) throw std::runtime_error("writing the tokens failed");
  std::cerr << "mockmate: created " << a.count << " users\n";
  return 0;
}

// `admin reports --db URL [--json]`: every report, newest first, for moderators.
int list_reports(const std::vector<std::string>& args) {
  std::string db_url = "sqlite:data/mockmate.db";
  bool as_json = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--json") {
      as_json = true;
    } else if (args[i] == "--db") {
      if (i + 1 >= args.size()) throw std::invalid_argument("--db needs a value\n" + admin_usage());
      db_url = args[++i];
    } else {
      throw std::invalid_argument("unknown flag " + args[i] + "\n" + admin_usage());
    }
  }
  auto db = store::create_store(db_url);
  db->migrate();
  const auto reports = db->list_reports();
  if (as_json) {
    boost::json::array out;
    for (const auto& r : reports) out.push_back(services::report_json(r));
    std::cout << boost::json::serialize(boost::json::object{{"reports", std::move(out)}}) << '\n';
    return 0;
  }
  if (reports.empty()) std::cout << "no reports\n";
  // One block per report; details last, indented, as the reporter wrote them.
  for (const auto& r : reports) {
    std::cout << domain::to_iso8601(r.created_at) << "  " << domain::to_string(r.reason) << "  " << r.reporter.name << " ("
              << r.reporter.id << ") reported " << r.reported.name << " (" << r.reported.id << ")";
    if (r.room_id) std::cout << "  room " << *r.room_id;
    std::cout << "  [" << r.id << "]\n";
    if (r.details) {
      std::string indented = "    ";
      for (const char ch : *r.details) {
        indented += ch;
        if (ch == '\n') indented += "    ";
      }
      std::cout << indented << '\n';
    }
  }
  std::cout.flush();
  return 0;
}

} // namespace

std::string admin_usage() {
  return "usage: mockmate admin create-users --count N [--db sqlite:PATH|postgresql://...] [--out FILE]\n"
         "                                   [--password PASSWORD]\n"
         "Creates N users with complete profiles and one session each; writes \"<userId> <token>\" lines.\n"
         "       mockmate admin reports [--db sqlite:PATH|postgresql://...] [--json]\n"
         "Lists the users' reports, newest first (--json: {\"reports\": [...]} for tools).\n";
}

int admin_command(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "create-users") return create_users(args);
  if (!args.empty() && args[0] == "reports") return list_reports(args);
  throw std::invalid_argument(admin_usage());
}

} // namespace mm::app
