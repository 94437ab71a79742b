#pragma once
// Where things are kept. One interface per aggregate, each in its own header (user_store,
// session_store, question_store, interview_store, feedback_store, round_store: a new aggregate is a new
// header and one more base here), one `store` that has them all, and `create_store(url)` that
// picks the backend. Every call is synchronous and blocking: callers run them on the database
// executor (services/db_executor.hpp), never on an I/O thread.
#include "store/batching.hpp"
#include "store/chat_store.hpp"
#include "store/feedback_store.hpp"
#include "store/interview_store.hpp"
#include "store/push_store.hpp"
#include "store/question_store.hpp"
#include "store/round_store.hpp"
#include "store/run_store.hpp"
#include "store/session_store.hpp"
#include "store/trust_store.hpp"
#include "store/user_store.hpp"
#include "store/workspace_store.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace mm::store {

using domain::outcome;
using domain::time_point;

class store : public user_store, public session_store, public question_store, public interview_store, public feedback_store,
              public trust_store,
              public round_store,
              public push_store,
              public workspace_store, public chat_store, public run_store {
public:
  // Applies the numbered migrations not applied yet and seeds the question bank once.
  virtual void migrate() = 0;
  // Cheap liveness probe (SELECT 1).
  virtual bool healthy() = 0;
  // How many threads the database executor should give this store: 1 for SQLite (one connection,
  // serialized), the connection pool's size for PostgreSQL (safe to call from that many at once).
  virtual std::size_t preferred_threads() const { return 1; }
  // Group commit for the database executor, or null when each call commits by itself.
  virtual batch_runner* batching() { return nullptr; }
};

struct open_options {
  // SQLite: this process is the file's only user (PRAGMA locking_mode=EXCLUSIVE) and nothing
  // else can open it while the store lives. `serve` sets it unless nodes share the file.
  bool exclusive = false;
};

// `url`: "sqlite:PATH" (PATH's folder is created) or "postgresql://...". Throws std::runtime_error
// for an unknown scheme or a database that cannot be opened (bad start-up configuration).
std::unique_ptr<store> create_store(const std::string& url, const open_options& options = {});

} // namespace mm::store
