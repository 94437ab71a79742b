// Blocks, reports and reliability on PostgreSQL. add_block locks both users' rows in id order,
// as send_invitation and accept do (docs/decisions/0003-postgres.md), so a block and a send
// between the same two serialize: the send sees the block, or the block ends the invitation.
// add_report locks the reporter's row, so racing reports count each other against the limit.
#include "domain/enum_names.hpp"
#include "domain/reliability.hpp"
#include "domain/trust_rules.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/transact.hpp"

namespace mm::store::postgres {

using domain::from_millis;
using domain::to_millis;

namespace {
// The name of each of the two users that exists, their rows locked until COMMIT.
std::unordered_map<std::string, std::string> lock_names(connection& c, const std::string& a, const std::string& b) {
  const auto r = c.exec("SELECT id, name FROM users WHERE id IN ($1, $2) ORDER BY id FOR UPDATE", a, b);
  std::unordered_map<std::string, std::string> out;
  for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.text(i, 1);
  return out;
}
} // namespace

outcome<block_result> pg_store::add_block(const std::string& blocker_id, const std::string& blocked_id, time_point now) {
  return write(pool_, [&](connection& c) -> outcome<block_result> {
    const auto names = lock_names(c, blocker_id, blocked_id);
    const auto target = names.find(blocked_id);
    if (auto f = domain::check_block(blocker_id == blocked_id, target != names.end())) return *f;
    block_result out;
    out.created = c.exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                         blocker_id, blocked_id, to_millis(now))
                      .affected() > 0;
    const auto at = c.exec("SELECT created_at FROM blocks WHERE blocker_id = $1 AND blocked_id = $2", blocker_id, blocked_id);
    out.b = {{blocked_id, target->second}, from_millis(at.integer(0, 0))};

    const auto pending = c.exec("SELECT room_id, invitee_id FROM interviews WHERE status = 'pending' AND expires_at > $3 "
                                "AND ((inviter_id = $1 AND invitee_id = $2) OR (inviter_id = $2 AND invitee_id = $1)) "
                                "ORDER BY room_id FOR UPDATE",
                                blocker_id, blocked_id, to_millis(now));
    std::vector<std::string> rooms;
    for (int i = 0; i < pending.rows(); ++i) {
      domain::interview iv;
      iv.invitee.id = pending.text(i, 1);
      const auto room = pending.text(i, 0);
      c.exec("UPDATE interviews SET status = $1, reason = 'blocked', responded_at = $2 WHERE room_id = $3 AND status = 'pending'",
             std::string(domain::to_string(domain::blocked_ending(iv, blocker_id))), to_millis(now), room);
      rooms.push_back(room);
    }
    for (const auto& room : rooms)
      if (auto iv = find_interview_in(c, room)) out.ended.push_back(std::move(*iv));
    return out;
  });
}

bool pg_store::remove_block(const std::string& blocker_id, const std::string& blocked_id) {
  return write(pool_, [&](connection& c) {
    return c.exec("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2", blocker_id, blocked_id).affected() > 0;
  });
}

std::vector<domain::block> pg_store::list_blocks(const std::string& blocker_id) {
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT b.blocked_id, u.name, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id "
                          "WHERE b.blocker_id = $1 ORDER BY b.created_at DESC, b.blocked_id",
                          blocker_id);
    std::vector<domain::block> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({{r.text(i, 0), r.text(i, 1)}, from_millis(r.integer(i, 2))});
    return out;
  });
}

std::vector<std::string> pg_store::blocked_among(const std::string& user_id, const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT blocked_id FROM blocks WHERE blocker_id = $1 AND blocked_id = ANY($2) "
                          "UNION SELECT blocker_id FROM blocks WHERE blocked_id = $1 AND blocker_id = ANY($2)",
                          user_id, ids);
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  });
}

