#pragma once
// The rules of sending an invitation (API.md, "Interview lifecycle"), decided over the facts the
// send's transaction read. Both store backends read the facts under their locks and call
// decide_send inside the same transaction, so the rules and their sentences live here once. Pure.
#include "domain/error.hpp"
#include "domain/time.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mm::domain {

// At most `count` invitations created per inviter in any `window`; a count of 0: no limit.
struct send_rate_limit {
  int count = 0;
  milliseconds window{0};
};

// What the transaction read, each fact as of its locks.
struct send_facts {
  bool to_self = false;                    // the inviter invites themselves
  bool questions_exist = false;            // every questionId names a question
  std::optional<std::string> invitee_name; // nullopt: no user with that id
  bool blocked = false;                    // either of the two blocked the other (treated as unknown)
  bool invitee_available = false;          // the invitee's do-not-disturb switch is off
  bool inviter_active = false;             // the inviter is in an accepted or in-progress interview
  std::optional<std::string> mutual_room;  // the invitee's live invitation to the inviter
  bool inviter_inviting = false;           // the inviter has a live invitation out already
  bool invitee_active = false;             // the invitee is in an accepted or in-progress interview
  // When the inviter's invitations within the rate window were created, oldest first (read only
  // when the limit is on).
  std::vector<time_point> recent_sends;
};

// Create the pending invitation.
struct create_invitation {
  bool operator==(const create_invitation&) const = default;
};
// Accept the invitee's invitation to the inviter instead (the two meet; its questions stand).
struct meet_invitation {
  std::string room_id;
  bool operator==(const meet_invitation&) const = default;
};
using send_verdict = std::variant<create_invitation, meet_invitation>;

// Failures, in this order: validation_failed (inviting oneself, then unknown questions);
// not_found (no such invitee, or a blocked pair: the same answer, so a blocked user learns nothing
// an unknown id would not tell); invitee_busy (unavailable); conflict (the inviter is in an
// interview). Then a mutual invitation meets. Then conflict (the inviter is inviting someone
// already), invitee_busy (in an interview), rate_limited with retry_after_seconds (at least 1).
outcome<send_verdict> decide_send(const send_facts& f, const send_rate_limit& limit, time_point now);

} // namespace mm::domain
