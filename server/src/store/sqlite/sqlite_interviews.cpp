// Interviews and feedback on SQLite. Each transition is one IMMEDIATE transaction that re-reads
// the interview and applies domain::check, so racing calls serialize and exactly one wins.
#include "domain/interview_rules.hpp"
#include "domain/invitation_rules.hpp"
#include "domain/enum_names.hpp"
#include "domain/reliability.hpp"
#include "store/list_codec.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>

namespace mm::store::sqlite {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::interview;
using domain::interview_status;
using domain::to_millis;

namespace {
constexpr std::string_view select_interview =
    "SELECT i.room_id, i.status, i.reason, i.inviter_id, a.name, i.invitee_id, b.name, i.created_at, i.expires_at, "
    "i.responded_at, i.started_at, i.ended_at, i.grace_deadline, i.inviter_present, i.invitee_present, "
    "i.inviter_joined_at IS NOT NULL, i.invitee_joined_at IS NOT NULL, i.absent_id, i.absent_reason, i.origin "
    "FROM interviews i JOIN users a ON a.id = i.inviter_id JOIN users b ON b.id = i.invitee_id ";

std::optional<domain::time_point> opt_time(const statement& q, int col) {
  if (auto v = q.opt_integer(col)) return from_millis(*v);
  return std::nullopt;
}
} // namespace

std::vector<interview> sqlite_store::read_interviews(statement& q) {
  std::vector<interview> out;
  while (q.step()) {
    interview iv;
    iv.room_id = q.text(0);
    iv.status = domain::parse_interview_status(q.text(1)).value_or(interview_status::pending);
    iv.reason = domain::parse_end_reason(q.opt_text(2).value_or("")).value_or(domain::end_reason::none);
    iv.inviter = {q.text(3), q.text(4)};
    iv.invitee = {q.text(5), q.text(6)};
    iv.created_at = from_millis(q.integer(7));
    iv.expires_at = from_millis(q.integer(8));
    iv.responded_at = opt_time(q, 9);
    iv.started_at = opt_time(q, 10);
    iv.ended_at = opt_time(q, 11);
    iv.grace_deadline = opt_time(q, 12);
    iv.inviter_present = q.integer(13) != 0;
    iv.invitee_present = q.integer(14) != 0;
    iv.inviter_joined = q.integer(15) != 0;
    iv.invitee_joined = q.integer(16) != 0;
    iv.absent = q.opt_text(17);
    iv.absent_reason = domain::parse_end_reason(q.opt_text(18).value_or("")).value_or(domain::end_reason::none);
    iv.origin = domain::parse_interview_origin(q.text(19)).value_or(domain::interview_origin::invitation);
    out.push_back(std::move(iv));
  }
  for (auto& iv : out) {
    auto qq = db_.query("SELECT q.id, q.title, q.body, q.category, q.difficulty, q.hints FROM interview_questions iq "
                        "JOIN questions q ON q.id = iq.question_id WHERE iq.room_id = ? ORDER BY iq.position");
    qq.bind(1, iv.room_id);
    while (qq.step())
      iv.questions.push_back({qq.text(0), qq.text(1), qq.text(2), qq.text(3), qq.text(4), split_list(qq.text(5))});
    if (iv.started_at) read_rounds(iv); // rounds exist only from the start on
  }
  return out;
}

std::vector<interview> sqlite_store::rooms(const std::string& where_sql, const std::string& bound) {
  auto q = db_.query(std::string(select_interview) + where_sql);
  if (!bound.empty()) q.bind(1, bound);
  return read_interviews(q);
}

std::optional<interview> sqlite_store::find_interview(const std::string& room_id) {
  auto found = rooms("WHERE i.room_id = ?1", room_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void sqlite_store::finish_pending(const std::string& room_id, std::string_view status, std::string_view reason,
                                  time_point now) {
  db_.query("UPDATE interviews SET status = ?, reason = ?, responded_at = ? WHERE room_id = ? AND status = 'pending'")
      .bind_all(status, reason, to_millis(now), room_id)
      .run();
}

// The facts of domain::send_facts, read inside the send's IMMEDIATE transaction (which holds
// the database's write lock, so nothing changes under them).
domain::send_facts sqlite_store::send_facts(const send_request& r) {
  domain::send_facts f;
  const auto now = to_millis(r.now);
  f.to_self = r.inviter_id == r.invitee_id;
  f.questions_exist = find_questions(r.question_ids).size() == r.question_ids.size();
  if (const auto invitee = find_user(r.invitee_id)) {
    f.invitee_name = invitee->name;
    f.invitee_available = get_profile(r.invitee_id).available;
    f.blocked = blocked_pair(r.inviter_id, r.invitee_id);
  }
  f.inviter_active = active_interview(r.inviter_id).has_value();
  auto mutual = db_.query("SELECT room_id FROM interviews WHERE status = 'pending' AND inviter_id = ? AND invitee_id = ? "
                          "AND expires_at > ?");
  if (mutual.bind_all(r.invitee_id, r.inviter_id, now).step()) f.mutual_room = mutual.text(0);
  auto pending = db_.query("SELECT 1 FROM interviews WHERE status = 'pending' AND inviter_id = ? AND expires_at > ?");
  f.inviter_inviting = pending.bind_all(r.inviter_id, now).step();
  f.invitee_active = active_interview(r.invitee_id).has_value();
  if (r.rate_limit.count > 0) {
    auto recent = db_.query("SELECT created_at FROM interviews WHERE inviter_id = ? AND created_at > ? ORDER BY created_at");
    recent.bind_all(r.inviter_id, now - r.rate_limit.window.count());
    while (recent.step()) f.recent_sends.push_back(from_millis(recent.integer(0)));
  }
  return f;
}

outcome<send_result> sqlite_store::send_invitation(const send_request& r) {
  transaction tx(db_);
  const auto verdict = domain::decide_send(send_facts(r), r.rate_limit, r.now);
  if (!verdict) return verdict.error();
  send_result out;
  if (const auto* meet = std::get_if<domain::meet_invitation>(&*verdict)) {
    auto accepted = accept_locked(meet->room_id, r.inviter_id, r.now, r.grace_deadline);
    if (!accepted) return accepted.error();
    out.iv = std::move(accepted->iv);
    out.met = true;
    out.ended_busy = std::move(accepted->ended_busy);
  } else {
    db_.query("INSERT INTO interviews (room_id, inviter_id, invitee_id, status, created_at, expires_at) "
              "VALUES (?, ?, ?, 'pending', ?, ?)")
        .bind_all(r.room_id, r.inviter_id, r.invitee_id, to_millis(r.now), to_millis(r.expires_at))
        .run();
    int position = 0;
    for (const auto& qid : r.question_ids)
      db_.query("INSERT INTO interview_questions (room_id, position, question_id) VALUES (?, ?, ?)")
          .bind_all(r.room_id, position++, qid)
          .run();
    out.iv = std::move(*find_interview(r.room_id));
  }
  out.inviter_profile = get_profile(r.inviter_id);
  out.invitee_profile = get_profile(r.invitee_id);
  tx.commit();
  return out;
}

outcome<acceptance> sqlite_store::accept_locked(const std::string& room_id, const std::string& user_id, time_point now,
                                                time_point grace_deadline) {
  auto iv = find_interview(room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::accept, now); !ok) return ok.error();
  db_.query("UPDATE interviews SET status = 'accepted', responded_at = ?, grace_deadline = ? "
            "WHERE room_id = ? AND status = 'pending'")
      .bind_all(to_millis(now), to_millis(grace_deadline), room_id)
      .run();

  acceptance result;
  for (const auto& person : {iv->inviter.id, iv->invitee.id}) {
    auto others = db_.query("SELECT room_id, inviter_id = ?1 FROM interviews WHERE status = 'pending' AND expires_at > ?2 "
                            "AND (inviter_id = ?1 OR invitee_id = ?1) AND room_id != ?3");
    others.bind_all(person, to_millis(now), room_id);
    std::vector<std::pair<std::string, bool>> ended;
    while (others.step()) ended.emplace_back(others.text(0), others.integer(1) != 0);
    for (const auto& [other_room, sent] : ended) {
      finish_pending(other_room, sent ? "cancelled" : "rejected", "busy", now);
      result.ended_busy.push_back(*find_interview(other_room));
    }
  }
  result.iv = *find_interview(room_id);
  return result;
}

outcome<acceptance> sqlite_store::accept(const std::string& room_id, const std::string& user_id, time_point now,
                                         time_point grace_deadline) {
  transaction tx(db_);
  auto result = accept_locked(room_id, user_id, now, grace_deadline);
  if (result) tx.commit();
  return result;
}

outcome<interview> sqlite_store::reject(const std::string& room_id, const std::string& user_id, time_point now) {
  transaction tx(db_);
  auto iv = find_interview(room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::reject, now); !ok) return ok.error();
  finish_pending(room_id, "rejected", "declined", now);
  auto done = find_interview(room_id);
  tx.commit();
  return *done;
}

outcome<interview> sqlite_store::cancel(const std::string& room_id, const std::string& user_id, time_point now) {
  transaction tx(db_);
  auto iv = find_interview(room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::cancel, now); !ok) return ok.error();
  finish_pending(room_id, "cancelled", "cancelled", now);
  auto done = find_interview(room_id);
  tx.commit();
  return *done;
}

