#pragma once
// Blocks, reports and reliability (API.md v2, "Blocking, reports, reliability"). A block is one
// row (blocker, blocked); a pair is blocked when either row exists. Every query that lets one
// user reach another (partner_candidates, send_invitation, blocked_among) reads the blocks table
// itself, inside its own statement or transaction.
#include "domain/error.hpp"
#include "domain/trust_rules.hpp"
#include "domain/types.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace mm::store {

struct block_result {
  domain::block b;
  bool created = false;                // false: the block existed already (unchanged)
  std::vector<domain::interview> ended; // the pending invitations between the two it ended (reason blocked)
};

struct report_request {
  domain::report r; // id chosen by the caller; reporter.id, reported.id, room_id, reason, details, created_at
  domain::report_limit limit;
};

class trust_store {
public:
  virtual ~trust_store() = default;
  // One transaction: domain::check_block, the block (kept as it was when it exists), and every
  // pending invitation between the two ended as domain::blocked_ending says, reason blocked.
  virtual domain::outcome<block_result> add_block(const std::string& blocker_id, const std::string& blocked_id,
                                                  domain::time_point now) = 0;
  // False when the blocker had not blocked that user.
  virtual bool remove_block(const std::string& blocker_id, const std::string& blocked_id) = 0;
  // Whom the user blocked, newest first (never who blocked them).
  virtual std::vector<domain::block> list_blocks(const std::string& blocker_id) = 0;
  // The ids among `ids` that are blocked with `user_id`, either way.
  virtual std::vector<std::string> blocked_among(const std::string& user_id, const std::vector<std::string>& ids) = 0;

  // One query: the reliability of each existing user among `ids` (domain::make_reliability over
  // their completed interviews and the abandoned ones they were absent from, by reason).
  virtual std::unordered_map<std::string, domain::reliability> reliability_of(const std::vector<std::string>& ids) = 0;

  // One transaction: domain::check_report over what it reads, then the report (names filled in).
  virtual domain::outcome<domain::report> add_report(const report_request& r) = 0;
  // Every report, newest first.
  virtual std::vector<domain::report> list_reports() = 0;
};

} // namespace mm::store
