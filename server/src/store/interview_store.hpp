#pragma once
// Interviews: the invitation and room transitions, and the reads over them. Each transition is
// one transaction that re-reads the interview and applies the domain's rules inside it
// (domain::check, domain::decide_send), so exactly one of several racing calls wins, whatever
// the interleaving.
#include "domain/error.hpp"
#include "domain/invitation_rules.hpp"
#include "domain/round_rules.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mm::store {

struct send_request {
  std::string room_id; // fresh, chosen by the caller
  std::string inviter_id;
  std::string invitee_id;
  std::vector<std::string> question_ids; // 1..5 distinct (the parser checked); existence is a rule
  domain::time_point now;
  domain::time_point expires_at;
  domain::time_point grace_deadline; // used when the invitation meets a mutual one and is accepted
  domain::send_rate_limit rate_limit;
};

// What one accepted invitation changed: the interview itself, and the other pending invitations
// of both participants that ended with reason busy.
struct acceptance {
  domain::interview iv;
  std::vector<domain::interview> ended_busy;
};

// A send's answer: everything the announcements after it need, so the send is one round trip.
struct send_result {
  domain::interview iv;
  bool met = false; // a mutual invitation was accepted instead of creating one
  std::vector<domain::interview> ended_busy;
  domain::profile inviter_profile; // as the transaction read them
  domain::profile invitee_profile;
};

struct join_result {
  domain::interview iv;
  bool started = false; // this join moved it to in_progress
};

struct history_filter {
  std::optional<domain::interview_status> status;
  std::optional<bool> as_inviter; // true: sent, false: received, nullopt: both
  int limit = 20;
  std::optional<std::pair<std::int64_t, std::string>> after; // (created_at ms, room id) of the last row seen
};

struct invitation_stats {
  std::int64_t sent = 0, received = 0, accepted = 0, rejected = 0, cancelled = 0, expired = 0;
  std::int64_t declined = 0;            // rejected by a person (not busy)
  std::vector<double> response_seconds; // of invitations answered by a person
};

struct timer_entry {
  std::string room_id;
  domain::time_point at;
};

class interview_store {
public:
  virtual ~interview_store() = default;
  // Reads the facts of domain::send_facts under the transaction's locks and applies
  // domain::decide_send: its failures, or the created invitation, or the met mutual one.
  virtual domain::outcome<send_result> send_invitation(const send_request& r) = 0;
  virtual domain::outcome<acceptance> accept(const std::string& room_id, const std::string& user_id, domain::time_point now,
                                             domain::time_point grace_deadline) = 0;
  virtual domain::outcome<domain::interview> reject(const std::string& room_id, const std::string& user_id,
                                                    domain::time_point now) = 0;
  virtual domain::outcome<domain::interview> cancel(const std::string& room_id, const std::string& user_id,
                                                    domain::time_point now) = 0;
  // Expires the invitation when it is still pending and due; nullopt when something else won.
  virtual std::optional<domain::interview> expire(const std::string& room_id, domain::time_point now) = 0;
  // Ends the running round too, at `now`.
  virtual domain::outcome<domain::interview> complete(const std::string& room_id, const std::string& user_id,
                                                      domain::time_point now) = 0;
  // The join that moves the interview to in_progress also starts round 1 (the inviter
  // interviews, the invitation's questions) at `now`, planned for `round_minutes`.
  virtual domain::outcome<join_result> join(const std::string& room_id, const std::string& user_id, domain::time_point now,
                                            int round_minutes = domain::default_round_minutes) = 0;
  // The user's last socket left the room: not present, and in_progress gets `grace_deadline`.
  virtual std::optional<domain::interview> leave(const std::string& room_id, const std::string& user_id,
                                                 domain::time_point grace_deadline) = 0;
  // Abandons an active interview whose grace deadline passed with a participant missing, and
  // ends its running round at `now`.
  virtual std::optional<domain::interview> abandon_if_due(const std::string& room_id, domain::time_point now) = 0;

  virtual std::optional<domain::interview> find_interview(const std::string& room_id) = 0;
  virtual std::vector<domain::interview> history(const std::string& user_id, const history_filter& f) = 0;
  virtual std::vector<domain::interview> pending_for_invitee(const std::string& user_id, domain::time_point now) = 0;
  // The accepted or in-progress interview of the user, if any.
  virtual std::optional<domain::interview> active_interview(const std::string& user_id) = 0;
  // nullopt: over everyone.
  virtual invitation_stats stats(const std::optional<std::string>& user_id) = 0;

  // Start-up: participants of active interviews count as gone; in_progress ones get `grace_deadline`.
  virtual void reset_presence(domain::time_point grace_deadline) = 0;
  virtual std::vector<timer_entry> pending_deadlines() = 0; // pending invitations' expires_at
  virtual std::vector<timer_entry> grace_deadlines() = 0;   // active interviews' grace deadlines
};

} // namespace mm::store
