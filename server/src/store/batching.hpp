#pragma once
// Group commit: a backend that can run many store calls in one transaction and commit them with
// one write to disk (SQLite: sqlite/group_commit.hpp) offers a batch_runner; the database
// executor (services/db_executor.hpp) feeds it the calls that queued up while the previous
// batch ran. PostgreSQL offers none: its pool commits each call by itself.
#include <cstdint>
#include <exception>
#include <span>

namespace mm::store {

// One queued store call, type-erased by the database executor.
class batch_call {
public:
  // Runs the call on the database thread and keeps its result or exception; returns what it
  // threw, or null. The runner may run it again after rolling its changes back (the last run
  // counts).
  virtual std::exception_ptr run() noexcept = 0;
  // The answer is final: resumes the caller with the result run() kept, or with `failure`
  // instead when it is set (the batch did not commit). Called exactly once per call taken.
  virtual void answer(std::exception_ptr failure) noexcept = 0;

protected:
  ~batch_call() = default;
};

class batch_runner {
public:
  virtual ~batch_runner() = default;
  // Runs calls from the front of `calls`, in order, in one transaction, each isolated from the
  // others: a call that throws, or leaves its own transaction uncommitted, undoes only its own
  // changes. Then commits once and answers them. Answers a call only when what it read or
  // wrote is on disk: a call that wrote nothing and ran before any write of the batch is
  // answered at once; if the batch cannot take the write lock or commit, every other call of
  // it is answered with that store_error and none of its changes remain. Stops taking calls
  // when the time budget of a batch is spent, or when SQLite ended the transaction by itself
  // (I/O error, disk full). Returns how many calls it took (at least one when `calls` is not
  // empty); the others were not touched. Call on the database thread only.
  virtual std::size_t run_batch(std::span<batch_call* const> calls) = 0;
  // Write transactions committed so far; readable from any thread.
  virtual std::uint64_t commits() const = 0;
};

} // namespace mm::store