std::optional<interview> sqlite_store::expire(const std::string& room_id, time_point now) {
  transaction tx(db_);
  auto q = db_.query("UPDATE interviews SET status = 'expired', reason = 'invite_timeout', responded_at = expires_at "
                     "WHERE room_id = ? AND status = 'pending' AND expires_at <= ?");
  q.bind_all(room_id, to_millis(now)).run();
  if (q.changes() == 0) return std::nullopt;
  auto done = find_interview(room_id);
  tx.commit();
  return done;
}

outcome<interview> sqlite_store::complete(const std::string& room_id, const std::string& user_id, time_point now) {
  transaction tx(db_);
  auto iv = find_interview(room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::complete, now); !ok) return ok.error();
  db_.query("UPDATE interviews SET status = 'completed', reason = 'completed', ended_at = ?, grace_deadline = NULL, "
            "inviter_present = 0, invitee_present = 0 WHERE room_id = ? AND status IN ('accepted', 'in_progress')")
      .bind_all(to_millis(now), room_id)
      .run();
  end_running_round(room_id, now);
  auto done = find_interview(room_id);
  tx.commit();
  return *done;
}

outcome<join_result> sqlite_store::join(const std::string& room_id, const std::string& user_id, time_point now,
                                       int round_minutes) {
  transaction tx(db_);
  auto iv = find_interview(room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::join, now); !ok) return ok.error();
  const bool inviter = user_id == iv->inviter.id;
  db_.query(inviter ? "UPDATE interviews SET inviter_present = 1, inviter_joined_at = COALESCE(inviter_joined_at, ?) WHERE room_id = ?"
                    : "UPDATE interviews SET invitee_present = 1, invitee_joined_at = COALESCE(invitee_joined_at, ?) WHERE room_id = ?")
      .bind_all(to_millis(now), room_id)
      .run();
  const bool both = inviter ? iv->invitee_present : iv->inviter_present;
  bool started = false;
  if (both) {
    started = iv->status == interview_status::accepted;
    db_.query("UPDATE interviews SET grace_deadline = NULL, status = 'in_progress', started_at = COALESCE(started_at, ?) "
              "WHERE room_id = ?")
        .bind_all(to_millis(now), room_id)
        .run();
    if (started) start_first_round(*iv, now, round_minutes);
  }
  auto done = find_interview(room_id);
  tx.commit();
  return join_result{std::move(*done), started};
}

