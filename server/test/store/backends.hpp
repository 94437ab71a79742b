#pragma once
// The store backends the store suite runs against (DESIGN.md: one store test suite, every backend).
//
// - "sqlite": always; a fresh file per test in /dev/shm when there is one (memory: the suite
//   commits with synchronous=FULL, which on a disk costs an fsync per transaction), else in
//   the system temp folder.
// - "postgres": always instantiated, so that the tests exist whatever the environment was at
//   build time; they run when MOCKMATE_TEST_PG_URL holds a postgresql:// URL (e.g.
//   `export MOCKMATE_TEST_PG_URL=$(scripts/pg-test-server.sh start)`) and are skipped, with the
//   reason, when it does not (a skip scripts/test.sh reports, and fails under CI). Each test gets its
//   own schema: the first open of a test id (re)creates schema `mmt_<test id>` with psql, then opens
//   `create_store(URL + "?options=-csearch_path%3Dmmt_<test id>%20-cclient_min_messages%3Dwarning")`
//   (`&` instead of `?` when the URL has a query already), so the PostgreSQL backend must keep
//   every table it creates and every statement it runs inside the connection's search_path (no
//   schema-qualified names), and
//   `migrate()` must build an empty schema from nothing. The schema is dropped after the test.
//
// `open(test_id)` may be called several times with one id: every call is a new, independent
// store (its own connections) on the same database, which is how the concurrency tests play
// several server nodes. The first call for an id gets an empty, migrated database.
#include "store/store.hpp"

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace mm::test {

struct backend {
  std::string name;
  // A migrated store on the database of `test_id` (letters, digits and underscores, unique per
  // test and process, at most 50 characters).
  std::function<std::unique_ptr<mm::store::store>(const std::string& test_id)> open;
  // Deletes the database of `test_id`; called before the first open and after the test.
  std::function<void(const std::string& test_id)> drop;
  // Why this backend cannot run here (its tests are skipped); empty when it can.
  std::string unavailable = {};
};

namespace detail {

inline std::string sqlite_path(const std::string& test_id) {
  std::error_code ec;
  const std::filesystem::path shm = "/dev/shm";
  const auto dir = std::filesystem::is_directory(shm, ec) && ::access(shm.c_str(), W_OK) == 0
                       ? shm
                       : std::filesystem::temp_directory_path();
  return (dir / ("mockmate_store_" + test_id + ".db")).string();
}

inline backend sqlite_backend() {
  return {"sqlite",
          [](const std::string& test_id) {
            auto s = mm::store::create_store("sqlite:" + sqlite_path(test_id));
            s->migrate();
            return s;
          },
          [](const std::string& test_id) {
            std::error_code ignored;
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
              std::filesystem::remove(sqlite_path(test_id) + suffix, ignored);
          }};
}

inline void psql(const std::string& url, const std::string& sql) {
  const std::string command =
      "PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 '" + url + "' -c '" + sql + "' >/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("psql failed: " + sql);
}

// The test ids whose schema this process made: the first open of an id makes it afresh, drop
// removes only those (a test id is unique per process, so there is nothing else to remove).
struct schema_registry {
  std::mutex mutex;
  std::set<std::string> made;
  bool make(const std::string& test_id) {
    std::lock_guard lock(mutex);
    return made.insert(test_id).second;
  }
  bool forget(const std::string& test_id) {
    std::lock_guard lock(mutex);
    return made.erase(test_id) > 0;
  }
};
inline schema_registry& schemas() {
  static schema_registry registry;
  return registry;
}

inline backend postgres_backend(std::string url) {
  return {"postgres",
          [url](const std::string& test_id) {
            const std::string schema = "mmt_" + test_id;
            if (schemas().make(test_id)) psql(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
            const char joint = url.find('?') == std::string::npos ? '?' : '&';
            auto s = mm::store::create_store(url + joint + "options=-csearch_path%3D" + schema + "%20-cclient_min_messages%3Dwarning");
            s->migrate();
            return s;
          },
          [url](const std::string& test_id) {
            if (schemas().forget(test_id)) psql(url, "DROP SCHEMA IF EXISTS mmt_" + test_id + " CASCADE");
          }};
}

} // namespace detail

inline std::vector<backend> test_backends() {
  std::vector<backend> out{detail::sqlite_backend()};
  if (const char* url = std::getenv("MOCKMATE_TEST_PG_URL"); url && *url) out.push_back(detail::postgres_backend(url));
  else out.push_back({"postgres", nullptr, nullptr, "MOCKMATE_TEST_PG_URL is not set (scripts/pg-test-server.sh start)"});
  return out;
}

// A unique id for the running test: its name made safe, the process id and a counter.
inline std::string unique_test_id(const std::string& test_name) {
  static int counter = 0;
  std::string safe;
  for (char c : test_name) {
    if (safe.size() >= 30) break;
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) safe += c;
    else if (c >= 'A' && c <= 'Z') safe += static_cast<char>(c - 'A' + 'a');
    else if (!safe.empty() && safe.back() != '_') safe += '_';
  }
  return safe + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

} // namespace mm::test
