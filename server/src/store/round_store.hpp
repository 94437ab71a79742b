#pragma once
// Rounds and roles (API.md, "Rounds and roles"). Round 1 is written by interview_store::join in
// the transaction that moves the interview to in_progress, and the running round is ended by
// complete and abandon_if_due in theirs; this interface adds the switch to round 2 and the one
// question other features ask: which round is current, on which questions.
#include "domain/error.hpp"
#include "domain/round_rules.hpp"
#include "domain/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::store {

struct start_round_request {
  std::string room_id;
  std::string user_id;
  std::vector<std::string> question_ids; // 1..5 distinct (the parser checked); existence is checked here
  domain::time_point now;
  int planned_minutes = domain::default_round_minutes;
};

class round_store {
public:
  virtual ~round_store() = default;
  // start-round, in one transaction that locks and re-reads the interview and its rounds:
  // domain::check_start_round's failures (not_found, conflict unless in_progress, conflict for
  // a third round, forbidden for the current interviewer), then validation_failed for unknown
  // questions; then the running round ends at `now` and the next starts with the roles swapped
  // and these questions. Answers the interview as it is after. Of racing calls exactly one
  // starts round 2 (the others get conflict): the lock orders them, and the key (room, number)
  // refuses a second row whatever happens.
  virtual domain::outcome<domain::interview> start_round(const start_round_request& r) = 0;
  // The current round of the room (domain::current_round: the last round started, or round 1
  // with the invitation's questions before it starts); nullopt when there is no such room. The
  // one function for "the current round number and its questions": callers check access
  // themselves.
  virtual std::optional<domain::current_round_info> current_round(const std::string& room_id) = 0;
};

} // namespace mm::store