std::optional<interview> sqlite_store::leave(const std::string& room_id, const std::string& user_id,
                                             time_point grace_deadline) {
  transaction tx(db_);
  auto iv = find_interview(room_id);
  if (!iv || !domain::is_active(iv->status) || domain::role_of(*iv, user_id) == domain::role::none) return std::nullopt;
  const bool inviter = user_id == iv->inviter.id;
  db_.query(inviter ? "UPDATE interviews SET inviter_present = 0 WHERE room_id = ?"
                    : "UPDATE interviews SET invitee_present = 0 WHERE room_id = ?")
      .bind(1, room_id)
      .run();
  if (iv->status == interview_status::in_progress)
    db_.query("UPDATE interviews SET grace_deadline = COALESCE(grace_deadline, ?) WHERE room_id = ?")
        .bind_all(to_millis(grace_deadline), room_id)
        .run();
  auto done = find_interview(room_id);
  tx.commit();
  return done;
}

std::optional<interview> sqlite_store::abandon_if_due(const std::string& room_id, time_point now) {
  transaction tx(db_);
  auto iv = find_interview(room_id);
  if (!iv || !domain::is_active(iv->status) || !iv->grace_deadline || *iv->grace_deadline > now) return std::nullopt;
  if (iv->inviter_present && iv->invitee_present) return std::nullopt;
  const auto gone = domain::abandonment_of(*iv);
  const auto reason = domain::to_string(gone.reason);
  db_.query("UPDATE interviews SET status = 'abandoned', reason = ?, ended_at = ?, grace_deadline = NULL, "
            "inviter_present = 0, invitee_present = 0, absent_id = ?, absent_reason = ? WHERE room_id = ?")
      .bind_all(reason, to_millis(now), gone.absent, gone.absent ? std::optional(reason) : std::nullopt, room_id)
      .run();
  end_running_round(room_id, now);
  auto done = find_interview(room_id);
  tx.commit();
  return done;
}

