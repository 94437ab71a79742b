#include "store/sqlite/group_commit.hpp"

#include <algorithm>
#include <vector>

namespace mm::store::sqlite {
namespace {
constexpr std::string_view call_savepoint = "mm_call";

void answer_all(std::span<batch_call* const> calls, const std::exception_ptr& failure) {
  for (auto* call : calls) call->answer(failure);
}

bool is_busy(const std::exception_ptr& error) {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const store_error& e) {
    return e.busy;
  } catch (...) {
  }
  return false;
}
} // namespace

// The batch starts DEFERRED, so its reads never wait for another connection's writer (nodes
// sharing the file). When its first write cannot take the write lock (another connection holds
// it, or wrote since this batch's first read), every call before it has been answered already:
// the batch starts over IMMEDIATE, waiting out the busy timeout, and runs that call again.
std::size_t group_commit::run_batch(std::span<batch_call* const> calls) {
  const auto most = std::min(calls.size(), limits_.max_calls);
  if (most == 0) return 0;
  const auto started = std::chrono::steady_clock::now();
  std::vector<batch_call*> waiting; // answered once the commit is on disk
  waiting.reserve(most);
  batch_call* current = nullptr;    // taken, not yet answered nor waiting
  bool wrote = false;
  std::size_t taken = 0;
  try {
    db_.begin_batch(false);
    while (taken < most && (taken == 0 || std::chrono::steady_clock::now() - started < limits_.max_time)) {
      current = calls[taken++];
      const auto changes_before = db_.total_changes();
      db_.savepoint(call_savepoint);
      auto error = current->run();
      if (!wrote && is_busy(error) && db_.in_transaction()) {
        db_.rollback_batch();
        try {
          db_.begin_batch(true);
        } catch (const store_error&) {
          answer_all(calls.subspan(taken - 1, most - (taken - 1)), std::current_exception());
          return most;
        }
        db_.savepoint(call_savepoint);
        error = current->run();
      }
      const bool ok = error == nullptr;
      if (!db_.in_transaction()) {
        // SQLite rolled the whole transaction back on an error of this call (I/O error, disk
        // full): the call keeps its own exception, its batch-mates lost their changes.
        db_.rollback_batch();
        const auto lost = std::make_exception_ptr(store_error("the database rolled back a batch of changes", true));
        current->answer(ok ? lost : nullptr);
        answer_all(waiting, lost);
        return taken;
      }
      if (ok) db_.release(call_savepoint);
      else db_.rollback_to(call_savepoint);
      if (!wrote && db_.total_changes() == changes_before) {
        current->answer(nullptr); // it read only what earlier commits had put on disk
      } else {
        wrote = true;
        waiting.push_back(current);
      }
      current = nullptr;
    }
    if (wrote) db_.commit_batch();
    else db_.rollback_batch(); // nothing to write: every call is answered already
  } catch (const store_error&) {
    db_.rollback_batch();
    const auto failure = std::current_exception();
    if (current) current->answer(failure);
    answer_all(waiting, failure);
    return taken;
  }
  answer_all(waiting, nullptr);
  return taken;
}

} // namespace mm::store::sqlite
