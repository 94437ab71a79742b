#pragma once
// Running code (API.md v2, "Running code"): a participant's run of the round's code, once on
// their stdin or once per test of the round's questions, in the sandbox's worker pool; the
// runs of an interview; the runtimes this server offers. Code, stdin and output are user
// content: never logged.
//
// Threads: every member runs on the I/O executor (ctx.io). The sandbox runs on its pool's
// threads; its start and completion notices are posted back to ctx.io, where the store is
// updated (through the database executor) and run-started / run-finished published.
#include "services/context.hpp"
#include "services/requests.hpp"

#include "domain/run.hpp"
#include "sandbox/pool.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mm::services {

class run_service {
public:
  explicit run_service(context& ctx);
  ~run_service();

  // The sandbox's start-up check is under way (on a thread of its own): runs and the runtimes
  // wait for attach() instead of answering at once.
  void checking();
  // The start-up check ended with `report`; runs go to `workers` (null: no sandbox at all),
  // which must outlive this service. A report that is not confined turns runs off
  // (`unavailable`).
  void attach(sandbox::pool* workers, sandbox::self_test_report report);
  // Shutdown: no new runs; the pool is shut down (running executions killed, queued ones not
  // run), and the runs it finishes are written and announced while ctx.io still runs.
  boost::asio::awaitable<void> stop();

  // {runtimes: [{language, version}]}: the languages whose trial passed ([] without a sandbox).
  boost::asio::awaitable<boost::json::object> runtimes();

  // POST .../runs: validation_failed for the request (run_request's parser checked the types);
  // not_found for strangers; conflict unless accepted or in_progress; unavailable without a
  // working sandbox for the language (or a full queue); the store's conflict (a run under
  // way) and rate_limited. Answers the queued run once stored; every tab of both participants
  // gets run-started {run}, and run-finished {run} when it is done.
  boost::asio::awaitable<domain::outcome<domain::run>> start(std::string user_id, std::string room_id, run_request r);
  // GET .../runs (newest first) and .../runs/:runId: participants only (not_found otherwise),
  // during and after the interview.
  boost::asio::awaitable<domain::outcome<std::vector<domain::run>>> list(std::string user_id, std::string room_id);
  boost::asio::awaitable<domain::outcome<domain::run>> find(std::string user_id, std::string room_id, std::string run_id);

private:
  struct pending; // a run between its submission and its finish
  boost::asio::awaitable<void> wait_for_check();
  boost::asio::awaitable<void> mark_running(std::string run_id);
  boost::asio::awaitable<void> finish(std::shared_ptr<pending> p, sandbox::job_result result);

  context& ctx_;
  sandbox::pool* workers_ = nullptr;
  std::optional<sandbox::self_test_report> report_;
  bool checking_ = false;
  std::unique_ptr<boost::asio::steady_timer> checked_; // cancelled when the check ends
  bool stopping_ = false;
  std::size_t unfinished_ = 0; // submitted and not yet written as finished
};

} // namespace mm::services