std::unordered_map<std::string, domain::reliability> pg_store::reliability_of(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, domain::reliability> out;
  if (ids.empty()) return out;
  return read(pool_, [&](connection& c) {
    const auto r = c.exec(
        "SELECT u.id, "
        "(SELECT COUNT(*) FROM interviews i WHERE i.inviter_id = u.id AND i.status = 'completed') + "
        "(SELECT COUNT(*) FROM interviews i WHERE i.invitee_id = u.id AND i.status = 'completed'), "
        "(SELECT COUNT(*) FROM interviews i WHERE i.absent_id = u.id AND i.absent_reason = 'no_show'), "
        "(SELECT COUNT(*) FROM interviews i WHERE i.absent_id = u.id AND i.absent_reason = 'left') "
        "FROM users u WHERE u.id = ANY($1)",
        ids);
    std::unordered_map<std::string, domain::reliability> found;
    for (int i = 0; i < r.rows(); ++i)
      found[r.text(i, 0)] = domain::make_reliability(static_cast<int>(r.integer(i, 1)), static_cast<int>(r.integer(i, 2)),
                                                     static_cast<int>(r.integer(i, 3)));
    return found;
  });
}

outcome<domain::report> pg_store::add_report(const report_request& req) {
  const auto& r = req.r;
  return write(pool_, [&](connection& c) -> outcome<domain::report> {
    const auto names = lock_names(c, r.reporter.id, r.reported.id);
    domain::report_facts f;
    f.to_self = r.reporter.id == r.reported.id;
    f.target_exists = names.contains(r.reported.id);
    if (r.room_id)
      f.room_of_both = !c.exec("SELECT 1 FROM interviews WHERE room_id = $1 AND ((inviter_id = $2 AND invitee_id = $3) "
                               "OR (inviter_id = $3 AND invitee_id = $2))",
                               *r.room_id, r.reporter.id, r.reported.id)
                            .empty();
    if (req.limit.count > 0) {
      const auto recent = c.exec("SELECT created_at FROM reports WHERE reporter_id = $1 AND created_at > $2 ORDER BY created_at",
                                 r.reporter.id, to_millis(r.created_at) - req.limit.window.count());
      for (int i = 0; i < recent.rows(); ++i) f.recent.push_back(from_millis(recent.integer(i, 0)));
    }
    if (auto fail = domain::check_report(f, req.limit, r.created_at)) return *fail;
    c.exec("INSERT INTO reports (id, reporter_id, reported_id, room_id, reason, details, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)",
           r.id, r.reporter.id, r.reported.id, r.room_id, std::string(domain::to_string(r.reason)), r.details,
           to_millis(r.created_at));
    auto saved = r;
    if (auto it = names.find(r.reporter.id); it != names.end()) saved.reporter.name = it->second;
    saved.reported.name = names.at(r.reported.id);
    return saved;
  });
}

std::vector<domain::report> pg_store::list_reports() {
  return read(pool_, [&](connection& c) {
    const auto q = c.exec("SELECT r.id, r.reporter_id, a.name, r.reported_id, b.name, r.room_id, r.reason, r.details, "
                          "r.created_at FROM reports r JOIN users a ON a.id = r.reporter_id JOIN users b ON b.id = r.reported_id "
                          "ORDER BY r.created_at DESC, r.id DESC");
    std::vector<domain::report> out;
    for (int i = 0; i < q.rows(); ++i) {
      domain::report r;
      r.id = q.text(i, 0);
      r.reporter = {q.text(i, 1), q.text(i, 2)};
      r.reported = {q.text(i, 3), q.text(i, 4)};
      r.room_id = q.opt_text(i, 5);
      r.reason = domain::parse_report_reason(q.text(i, 6)).value_or(domain::report_reason::other);
      r.details = q.opt_text(i, 7);
      r.created_at = from_millis(q.integer(i, 8));
      out.push_back(std::move(r));
    }
    return out;
  });
}

} // namespace mm::store::postgres
