// Interviews and feedback on PostgreSQL. Each transition is one READ COMMITTED transaction that
// locks, in this order, the users involved (send, accept), the interview row, and the other rows a
// cascade ends (by room id); then re-reads the interview, applies domain::check and changes rows
// with conditional updates. Locks are held to COMMIT, so racing calls on any node serialize on the
// rows they share and exactly one wins (docs/decisions/0003-postgres.md).
#include "domain/interview_rules.hpp"
#include "domain/invitation_rules.hpp"
#include "domain/enum_names.hpp"
#include "store/list_codec.hpp"
#include "store/postgres/interview_rows.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/profile_rows.hpp"
#include "store/postgres/transact.hpp"

#include <algorithm>
#include <unordered_map>

namespace mm::store::postgres {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::interview;
using domain::interview_status;
using domain::to_millis;

namespace {
constexpr std::string_view select_interview =
    "SELECT i.room_id, i.status, i.reason, i.inviter_id, a.name, i.invitee_id, b.name, i.created_at, i.expires_at, "
    "i.responded_at, i.started_at, i.ended_at, i.grace_deadline, i.inviter_present, i.invitee_present "
    "FROM interviews i JOIN users a ON a.id = i.inviter_id JOIN users b ON b.id = i.invitee_id ";

std::optional<domain::time_point> opt_time(const result& r, int row, int col) {
  if (auto v = r.opt_integer(row, col)) return from_millis(*v);
  return std::nullopt;
}

// The interviews `select_interview + tail` finds, with their questions (one more query for all).
std::vector<interview> load_params(connection& c, std::string_view tail, std::span<const param> params) {
  const auto r = c.exec_params(std::string(select_interview) + std::string(tail), params);
  std::vector<interview> out;
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::size_t> index;
  for (int row = 0; row < r.rows(); ++row) {
    interview iv;
    iv.room_id = r.text(row, 0);
    iv.status = domain::parse_interview_status(r.text(row, 1)).value_or(interview_status::pending);
    iv.reason = domain::parse_end_reason(r.opt_text(row, 2).value_or("")).value_or(domain::end_reason::none);
    iv.inviter = {r.text(row, 3), r.text(row, 4)};
    iv.invitee = {r.text(row, 5), r.text(row, 6)};
    iv.created_at = from_millis(r.integer(row, 7));
    iv.expires_at = from_millis(r.integer(row, 8));
    iv.responded_at = opt_time(r, row, 9);
    iv.started_at = opt_time(r, row, 10);
    iv.ended_at = opt_time(r, row, 11);
    iv.grace_deadline = opt_time(r, row, 12);
    iv.inviter_present = r.boolean(row, 13);
    iv.invitee_present = r.boolean(row, 14);
    index.emplace(iv.room_id, out.size());
    ids.push_back(iv.room_id);
    out.push_back(std::move(iv));
  }
  if (out.empty()) return out;
  const auto q = c.exec("SELECT iq.room_id, q.id, q.title, q.body, q.category, q.difficulty, q.hints "
                        "FROM interview_questions iq JOIN questions q ON q.id = iq.question_id "
                        "WHERE iq.room_id = ANY($1) ORDER BY iq.room_id, iq.position",
                        ids);
  for (int row = 0; row < q.rows(); ++row)
    out[index.at(q.text(row, 0))].questions.push_back(
        {q.text(row, 1), q.text(row, 2), q.text(row, 3), q.text(row, 4), q.text(row, 5), split_list(q.text(row, 6))});
  return out;
}

template <class... Args>
std::vector<interview> load(connection& c, std::string_view tail, const Args&... args) {
  const param ps[] = {param{}, to_param(args)...};
  return load_params(c, tail, std::span<const param>(ps + 1, sizeof...(Args)));
}

std::optional<interview> find(connection& c, const std::string& room_id) {
  auto found = load(c, "WHERE i.room_id = $1", room_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

// Locks the interview row until COMMIT; false when there is none. Statements after it see every
// change committed before the lock was granted.
bool lock_interview(connection& c, const std::string& room_id) {
  return !c.exec("SELECT 1 FROM interviews WHERE room_id = $1 FOR UPDATE", room_id).empty();
}

struct locked_user {
  std::string name;
  domain::profile prof;
};

// Locks the users' rows, in id order (the order every transaction takes them in, so two never wait
// on each other in a cycle). Answers the ones that exist.
std::unordered_map<std::string, locked_user> lock_users(connection& c, const std::string& a, const std::string& b) {
  const auto r = c.exec("SELECT id, name, " MM_PROFILE_COLUMNS " FROM users WHERE id IN ($1, $2) ORDER BY id FOR UPDATE", a, b);
  std::unordered_map<std::string, locked_user> out;
  for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = {r.text(i, 1), read_profile(r, i, 2)};
  return out;
}

std::optional<interview> active(connection& c, const std::string& user_id) {
  auto found = load(c,
                    "WHERE (i.inviter_id = $1 OR i.invitee_id = $1) AND i.status IN ('accepted', 'in_progress') "
                    "ORDER BY i.created_at DESC, i.room_id DESC LIMIT 1",
                    user_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void finish_pending(connection& c, const std::string& room_id, std::string_view status, std::string_view reason,
                    domain::time_point now) {
  c.exec("UPDATE interviews SET status = $1, reason = $2, responded_at = $3 WHERE room_id = $4 AND status = 'pending'",
         status, reason, to_millis(now), room_id);
}

// Accepts inside an open transaction that holds both participants' user rows; ends both
// participants' other live invitations with reason busy.
outcome<acceptance> accept_locked(connection& c, const std::string& room_id, const std::string& user_id,
                                  domain::time_point now, domain::time_point grace_deadline) {
  if (!lock_interview(c, room_id)) return fail(errc::not_found, "No interview with that room id.");
  auto iv = find(c, room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::accept, now); !ok) return ok.error();
  c.exec("UPDATE interviews SET status = 'accepted', responded_at = $1, grace_deadline = $2 "
         "WHERE room_id = $3 AND status = 'pending'",
         to_millis(now), to_millis(grace_deadline), room_id);

  const auto& a = iv->inviter.id;
  const auto& b = iv->invitee.id;
  const auto others = c.exec("SELECT room_id, inviter_id, invitee_id FROM interviews WHERE status = 'pending' "
                             "AND expires_at > $1 AND room_id <> $2 AND (inviter_id IN ($3, $4) OR invitee_id IN ($3, $4)) "
                             "ORDER BY room_id FOR UPDATE",
                             to_millis(now), room_id, a, b);
  // As SQLite does: the inviter's invitations first, then the invitee's; sent ones are cancelled,
  // received ones rejected.
  std::vector<std::string> ended;
  for (const auto* person : {&a, &b}) {
    for (int row = 0; row < others.rows(); ++row) {
      const auto other = others.text(row, 0);
      const auto inviter = others.text(row, 1);
      if (std::find(ended.begin(), ended.end(), other) != ended.end()) continue;
      if (inviter != *person && others.text(row, 2) != *person) continue;
      finish_pending(c, other, inviter == *person ? "cancelled" : "rejected", "busy", now);
      ended.push_back(other);
    }
  }
  acceptance result;
  if (!ended.empty()) {
    auto rows = load(c, "WHERE i.room_id = ANY($1)", ended);
    for (const auto& id : ended)
      for (auto& row : rows)
        if (row.room_id == id) result.ended_busy.push_back(std::move(row));
  }
  result.iv = *find(c, room_id);
  return result;
}

// The tail of an interview transition that the row lock and domain::check guard: not_found,
// then the check, then `apply` and the interview as it is after it.
template <class Apply>
outcome<interview> transition(connection& c, const std::string& room_id, const std::string& user_id,
                              domain::action act, domain::time_point now, Apply apply) {
  if (!lock_interview(c, room_id)) return fail(errc::not_found, "No interview with that room id.");
  auto iv = find(c, room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, act, now); !ok) return ok.error();
  apply(*iv);
  return *find(c, room_id);
}
} // namespace

std::optional<interview> read_interview(connection& c, const std::string& room_id) { return find(c, room_id); }

std::optional<interview> pg_store::find_interview(const std::string& room_id) {
  return read(pool_, [&](connection& c) { return find(c, room_id); });
}

namespace {
// The facts of domain::send_facts, read after locking both users' rows (so the per-user rules
// cannot interleave with another send or an accept), with their profiles for the announcement.
domain::send_facts send_facts(connection& c, const send_request& r, domain::profile& inviter, domain::profile& invitee) {
  domain::send_facts f;
  const auto now = to_millis(r.now);
  f.to_self = r.inviter_id == r.invitee_id;
  const auto users = lock_users(c, r.inviter_id, r.invitee_id);
  if (auto it = users.find(r.inviter_id); it != users.end()) inviter = it->second.prof;
  if (auto it = users.find(r.invitee_id); it != users.end()) {
    invitee = it->second.prof;
    f.invitee_name = it->second.name;
    f.invitee_available = it->second.prof.available;
  }
  f.questions_exist =
      c.exec("SELECT COUNT(*) FROM questions WHERE id = ANY($1)", r.question_ids).integer(0, 0) ==
      static_cast<std::int64_t>(r.question_ids.size());
  f.inviter_active = active(c, r.inviter_id).has_value();
  // FOR UPDATE: a mutual invitation that a racing reject, cancel or expiry ends first is skipped.
  const auto mutual = c.exec("SELECT room_id FROM interviews WHERE status = 'pending' AND inviter_id = $1 "
                             "AND invitee_id = $2 AND expires_at > $3 ORDER BY room_id LIMIT 1 FOR UPDATE",
                             r.invitee_id, r.inviter_id, now);
  if (!mutual.empty()) f.mutual_room = mutual.text(0, 0);
  f.inviter_inviting =
      !c.exec("SELECT 1 FROM interviews WHERE status = 'pending' AND inviter_id = $1 AND expires_at > $2", r.inviter_id, now)
           .empty();
  f.invitee_active = active(c, r.invitee_id).has_value();
  if (r.rate_limit.count > 0) {
    const auto recent = c.exec("SELECT created_at FROM interviews WHERE inviter_id = $1 AND created_at > $2 ORDER BY created_at",
                               r.inviter_id, now - r.rate_limit.window.count());
    for (int row = 0; row < recent.rows(); ++row) f.recent_sends.push_back(from_millis(recent.integer(row, 0)));
  }
  return f;
}
} // namespace

outcome<send_result> pg_store::send_invitation(const send_request& r) {
  return write(pool_, [&](connection& c) -> outcome<send_result> {
    send_result out;
    const auto verdict = domain::decide_send(send_facts(c, r, out.inviter_profile, out.invitee_profile), r.rate_limit, r.now);
    if (!verdict) return verdict.error();
    if (const auto* meet = std::get_if<domain::meet_invitation>(&*verdict)) {
      auto accepted = accept_locked(c, meet->room_id, r.inviter_id, r.now, r.grace_deadline);
      if (!accepted) return accepted.error();
      out.iv = std::move(accepted->iv);
      out.met = true;
      out.ended_busy = std::move(accepted->ended_busy);
      return out;
    }
    c.exec("INSERT INTO interviews (room_id, inviter_id, invitee_id, status, created_at, expires_at) "
           "VALUES ($1, $2, $3, 'pending', $4, $5)",
           r.room_id, r.inviter_id, r.invitee_id, to_millis(r.now), to_millis(r.expires_at));
    c.exec("INSERT INTO interview_questions (room_id, position, question_id) "
           "SELECT $1, t.ord - 1, t.qid FROM unnest($2::TEXT[]) WITH ORDINALITY AS t(qid, ord)",
           r.room_id, r.question_ids);
    out.iv = std::move(*find(c, r.room_id));
    return out;
  });
}

outcome<acceptance> pg_store::accept(const std::string& room_id, const std::string& user_id, time_point now,
                                     time_point grace_deadline) {
  return write(pool_, [&](connection& c) -> outcome<acceptance> {
    // The participants never change, so reading them before any lock is safe.
    const auto parties = c.exec("SELECT inviter_id, invitee_id FROM interviews WHERE room_id = $1", room_id);
    if (parties.empty()) return fail(errc::not_found, "No interview with that room id.");
    lock_users(c, parties.text(0, 0), parties.text(0, 1));
    return accept_locked(c, room_id, user_id, now, grace_deadline);
  });
}

outcome<interview> pg_store::reject(const std::string& room_id, const std::string& user_id, time_point now) {
  return write(pool_, [&](connection& c) {
    return transition(c, room_id, user_id, domain::action::reject, now,
                      [&](const interview&) { finish_pending(c, room_id, "rejected", "declined", now); });
  });
}

outcome<interview> pg_store::cancel(const std::string& room_id, const std::string& user_id, time_point now) {
  return write(pool_, [&](connection& c) {
    return transition(c, room_id, user_id, domain::action::cancel, now,
                      [&](const interview&) { finish_pending(c, room_id, "cancelled", "cancelled", now); });
  });
}

std::optional<interview> pg_store::expire(const std::string& room_id, time_point now) {
  return write(pool_, [&](connection& c) -> std::optional<interview> {
    const auto changed = c.exec("UPDATE interviews SET status = 'expired', reason = 'invite_timeout', "
                                "responded_at = expires_at WHERE room_id = $1 AND status = 'pending' AND expires_at <= $2",
                                room_id, to_millis(now));
    if (changed.affected() == 0) return std::nullopt;
    return find(c, room_id);
  });
}

outcome<interview> pg_store::complete(const std::string& room_id, const std::string& user_id, time_point now) {
  return write(pool_, [&](connection& c) {
    return transition(c, room_id, user_id, domain::action::complete, now, [&](const interview&) {
      c.exec("UPDATE interviews SET status = 'completed', reason = 'completed', ended_at = $1, grace_deadline = NULL, "
             "inviter_present = FALSE, invitee_present = FALSE WHERE room_id = $2 AND status IN ('accepted', 'in_progress')",
             to_millis(now), room_id);
    });
  });
}

outcome<join_result> pg_store::join(const std::string& room_id, const std::string& user_id, time_point now) {
  return write(pool_, [&](connection& c) -> outcome<join_result> {
    bool started = false;
    auto done = transition(c, room_id, user_id, domain::action::join, now, [&](const interview& iv) {
      const bool inviter = user_id == iv.inviter.id;
      c.exec(inviter ? "UPDATE interviews SET inviter_present = TRUE WHERE room_id = $1"
                     : "UPDATE interviews SET invitee_present = TRUE WHERE room_id = $1",
             room_id);
      if (inviter ? iv.invitee_present : iv.inviter_present) {
        started = iv.status == interview_status::accepted;
        c.exec("UPDATE interviews SET grace_deadline = NULL, status = 'in_progress', "
               "started_at = COALESCE(started_at, $1) WHERE room_id = $2",
               to_millis(now), room_id);
      }
    });
    if (!done) return done.error();
    return join_result{std::move(*done), started};
  });
}

std::optional<interview> pg_store::leave(const std::string& room_id, const std::string& user_id,
                                         time_point grace_deadline) {
  return write(pool_, [&](connection& c) -> std::optional<interview> {
    if (!lock_interview(c, room_id)) return std::nullopt;
    auto iv = find(c, room_id);
    if (!iv || !domain::is_active(iv->status) || domain::role_of(*iv, user_id) == domain::role::none) return std::nullopt;
    c.exec(user_id == iv->inviter.id ? "UPDATE interviews SET inviter_present = FALSE WHERE room_id = $1"
                                     : "UPDATE interviews SET invitee_present = FALSE WHERE room_id = $1",
           room_id);
    if (iv->status == interview_status::in_progress)
      c.exec("UPDATE interviews SET grace_deadline = COALESCE(grace_deadline, $1) WHERE room_id = $2",
             to_millis(grace_deadline), room_id);
    return find(c, room_id);
  });
}

std::optional<interview> pg_store::abandon_if_due(const std::string& room_id, time_point now) {
  return write(pool_, [&](connection& c) -> std::optional<interview> {
    if (!lock_interview(c, room_id)) return std::nullopt;
    auto iv = find(c, room_id);
    if (!iv || !domain::is_active(iv->status) || !iv->grace_deadline || *iv->grace_deadline > now) return std::nullopt;
    if (iv->inviter_present && iv->invitee_present) return std::nullopt;
    const char* reason = iv->status == interview_status::accepted ? "no_show" : "left";
    c.exec("UPDATE interviews SET status = 'abandoned', reason = $1, ended_at = $2, grace_deadline = NULL, "
           "inviter_present = FALSE, invitee_present = FALSE WHERE room_id = $3",
           reason, to_millis(now), room_id);
    return find(c, room_id);
  });
}

std::vector<interview> pg_store::history(const std::string& user_id, const history_filter& f) {
  std::string sql = f.as_inviter ? (*f.as_inviter ? "WHERE i.inviter_id = $1 " : "WHERE i.invitee_id = $1 ")
                                 : "WHERE (i.inviter_id = $1 OR i.invitee_id = $1) ";
  std::vector<param> ps{to_param(user_id)};
  if (f.status) {
    ps.push_back(to_param(domain::to_string(*f.status)));
    sql += "AND i.status = $" + std::to_string(ps.size()) + " ";
  }
  if (f.after) {
    ps.push_back(to_param(f.after->first));
    ps.push_back(to_param(f.after->second));
    const auto at = "$" + std::to_string(ps.size() - 1);
    const auto id = "$" + std::to_string(ps.size());
    sql += "AND (i.created_at < " + at + " OR (i.created_at = " + at + " AND i.room_id < " + id + ")) ";
  }
  ps.push_back(to_param(f.limit));
  sql += "ORDER BY i.created_at DESC, i.room_id DESC LIMIT $" + std::to_string(ps.size());
  return read(pool_, [&](connection& c) { return load_params(c, sql, ps); });
}

std::vector<interview> pg_store::pending_for_invitee(const std::string& user_id, time_point now) {
  return read(pool_, [&](connection& c) {
    return load(c, "WHERE i.invitee_id = $1 AND i.status = 'pending' AND i.expires_at > $2 ORDER BY i.created_at, i.room_id",
                user_id, to_millis(now));
  });
}

std::optional<interview> pg_store::active_interview(const std::string& user_id) {
  return read(pool_, [&](connection& c) { return active(c, user_id); });
}

invitation_stats pg_store::stats(const std::optional<std::string>& user_id) {
  return read(pool_, [&](connection& c) {
    invitation_stats s;
    const auto q = c.exec(
        "SELECT COUNT(*) FILTER (WHERE $1 IS NULL OR inviter_id = $1), COUNT(*) FILTER (WHERE $1 IS NULL OR invitee_id = $1), "
        "COUNT(*) FILTER (WHERE status IN ('accepted', 'in_progress', 'completed', 'abandoned')), "
        "COUNT(*) FILTER (WHERE status = 'rejected'), COUNT(*) FILTER (WHERE status = 'cancelled'), "
        "COUNT(*) FILTER (WHERE status = 'expired'), COUNT(*) FILTER (WHERE status = 'rejected' AND reason = 'declined') "
        "FROM interviews WHERE $1 IS NULL OR inviter_id = $1 OR invitee_id = $1",
        user_id);
    s.sent = q.integer(0, 0);
    s.received = q.integer(0, 1);
    s.accepted = q.integer(0, 2);
    s.rejected = q.integer(0, 3);
    s.cancelled = q.integer(0, 4);
    s.expired = q.integer(0, 5);
    s.declined = q.integer(0, 6);
    const auto r = c.exec("SELECT responded_at - created_at FROM interviews WHERE ($1 IS NULL OR inviter_id = $1 OR "
                          "invitee_id = $1) AND responded_at IS NOT NULL AND (status IN ('accepted', 'in_progress', "
                          "'completed', 'abandoned') OR (status = 'rejected' AND reason = 'declined'))",
                          user_id);
    for (int i = 0; i < r.rows(); ++i) s.response_seconds.push_back(static_cast<double>(r.integer(i, 0)) / 1000.0);
    return s;
  });
}

void pg_store::reset_presence(time_point grace_deadline) {
  write(pool_, [&](connection& c) {
    c.exec("UPDATE interviews SET inviter_present = FALSE, invitee_present = FALSE "
           "WHERE status IN ('accepted', 'in_progress')");
    c.exec("UPDATE interviews SET grace_deadline = COALESCE(grace_deadline, $1) WHERE status = 'in_progress'",
           to_millis(grace_deadline));
    return true;
  });
}

std::vector<timer_entry> pg_store::pending_deadlines() {
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT room_id, expires_at FROM interviews WHERE status = 'pending' ORDER BY expires_at");
    std::vector<timer_entry> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), from_millis(r.integer(i, 1))});
    return out;
  });
}

