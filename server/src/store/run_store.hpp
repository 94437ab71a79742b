#pragma once
// Code runs (API.md v2, "Running code"): kept with the interview from the request to the verdict.
// The sandbox runs them; the store keeps what the contract's `run` object shows (the tests as
// JSON), not the code or the stdin.
#include "domain/error.hpp"
#include "domain/run.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::store {

class run_store {
public:
  virtual ~run_store() = default;
  // One transaction: not_found unless `r.by.id` is a participant of `r.room_id`; conflict unless
  // the interview is accepted or in_progress, or while another run of the interview is queued
  // or running; rate_limited (domain::check_rate over the interview's runs by created_at) at
  // `limit`. Otherwise stores `r` as queued and answers it as stored (by.name filled in).
  virtual domain::outcome<domain::run> create_run(const domain::run& r, const domain::rate_window& limit) = 0;
  // A queued run is running now; false when it is not queued (finished, unknown).
  virtual bool start_run(const std::string& run_id) = 0;
  // Writes the outcome of a run that is not finished yet (status finished, verdict, outputs,
  // tests, durationMs, finishedAt from `r`); answers the run as stored, nullopt when it was
  // finished already or is unknown.
  virtual std::optional<domain::run> finish_run(const domain::run& r) = 0;
  virtual std::optional<domain::run> find_run(const std::string& room_id, const std::string& run_id) = 0;
  // The interview's runs, newest first.
  virtual std::vector<domain::run> list_runs(const std::string& room_id) = 0;
  // Start-up of a lone node: every run left queued or running by a process that died is
  // finished with verdict runtime_error and `message` as its stderr at `now`. How many.
  virtual int finish_orphaned_runs(const std::string& message, domain::time_point now) = 0;
};

} // namespace mm::store
