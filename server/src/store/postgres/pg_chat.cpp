// In-room chat on PostgreSQL: one READ COMMITTED transaction that locks, in the store's order,
// the sender's user row (the per-user rate limit serializes across rooms and nodes) and the
// interview row (the room's seq is taken under it), then reads and inserts.
#include "domain/enum_names.hpp"
#include "domain/interview_rules.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/transact.hpp"

namespace mm::store::postgres {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::to_millis;

outcome<chat_posted> pg_store::add_chat_message(const domain::chat_message& m, const domain::rate_window& limit) {
  return write(pool_, [&](connection& c) -> outcome<chat_posted> {
    c.exec("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", m.from.id);
    const auto q = c.exec("SELECT i.status, i.inviter_id, a.name, i.invitee_id, b.name FROM interviews i "
                          "JOIN users a ON a.id = i.inviter_id JOIN users b ON b.id = i.invitee_id "
                          "WHERE i.room_id = $1 FOR UPDATE OF i",
                          m.room_id);
    if (q.empty()) return fail(errc::not_found, "No interview with that room id.");
    domain::interview iv;
    iv.status = domain::parse_interview_status(q.text(0, 0)).value_or(domain::interview_status::pending);
    iv.inviter = {q.text(0, 1), q.text(0, 2)};
    iv.invitee = {q.text(0, 3), q.text(0, 4)};
    const auto role = domain::role_of(iv, m.from.id);
    if (role == domain::role::none) return fail(errc::not_found, "No interview with that room id.");
    if (!domain::is_active(iv.status)) return fail(errc::conflict, "The interview is over: the chat is closed.");

    std::vector<domain::time_point> recent;
    if (limit.count > 0) {
      const auto r = c.exec("SELECT sent_at FROM chat_messages WHERE from_id = $1 AND sent_at > $2 ORDER BY sent_at", m.from.id,
                            to_millis(m.sent_at - limit.window));
      for (int i = 0; i < r.rows(); ++i) recent.push_back(from_millis(r.integer(i, 0)));
    }
    if (auto limited = domain::check_rate(recent, limit, m.sent_at, "Too many chat messages; wait a moment."))
      return *limited;

    auto saved = m;
    saved.seq = c.exec("SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_messages WHERE room_id = $1", m.room_id).integer(0, 0);
    saved.from.name = role == domain::role::inviter ? iv.inviter.name : iv.invitee.name;
    c.exec("INSERT INTO chat_messages (id, room_id, seq, from_id, text, sent_at) VALUES ($1,$2,$3,$4,$5,$6)", saved.id,
           saved.room_id, saved.seq, saved.from.id, saved.text, to_millis(saved.sent_at));
    return chat_posted{std::move(saved), role == domain::role::inviter ? iv.invitee.id : iv.inviter.id};
  });
}

std::vector<domain::chat_message> pg_store::list_chat(const std::string& room_id, std::int64_t after_seq, int limit) {
  return read(pool_, [&](connection& c) {
    const auto q = c.exec("SELECT m.id, m.room_id, m.seq, m.from_id, u.name, m.text, m.sent_at FROM chat_messages m "
                          "JOIN users u ON u.id = m.from_id WHERE m.room_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3",
                          room_id, after_seq, limit);
    std::vector<domain::chat_message> out;
    for (int i = 0; i < q.rows(); ++i) {
      domain::chat_message m;
      m.id = q.text(i, 0);
      m.room_id = q.text(i, 1);
      m.seq = q.integer(i, 2);
      m.from = {q.text(i, 3), q.text(i, 4)};
      m.text = q.text(i, 5);
      m.sent_at = from_millis(q.integer(i, 6));
      out.push_back(std::move(m));
    }
    return out;
  });
}

} // namespace mm::store::postgres
