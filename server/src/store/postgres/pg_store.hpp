#pragma once
// The PostgreSQL backend, for one node or several sharing one database. Safe to call from many
// threads: every call takes its own connection from a small pool for the length of its
// transaction. Atomic transitions are READ COMMITTED transactions that lock what they decide on,
// always in the same order (docs/decisions/0003-postgres.md):
//   1. the users involved, `SELECT ... FROM users WHERE id IN (...) ORDER BY id FOR UPDATE`
//      (send, accept: the per-user rules "one pending per inviter", "busy", "mutual meet" and the
//      accept cascade serialize per user),
//   2. the interview row, `SELECT ... FOR UPDATE`, re-read after the lock and checked with
//      domain::check,
//   3. the other interviews a cascade ends, in room id order,
// and then change rows with conditional updates (`WHERE status = 'pending'`). So exactly one of
// accept, reject, cancel and expiry wins a pending invitation, across nodes.
#include "store/postgres/pool.hpp"
#include "store/store.hpp"

#include <unordered_map>

namespace mm::store::postgres {

class pg_store final : public store {
public:
  // Connections: at most `pool_size`, opened on demand. Connects once here to fail fast on a bad
  // URL or an unreachable database (bad start-up configuration).
  pg_store(const std::string& url, std::size_t pool_size);

  std::size_t preferred_threads() const override { return pool_.max_size(); }

  void migrate() override;
  bool healthy() override;

  outcome<domain::user> create_user(const domain::user& u, const std::string& password_hash) override;
  std::optional<credentials> find_credentials(const std::string& email) override;
  std::optional<domain::user> find_user(const std::string& id) override;
  domain::profile get_profile(const std::string& user_id) override;
  void put_profile(const std::string& user_id, const domain::profile& p) override;
  std::vector<candidate> partner_candidates(const std::string& exclude_id) override;
  std::vector<candidate> find_users(const std::vector<std::string>& ids) override;

  void create_session(const std::string& token_hash, const session_record& s) override;
  std::optional<session_record> find_session(const std::string& token_hash) override;
  void touch_session(const std::string& token_hash, time_point at) override;
  void delete_session(const std::string& token_hash) override;
  void record_login_failure(const std::string& email, time_point at) override;
  std::vector<time_point> login_failures(const std::string& email, time_point since) override;
  void clear_login_failures(const std::string& email) override;

  std::vector<domain::question> list_questions(const question_filter& f) override;
  std::vector<domain::question> find_questions(const std::vector<std::string>& ids) override;

  outcome<send_result> send_invitation(const send_request& r) override;
  outcome<acceptance> accept(const std::string& room_id, const std::string& user_id, time_point now,
                             time_point grace_deadline) override;
  outcome<domain::interview> reject(const std::string& room_id, const std::string& user_id, time_point now) override;
  outcome<domain::interview> cancel(const std::string& room_id, const std::string& user_id, time_point now) override;
  std::optional<domain::interview> expire(const std::string& room_id, time_point now) override;
  outcome<domain::interview> complete(const std::string& room_id, const std::string& user_id, time_point now) override;
  outcome<join_result> join(const std::string& room_id, const std::string& user_id, time_point now,
                            int round_minutes) override;
  std::optional<domain::interview> leave(const std::string& room_id, const std::string& user_id,
                                         time_point grace_deadline) override;
  std::optional<domain::interview> abandon_if_due(const std::string& room_id, time_point now) override;
  std::optional<domain::interview> find_interview(const std::string& room_id) override;
  std::vector<domain::interview> history(const std::string& user_id, const history_filter& f) override;
  std::vector<domain::interview> pending_for_invitee(const std::string& user_id, time_point now) override;
  std::optional<domain::interview> active_interview(const std::string& user_id) override;
  invitation_stats stats(const std::optional<std::string>& user_id) override;
  void reset_presence(time_point grace_deadline) override;
  std::vector<timer_entry> pending_deadlines() override;
  std::vector<timer_entry> grace_deadlines() override;
  outcome<domain::feedback> add_feedback(const domain::feedback& f) override;
  std::vector<domain::feedback> list_feedback(const std::string& room_id) override;
  outcome<workspace_read> open_workspace(const workspace_target& t) override;
  outcome<push_result> push_workspace(const workspace_push& p) override;
  outcome<pull_result> pull_workspace(const workspace_target& t, std::int64_t version) override;
  outcome<workspace_read> set_workspace_language(const workspace_target& t, domain::code_language language) override;
  std::vector<workspace_doc> list_workspaces(const std::string& room_id) override;

  outcome<block_result> add_block(const std::string& blocker_id, const std::string& blocked_id, time_point now) override;
  bool remove_block(const std::string& blocker_id, const std::string& blocked_id) override;
  std::vector<domain::block> list_blocks(const std::string& blocker_id) override;
  std::vector<std::string> blocked_among(const std::string& user_id, const std::vector<std::string>& ids) override;
  std::unordered_map<std::string, domain::reliability> reliability_of(const std::vector<std::string>& ids) override;
  outcome<domain::report> add_report(const report_request& r) override;
  std::vector<domain::report> list_reports() override;
  outcome<domain::interview> start_round(const start_round_request& r) override;
  std::optional<domain::current_round_info> current_round(const std::string& room_id) override;
  outcome<saved_push_subscription> save_push_subscription(const push_subscription_record& s, int limit) override;
  std::vector<push_subscription_record> push_subscriptions(const std::string& user_id) override;
  bool delete_push_subscription(const std::string& user_id, const std::string& id) override;
  bool drop_push_subscription(const std::string& id) override;
  std::vector<push_subscription_record> notify_push_subscriptions(const std::string& user_id, const std::string& room_id,
                                                                  time_point now) override;
  void forget_push_notice(const std::string& room_id, const std::string& subscription_id) override;
  std::vector<push_subscription_record> take_push_notices(const std::string& room_id) override;

  outcome<chat_posted> add_chat_message(const domain::chat_message& m, const domain::rate_window& limit) override;
  std::vector<domain::chat_message> list_chat(const std::string& room_id, std::int64_t after_seq, int limit) override;

  outcome<domain::run> create_run(const domain::run& r, const domain::rate_window& limit) override;
  bool start_run(const std::string& run_id) override;
  std::optional<domain::run> finish_run(const domain::run& r) override;
  std::optional<domain::run> find_run(const std::string& room_id, const std::string& run_id) override;
  std::vector<domain::run> list_runs(const std::string& room_id) override;
  int finish_orphaned_runs(const std::string& message, time_point now) override;

private:
  pool pool_;
};

// The interview with its questions, read on `c` (inside the caller's transaction); pg_interviews.cpp.
std::optional<domain::interview> find_interview_in(connection& c, const std::string& room_id);

// The pool size when the URL does not choose one: store calls spend their time waiting on the
// network and on row locks, not on this machine's CPU, so a few more connections than cores keep
// the database busy; and PostgreSQL's default max_connections (100) leaves room for a dozen nodes.
inline constexpr std::size_t default_pool_size = 8;

// For create_store: `url` without the parameters meant for us, and the pool size they choose
// (`pool_size=N` in the query, 1 to 64; removed before the URL reaches libpq).
struct pg_url {
  std::string libpq_url;
  std::size_t pool_size = default_pool_size;
};
pg_url parse_url(const std::string& url);

} // namespace mm::store::postgres
