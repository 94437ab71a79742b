#pragma once
// Group commit on one SQLite connection: the calls that queued up while the previous batch was
// being written run in one IMMEDIATE transaction, each inside a SAVEPOINT of its own, and share
// one COMMIT (one fsync of the WAL with synchronous=FULL).
#include "store/batching.hpp"
#include "store/sqlite/database.hpp"

#include <chrono>
#include <cstddef>

namespace mm::store::sqlite {

struct batch_limits {
  // A batch takes at most this many calls, and no more calls once it has run this long, so the
  // first caller of a busy batch waits a bounded time; a lone call commits at once.
  std::size_t max_calls = 128;
  std::chrono::microseconds max_time{5000};
};

class group_commit final : public batch_runner {
public:
  explicit group_commit(database& db, batch_limits limits = {}) : db_(db), limits_(limits) {}

  std::size_t run_batch(std::span<batch_call* const> calls) override;
  std::uint64_t commits() const override { return db_.commits(); }

private:
  database& db_;
  batch_limits limits_;
};

} // namespace mm::store::sqlite
