#pragma once
// Where things are kept. One interface per aggregate, one `store` that has them all, and
// `create_store(url)` that picks the backend. Every call is synchronous and blocking: callers run
// them on the database executor (services/db_executor.hpp), never on an I/O thread.
// Transitions that must be atomic (send, answer, cancel, expire, join, leave, abandon) are
// each one transaction that re-reads the interview and applies domain::check inside it, so
// exactly one of several racing calls wins, whatever the interleaving.
#include "domain/error.hpp"
#include "domain/types.hpp"
#include "store/batching.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mm::store {

using domain::outcome;
using domain::time_point;

struct credentials {
  domain::user user;
  std::string password_hash;
};

struct session_record {
  std::string user_id;
  time_point created_at;
  time_point last_seen_at;
  time_point expires_at; // absolute end
};

struct candidate {
  domain::user user;
  domain::profile prof;
};

class user_store {
public:
  virtual ~user_store() = default;
  // conflict when the (normalized) email is taken.
  virtual outcome<domain::user> create_user(const domain::user& u, const std::string& password_hash) = 0;
  virtual std::optional<credentials> find_credentials(const std::string& email) = 0;
  virtual std::optional<domain::user> find_user(const std::string& id) = 0;
  virtual domain::profile get_profile(const std::string& user_id) = 0;
  virtual void put_profile(const std::string& user_id, const domain::profile& p) = 0;
  // Users with complete profiles who are available, except `exclude_id`.
  virtual std::vector<candidate> partner_candidates(const std::string& exclude_id) = 0;
  // The users among `ids` that exist, with their profiles.
  virtual std::vector<candidate> find_users(const std::vector<std::string>& ids) = 0;
};

class session_store {
public:
  virtual ~session_store() = default;
  virtual void create_session(const std::string& token_hash, const session_record& s) = 0;
  virtual std::optional<session_record> find_session(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, time_point at) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void record_login_failure(const std::string& email, time_point at) = 0;
  // Failures since `since`, oldest first.
  virtual std::vector<time_point> login_failures(const std::string& email, time_point since) = 0;
  virtual void clear_login_failures(const std::string& email) = 0;
};

struct question_filter {
  std::optional<std::string> category;
  std::optional<std::string> difficulty;
  std::optional<std::string> text; // case-insensitive substring of title or body
};

class question_store {
public:
  virtual ~question_store() = default;
  virtual std::vector<domain::question> list_questions(const question_filter& f) = 0;
  // The questions with these ids, in the given order; missing ids are left out.
  virtual std::vector<domain::question> find_questions(const std::vector<std::string>& ids) = 0;
};

struct send_request {
  std::string room_id; // fresh, chosen by the caller
  std::string inviter_id;
  std::string invitee_id;
  std::vector<std::string> question_ids; // validated: 1..5 distinct existing
  time_point now;
  time_point expires_at;
  time_point grace_deadline; // used when the invitation meets a mutual one and is accepted
  int rate_limit = 0;        // at most this many created in `rate_window`; 0: no limit
  domain::milliseconds rate_window{0};
};

// What one accepted invitation changed: the interview itself, and the other pending invitations
// of both participants that ended with reason busy.
struct acceptance {
  domain::interview iv;
  std::vector<domain::interview> ended_busy;
};

struct send_result {
  domain::interview iv;
  bool met = false; // a mutual invitation was accepted instead of creating one
  std::vector<domain::interview> ended_busy;
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
  std::int64_t declined = 0; // rejected by a person (not busy)
  std::vector<double> response_seconds; // of invitations answered by a person
};

struct timer_entry {
  std::string room_id;
  time_point at;
};

class interview_store {
public:
  virtual ~interview_store() = default;
  // Applies the lifecycle's send rules in one transaction: not_found (invitee), invitee_busy,
  // conflict (inviter busy or already inviting), rate_limited; or meets a mutual invitation.
  virtual outcome<send_result> send_invitation(const send_request& r) = 0;
  virtual outcome<acceptance> accept(const std::string& room_id, const std::string& user_id, time_point now,
                                     time_point grace_deadline) = 0;
  virtual outcome<domain::interview> reject(const std::string& room_id, const std::string& user_id, time_point now) = 0;
  virtual outcome<domain::interview> cancel(const std::string& room_id, const std::string& user_id, time_point now) = 0;
  // Expires the invitation when it is still pending and due; nullopt when something else won.
  virtual std::optional<domain::interview> expire(const std::string& room_id, time_point now) = 0;
  virtual outcome<domain::interview> complete(const std::string& room_id, const std::string& user_id, time_point now) = 0;
  virtual outcome<join_result> join(const std::string& room_id, const std::string& user_id, time_point now) = 0;
  // The user's last socket left the room: not present, and in_progress gets `grace_deadline`.
  virtual std::optional<domain::interview> leave(const std::string& room_id, const std::string& user_id,
                                                 time_point grace_deadline) = 0;
  // Abandons an active interview whose grace deadline passed with a participant missing.
  virtual std::optional<domain::interview> abandon_if_due(const std::string& room_id, time_point now) = 0;

  virtual std::optional<domain::interview> find_interview(const std::string& room_id) = 0;
  virtual std::vector<domain::interview> history(const std::string& user_id, const history_filter& f) = 0;
  virtual std::vector<domain::interview> pending_for_invitee(const std::string& user_id, time_point now) = 0;
  // The accepted or in-progress interview of the user, if any.
  virtual std::optional<domain::interview> active_interview(const std::string& user_id) = 0;
  // nullopt: over everyone.
  virtual invitation_stats stats(const std::optional<std::string>& user_id) = 0;

  // Start-up: participants of active interviews count as gone; in_progress ones get `grace_deadline`.
  virtual void reset_presence(time_point grace_deadline) = 0;
  virtual std::vector<timer_entry> pending_deadlines() = 0; // pending invitations' expires_at
  virtual std::vector<timer_entry> grace_deadlines() = 0;   // active interviews' grace deadlines

  // conflict unless completed or abandoned, or when this participant already gave feedback.
  virtual outcome<domain::feedback> add_feedback(const domain::feedback& f) = 0;
  virtual std::vector<domain::feedback> list_feedback(const std::string& room_id) = 0;
};

class store : public user_store, public session_store, public question_store, public interview_store {
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
