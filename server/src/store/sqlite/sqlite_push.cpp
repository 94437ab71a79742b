// Web Push subscriptions and notices on SQLite (store/push_store.hpp).
#include "store/sqlite/sqlite_store.hpp"

namespace mm::store::sqlite {

using domain::from_millis;
using domain::to_millis;

namespace {
constexpr std::string_view select_subscription =
    "SELECT s.id, s.user_id, s.session_hash, s.endpoint, s.p256dh, s.auth, s.expiration_time, s.created_at "
    "FROM push_subscriptions s ";

push_subscription_record read_subscription(const statement& q) {
  return {q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.opt_integer(6), from_millis(q.integer(7))};
}

std::vector<push_subscription_record> read_all(statement& q) {
  std::vector<push_subscription_record> out;
  while (q.step()) out.push_back(read_subscription(q));
  return out;
}
} // namespace

outcome<saved_push_subscription> sqlite_store::save_push_subscription(const push_subscription_record& s, int limit) {
  transaction tx(db_);
  std::optional<std::pair<std::string, std::string>> same; // id, user
  {
    auto q = db_.query("SELECT id, user_id FROM push_subscriptions WHERE endpoint = ?");
    if (q.bind(1, s.endpoint).step()) same.emplace(q.text(0), q.text(1));
  }
  std::optional<std::string> mine;
  if (same) {
    if (same->second == s.user_id) mine = same->first;
    else db_.query("DELETE FROM push_subscriptions WHERE id = ?").bind(1, same->first).run();
  }
  saved_push_subscription out{s, mine.has_value()};
  if (mine) {
    out.subscription.id = *mine;
    db_.query("UPDATE push_subscriptions SET session_hash = ?, p256dh = ?, auth = ?, expiration_time = ?, created_at = ? "
              "WHERE id = ?")
        .bind_all(s.session_hash, s.p256dh, s.auth, s.expiration_time, to_millis(s.created_at), *mine)
        .run();
  } else {
    auto count = db_.query("SELECT COUNT(*) FROM push_subscriptions WHERE user_id = ?");
    count.bind(1, s.user_id).step();
    if (count.integer(0) >= limit)
      return domain::fail(domain::errc::conflict, "You have " + std::to_string(limit) +
                                                      " push subscriptions already; delete one first.");
    db_.query("INSERT INTO push_subscriptions (id, user_id, session_hash, endpoint, p256dh, auth, expiration_time, created_at) "
              "VALUES (?,?,?,?,?,?,?,?)")
        .bind_all(s.id, s.user_id, s.session_hash, s.endpoint, s.p256dh, s.auth, s.expiration_time, to_millis(s.created_at))
        .run();
  }
  tx.commit();
  return out;
}

std::vector<push_subscription_record> sqlite_store::push_subscriptions(const std::string& user_id) {
  auto q = db_.query(std::string(select_subscription) + "WHERE s.user_id = ? ORDER BY s.created_at, s.id");
  q.bind(1, user_id);
  return read_all(q);
}

bool sqlite_store::delete_push_subscription(const std::string& user_id, const std::string& id) {
  auto q = db_.query("DELETE FROM push_subscriptions WHERE id = ? AND user_id = ?");
  q.bind_all(id, user_id).run();
  return q.changes() > 0;
}

bool sqlite_store::drop_push_subscription(const std::string& id) {
  auto q = db_.query("DELETE FROM push_subscriptions WHERE id = ?");
  q.bind(1, id).run();
  return q.changes() > 0;
}

std::vector<push_subscription_record> sqlite_store::notify_push_subscriptions(const std::string& user_id,
                                                                              const std::string& room_id,
                                                                              domain::time_point now) {
  transaction tx(db_);
  auto pending = db_.query("SELECT 1 FROM interviews WHERE room_id = ? AND status = 'pending'");
  if (!pending.bind(1, room_id).step()) return {};
  auto q = db_.query(std::string(select_subscription) +
                     "JOIN sessions x ON x.token_hash = s.session_hash "
                     "WHERE s.user_id = ? AND x.expires_at > ? AND (s.expiration_time IS NULL OR s.expiration_time > ?) "
                     "ORDER BY s.created_at, s.id");
  q.bind_all(user_id, to_millis(now), to_millis(now));
  auto out = read_all(q);
  for (const auto& s : out)
    db_.query("INSERT OR IGNORE INTO push_notices (room_id, subscription_id) VALUES (?, ?)").bind_all(room_id, s.id).run();
  tx.commit();
  return out;
}

void sqlite_store::forget_push_notice(const std::string& room_id, const std::string& subscription_id) {
  db_.query("DELETE FROM push_notices WHERE room_id = ? AND subscription_id = ?").bind_all(room_id, subscription_id).run();
}

std::vector<push_subscription_record> sqlite_store::take_push_notices(const std::string& room_id) {
  transaction tx(db_);
  auto q = db_.query(std::string(select_subscription) +
                     "JOIN push_notices n ON n.subscription_id = s.id WHERE n.room_id = ? ORDER BY s.created_at, s.id");
  q.bind(1, room_id);
  auto out = read_all(q);
  db_.query("DELETE FROM push_notices WHERE room_id = ?").bind(1, room_id).run();
  tx.commit();
  return out;
}

} // namespace mm::store::sqlite