std::vector<interview> sqlite_store::history(const std::string& user_id, const history_filter& f) {
  std::string sql(select_interview);
  sql += f.as_inviter ? (*f.as_inviter ? "WHERE i.inviter_id = ?1 " : "WHERE i.invitee_id = ?1 ")
                      : "WHERE (i.inviter_id = ?1 OR i.invitee_id = ?1) ";
  if (f.status) sql += "AND i.status = ?2 ";
  if (f.after) sql += "AND (i.created_at < ?3 OR (i.created_at = ?3 AND i.room_id < ?4)) ";
  sql += "ORDER BY i.created_at DESC, i.room_id DESC LIMIT ?5";
  auto q = db_.query(sql);
  q.bind(1, user_id);
  if (f.status) q.bind(2, domain::to_string(*f.status));
  if (f.after) q.bind(3, f.after->first).bind(4, f.after->second);
  q.bind(5, f.limit);
  return read_interviews(q);
}

std::vector<interview> sqlite_store::pending_for_invitee(const std::string& user_id, time_point now) {
  auto q = db_.query(std::string(select_interview) +
                     "WHERE i.invitee_id = ?1 AND i.status = 'pending' AND i.expires_at > ?2 ORDER BY i.created_at");
  q.bind_all(user_id, to_millis(now));
  return read_interviews(q);
}

std::optional<interview> sqlite_store::active_interview(const std::string& user_id) {
  // Two indexed lookups (inviter, invitee) instead of an OR that scans every active interview.
  auto q = db_.query("SELECT room_id, created_at FROM interviews WHERE inviter_id = ?1 AND status IN ('accepted', 'in_progress') "
                     "UNION ALL SELECT room_id, created_at FROM interviews WHERE invitee_id = ?1 "
                     "AND status IN ('accepted', 'in_progress') ORDER BY 2 DESC LIMIT 1");
  if (!q.bind(1, user_id).step()) return std::nullopt;
  const auto room = q.text(0);
  return find_interview(room);
}

invitation_stats sqlite_store::stats(const std::optional<std::string>& user_id) {
  invitation_stats s;
  auto q = db_.query(
      "SELECT COALESCE(SUM(?1 IS NULL OR inviter_id = ?1), 0), COALESCE(SUM(?1 IS NULL OR invitee_id = ?1), 0), "
      "COALESCE(SUM(status IN ('accepted', 'in_progress', 'completed', 'abandoned')), 0), "
      "COALESCE(SUM(status = 'rejected'), 0), COALESCE(SUM(status = 'cancelled'), 0), "
      "COALESCE(SUM(status = 'expired'), 0), COALESCE(SUM(status = 'rejected' AND reason = 'declined'), 0) "
      "FROM interviews WHERE ?1 IS NULL OR inviter_id = ?1 OR invitee_id = ?1");
  q.bind(1, user_id);
  q.step();
  s.sent = q.integer(0);
  s.received = q.integer(1);
  s.accepted = q.integer(2);
  s.rejected = q.integer(3);
  s.cancelled = q.integer(4);
  s.expired = q.integer(5);
  s.declined = q.integer(6);
  auto r = db_.query("SELECT responded_at - created_at FROM interviews WHERE (?1 IS NULL OR inviter_id = ?1 OR invitee_id = ?1) "
                     "AND responded_at IS NOT NULL AND (status IN ('accepted', 'in_progress', 'completed', 'abandoned') "
                     "OR (status = 'rejected' AND reason = 'declined'))");
  r.bind(1, user_id);
  while (r.step()) s.response_seconds.push_back(static_cast<double>(r.integer(0)) / 1000.0);
  return s;
}