std::vector<timer_entry> pg_store::grace_deadlines() {
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT room_id, grace_deadline FROM interviews WHERE status IN ('accepted', 'in_progress') "
                          "AND grace_deadline IS NOT NULL ORDER BY grace_deadline");
    std::vector<timer_entry> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), from_millis(r.integer(i, 1))});
    return out;
  });
}

outcome<domain::feedback> pg_store::add_feedback(const domain::feedback& f) {
  return write(pool_, [&](connection& c) -> outcome<domain::feedback> {
    if (!lock_interview(c, f.room_id)) return fail(errc::not_found, "No interview with that room id.");
    auto iv = find(c, f.room_id);
    if (!iv) return fail(errc::not_found, "No interview with that room id.");
    if (auto ok = domain::check(*iv, f.from.id, domain::action::feedback, f.created_at); !ok) return ok.error();
    const auto inserted =
        c.exec("INSERT INTO feedback (id, room_id, from_id, rating, problem_solving, communication, code_quality, "
               "comments, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (room_id, from_id) DO NOTHING",
               f.id, f.room_id, f.from.id, f.rating, f.scores.problem_solving, f.scores.communication,
               f.scores.code_quality, f.comments, to_millis(f.created_at));
    if (inserted.affected() == 0) return fail(errc::conflict, "You already gave feedback on this interview.");
    auto saved = f;
    saved.from.name = domain::role_of(*iv, f.from.id) == domain::role::inviter ? iv->inviter.name : iv->invitee.name;
    return saved;
  });
}

std::vector<domain::feedback> pg_store::list_feedback(const std::string& room_id) {
  return read(pool_, [&](connection& c) {
    const auto q = c.exec("SELECT f.id, f.room_id, f.from_id, u.name, f.rating, f.problem_solving, f.communication, "
                          "f.code_quality, f.comments, f.created_at FROM feedback f JOIN users u ON u.id = f.from_id "
                          "WHERE f.room_id = $1 ORDER BY f.created_at, f.id",
                          room_id);
    std::vector<domain::feedback> out;
    for (int i = 0; i < q.rows(); ++i) {
      domain::feedback f;
      f.id = q.text(i, 0);
      f.room_id = q.text(i, 1);
      f.from = {q.text(i, 2), q.text(i, 3)};
      f.rating = static_cast<int>(q.integer(i, 4));
      auto opt_int = [&](int col) -> std::optional<int> {
        if (auto v = q.opt_integer(i, col)) return static_cast<int>(*v);
        return std::nullopt;
      };
      f.scores = {opt_int(5), opt_int(6), opt_int(7)};
      f.comments = q.opt_text(i, 8);
      f.created_at = from_millis(q.integer(i, 9));
      out.push_back(std::move(f));
    }
    return out;
  });
}

} // namespace mm::store::postgres
