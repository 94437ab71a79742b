// Blocks, reports and reliability on SQLite. add_block and add_report are IMMEDIATE
// transactions that read their facts and apply domain/trust_rules inside them.
#include "domain/enum_names.hpp"
#include "domain/reliability.hpp"
#include "domain/trust_rules.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <cstdio>

namespace mm::store::sqlite {

using domain::from_millis;
using domain::to_millis;

namespace {
// `ids` as a JSON array of strings, for json_each(): one statement whatever the number of ids.
std::string json_array(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const auto& id : ids) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (const char ch : id) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += ch;
      } else if (c < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", c);
        out += esc;
      } else {
        out += ch;
      }
    }
    out += '"';
  }
  return out + "]";
}
} // namespace

bool sqlite_store::blocked_pair(const std::string& a, const std::string& b) {
  auto q = db_.query("SELECT 1 FROM blocks WHERE (blocker_id = ?1 AND blocked_id = ?2) OR (blocker_id = ?2 AND blocked_id = ?1)");
  return q.bind_all(a, b).step();
}

outcome<block_result> sqlite_store::add_block(const std::string& blocker_id, const std::string& blocked_id, time_point now) {
  transaction tx(db_);
  const auto target = find_user(blocked_id);
  if (auto f = domain::check_block(blocker_id == blocked_id, target.has_value())) return *f;
  auto insert = db_.query("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  insert.bind_all(blocker_id, blocked_id, to_millis(now)).run();
  block_result out;
  out.created = insert.changes() > 0;
  auto at = db_.query("SELECT created_at FROM blocks WHERE blocker_id = ? AND blocked_id = ?");
  at.bind_all(blocker_id, blocked_id).step();
  out.b = {{target->id, target->name}, from_millis(at.integer(0))};

  auto pending = db_.query("SELECT room_id FROM interviews WHERE status = 'pending' AND expires_at > ?3 "
                           "AND ((inviter_id = ?1 AND invitee_id = ?2) OR (inviter_id = ?2 AND invitee_id = ?1)) "
                           "ORDER BY room_id");
  pending.bind_all(blocker_id, blocked_id, to_millis(now));
  std::vector<std::string> rooms;
  while (pending.step()) rooms.push_back(pending.text(0));
  for (const auto& room : rooms) {
    const auto iv = find_interview(room);
    finish_pending(room, domain::to_string(domain::blocked_ending(*iv, blocker_id)), "blocked", now);
    out.ended.push_back(*find_interview(room));
  }
  tx.commit();
  return out;
}

bool sqlite_store::remove_block(const std::string& blocker_id, const std::string& blocked_id) {
  transaction tx(db_);
  auto q = db_.query("DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?");
  q.bind_all(blocker_id, blocked_id).run();
  const bool removed = q.changes() > 0;
  tx.commit();
  return removed;
}

std::vector<domain::block> sqlite_store::list_blocks(const std::string& blocker_id) {
  auto q = db_.query("SELECT b.blocked_id, u.name, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id "
                     "WHERE b.blocker_id = ? ORDER BY b.created_at DESC, b.blocked_id");
  q.bind(1, blocker_id);
  std::vector<domain::block> out;
  while (q.step()) out.push_back({{q.text(0), q.text(1)}, from_millis(q.integer(2))});
  return out;
}

std::vector<std::string> sqlite_store::blocked_among(const std::string& user_id, const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  auto q = db_.query("SELECT blocked_id FROM blocks WHERE blocker_id = ?1 AND blocked_id IN (SELECT value FROM json_each(?2)) "
                     "UNION SELECT blocker_id FROM blocks WHERE blocked_id = ?1 AND blocker_id IN (SELECT value FROM json_each(?2))");
  q.bind_all(user_id, json_array(ids));
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

std::unordered_map<std::string, domain::reliability> sqlite_store::reliability_of(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, domain::reliability> out;
  if (ids.empty()) return out;
  // Two indexed counts for completed (inviter, invitee) and the absent index for the others.
  auto q = db_.query(
      "SELECT u.id, "
      "(SELECT COUNT(*) FROM interviews i WHERE i.inviter_id = u.id AND i.status = 'completed') + "
      "(SELECT COUNT(*) FROM interviews i WHERE i.invitee_id = u.id AND i.status = 'completed'), "
      "(SELECT COUNT(*) FROM interviews i WHERE i.absent_id = u.id AND i.absent_reason = 'no_show'), "
      "(SELECT COUNT(*) FROM interviews i WHERE i.absent_id = u.id AND i.absent_reason = 'left') "
      "FROM users u WHERE u.id IN (SELECT value FROM json_each(?1))");
  q.bind(1, json_array(ids));
  while (q.step())
    out[q.text(0)] = domain::make_reliability(static_cast<int>(q.integer(1)), static_cast<int>(q.integer(2)),
                                              static_cast<int>(q.integer(3)));
  return out;
}

outcome<domain::report> sqlite_store::add_report(const report_request& req) {
  const auto& r = req.r;
  transaction tx(db_);
  domain::report_facts f;
  f.to_self = r.reporter.id == r.reported.id;
  const auto reporter = find_user(r.reporter.id);
  const auto reported = find_user(r.reported.id);
  f.target_exists = reported.has_value();
  if (r.room_id) {
    auto room = db_.query("SELECT 1 FROM interviews WHERE room_id = ?1 AND ((inviter_id = ?2 AND invitee_id = ?3) "
                          "OR (inviter_id = ?3 AND invitee_id = ?2))");
    f.room_of_both = room.bind_all(*r.room_id, r.reporter.id, r.reported.id).step();
  }
  if (req.limit.count > 0) {
    auto recent = db_.query("SELECT created_at FROM reports WHERE reporter_id = ? AND created_at > ? ORDER BY created_at");
    recent.bind_all(r.reporter.id, to_millis(r.created_at) - req.limit.window.count());
    while (recent.step()) f.recent.push_back(from_millis(recent.integer(0)));
  }
  if (auto fail = domain::check_report(f, req.limit, r.created_at)) return *fail;
  db_.query("INSERT INTO reports (id, reporter_id, reported_id, room_id, reason, details, created_at) VALUES (?,?,?,?,?,?,?)")
      .bind_all(r.id, r.reporter.id, r.reported.id, r.room_id, domain::to_string(r.reason), r.details, to_millis(r.created_at))
      .run();
  tx.commit();
  auto saved = r;
  saved.reporter.name = reporter ? reporter->name : "";
  saved.reported.name = reported->name;
  return saved;
}

std::vector<domain::report> sqlite_store::list_reports() {
  auto q = db_.query("SELECT r.id, r.reporter_id, a.name, r.reported_id, b.name, r.room_id, r.reason, r.details, r.created_at "
                     "FROM reports r JOIN users a ON a.id = r.reporter_id JOIN users b ON b.id = r.reported_id "
                     "ORDER BY r.created_at DESC, r.id DESC");
  std::vector<domain::report> out;
  while (q.step()) {
    domain::report r;
    r.id = q.text(0);
    r.reporter = {q.text(1), q.text(2)};
    r.reported = {q.text(3), q.text(4)};
    r.room_id = q.opt_text(5);
    r.reason = domain::parse_report_reason(q.text(6)).value_or(domain::report_reason::other);
    r.details = q.opt_text(7);
    r.created_at = from_millis(q.integer(8));
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace mm::store::sqlite
