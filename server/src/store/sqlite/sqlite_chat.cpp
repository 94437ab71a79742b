// In-room chat on SQLite: one IMMEDIATE transaction (a savepoint inside a group commit) reads the
// interview, the sender's recent messages and the room's last seq, then inserts.
#include "domain/enum_names.hpp"
#include "domain/interview_rules.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace mm::store::sqlite {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::to_millis;

outcome<chat_posted> sqlite_store::add_chat_message(const domain::chat_message& m, const domain::rate_window& limit) {
  transaction tx(db_);
  auto q = db_.query("SELECT i.status, i.inviter_id, a.name, i.invitee_id, b.name FROM interviews i "
                     "JOIN users a ON a.id = i.inviter_id JOIN users b ON b.id = i.invitee_id WHERE i.room_id = ?");
  if (!q.bind_all(m.room_id).step()) return fail(errc::not_found, "No interview with that room id.");
  domain::interview iv;
  iv.status = domain::parse_interview_status(q.text(0)).value_or(domain::interview_status::pending);
  iv.inviter = {q.text(1), q.text(2)};
  iv.invitee = {q.text(3), q.text(4)};
  const auto role = domain::role_of(iv, m.from.id);
  if (role == domain::role::none) return fail(errc::not_found, "No interview with that room id.");
  if (!domain::is_active(iv.status)) return fail(errc::conflict, "The interview is over: the chat is closed.");

  std::vector<domain::time_point> recent;
  if (limit.count > 0) {
    auto r = db_.query("SELECT sent_at FROM chat_messages WHERE from_id = ? AND sent_at > ? ORDER BY sent_at");
    r.bind_all(m.from.id, to_millis(m.sent_at - limit.window));
    while (r.step()) recent.push_back(from_millis(r.integer(0)));
  }
  if (auto limited = domain::check_rate(recent, limit, m.sent_at, "Too many chat messages; wait a moment."))
    return *limited;

  auto last = db_.query("SELECT COALESCE(MAX(seq), 0) FROM chat_messages WHERE room_id = ?");
  last.bind_all(m.room_id).step();
  auto saved = m;
  saved.seq = last.integer(0) + 1;
  saved.from.name = role == domain::role::inviter ? iv.inviter.name : iv.invitee.name;
  db_.query("INSERT INTO chat_messages (id, room_id, seq, from_id, text, sent_at) VALUES (?,?,?,?,?,?)")
      .bind_all(saved.id, saved.room_id, saved.seq, saved.from.id, saved.text, to_millis(saved.sent_at))
      .run();
  tx.commit();
  return chat_posted{std::move(saved), role == domain::role::inviter ? iv.invitee.id : iv.inviter.id};
}

std::vector<domain::chat_message> sqlite_store::list_chat(const std::string& room_id, std::int64_t after_seq, int limit) {
  auto q = db_.query("SELECT m.id, m.room_id, m.seq, m.from_id, u.name, m.text, m.sent_at FROM chat_messages m "
                     "JOIN users u ON u.id = m.from_id WHERE m.room_id = ? AND m.seq > ? ORDER BY m.seq LIMIT ?");
  q.bind_all(room_id, after_seq, limit);
  std::vector<domain::chat_message> out;
  while (q.step()) {
    domain::chat_message m;
    m.id = q.text(0);
    m.room_id = q.text(1);
    m.seq = q.integer(2);
    m.from = {q.text(3), q.text(4)};
    m.text = q.text(5);
    m.sent_at = from_millis(q.integer(6));
    out.push_back(std::move(m));
  }
  return out;
}

} // namespace mm::store::sqlite