void sqlite_store::reset_presence(time_point grace_deadline) {
  transaction tx(db_);
  db_.query("UPDATE interviews SET inviter_present = 0, invitee_present = 0 WHERE status IN ('accepted', 'in_progress')").run();
  db_.query("UPDATE interviews SET grace_deadline = COALESCE(grace_deadline, ?) WHERE status = 'in_progress'")
      .bind(1, to_millis(grace_deadline))
      .run();
  tx.commit();
}

std::vector<timer_entry> sqlite_store::pending_deadlines() {
  auto q = db_.query("SELECT room_id, expires_at FROM interviews WHERE status = 'pending'");
  std::vector<timer_entry> out;
  while (q.step()) out.push_back({q.text(0), from_millis(q.integer(1))});
  return out;
}

std::vector<timer_entry> sqlite_store::grace_deadlines() {
  auto q = db_.query("SELECT room_id, grace_deadline FROM interviews WHERE status IN ('accepted', 'in_progress') "
                     "AND grace_deadline IS NOT NULL");
  std::vector<timer_entry> out;
  while (q.step()) out.push_back({q.text(0), from_millis(q.integer(1))});
  return out;
}

outcome<domain::feedback> sqlite_store::add_feedback(const domain::feedback& f) {
  transaction tx(db_);
  auto iv = find_interview(f.room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, f.from.id, domain::action::feedback, f.created_at); !ok) return ok.error();
  auto given = db_.query("SELECT 1 FROM feedback WHERE room_id = ? AND from_id = ?");
  if (given.bind_all(f.room_id, f.from.id).step()) return fail(errc::conflict, "You already gave feedback on this interview.");
  db_.query("INSERT INTO feedback (id, room_id, from_id, rating, problem_solving, communication, code_quality, comments, "
            "created_at) VALUES (?,?,?,?,?,?,?,?,?)")
      .bind_all(f.id, f.room_id, f.from.id, f.rating, f.scores.problem_solving, f.scores.communication,
                f.scores.code_quality, f.comments, to_millis(f.created_at))
      .run();
  tx.commit();
  auto saved = f;
  saved.from.name = domain::role_of(*iv, f.from.id) == domain::role::inviter ? iv->inviter.name : iv->invitee.name;
  return saved;
}

std::vector<domain::feedback> sqlite_store::list_feedback(const std::string& room_id) {
  auto q = db_.query("SELECT f.id, f.room_id, f.from_id, u.name, f.rating, f.problem_solving, f.communication, "
                     "f.code_quality, f.comments, f.created_at FROM feedback f JOIN users u ON u.id = f.from_id "
                     "WHERE f.room_id = ? ORDER BY f.created_at, f.id");
  q.bind(1, room_id);
  std::vector<domain::feedback> out;
  while (q.step()) {
    domain::feedback f;
    f.id = q.text(0);
    f.room_id = q.text(1);
    f.from = {q.text(2), q.text(3)};
    f.rating = static_cast<int>(q.integer(4));
    auto opt_int = [&](int c) -> std::optional<int> {
      if (auto v = q.opt_integer(c)) return static_cast<int>(*v);
      return std::nullopt;
    };
    f.scores = {opt_int(5), opt_int(6), opt_int(7)};
    f.comments = q.opt_text(8);
    f.created_at = from_millis(q.integer(9));
    out.push_back(std::move(f));
  }
  return out;
}

} // namespace mm::store::sqlite
