// Web Push subscriptions and notices on PostgreSQL (store/push_store.hpp). Saving locks the
// user's row first (as the transitions do), so the per-user limit holds across nodes; recording
// notices locks the interview's row, so it waits for a transition in flight and sees its result.
#include "store/postgres/pg_store.hpp"
#include "store/postgres/transact.hpp"

namespace mm::store::postgres {

using domain::from_millis;
using domain::to_millis;

namespace {
constexpr std::string_view select_subscription =
    "SELECT s.id, s.user_id, s.session_hash, s.endpoint, s.p256dh, s.auth, s.expiration_time, s.created_at "
    "FROM push_subscriptions s ";

std::vector<push_subscription_record> read_all(const result& r) {
  std::vector<push_subscription_record> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.opt_integer(i, 6),
                   from_millis(r.integer(i, 7))});
  return out;
}
} // namespace

outcome<saved_push_subscription> pg_store::save_push_subscription(const push_subscription_record& s, int limit) {
  return write(pool_, [&](connection& c) -> outcome<saved_push_subscription> {
    c.exec("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", s.user_id);
    const auto same = c.exec("SELECT id, user_id FROM push_subscriptions WHERE endpoint = $1 FOR UPDATE", s.endpoint);
    std::optional<std::string> mine;
    if (!same.empty()) {
      if (same.text(0, 1) == s.user_id) mine = same.text(0, 0);
      else c.exec("DELETE FROM push_subscriptions WHERE id = $1", same.text(0, 0));
    }
    saved_push_subscription out{s, mine.has_value()};
    if (mine) {
      out.subscription.id = *mine;
      c.exec("UPDATE push_subscriptions SET session_hash = $1, p256dh = $2, auth = $3, expiration_time = $4, created_at = $5 "
             "WHERE id = $6",
             s.session_hash, s.p256dh, s.auth, s.expiration_time, to_millis(s.created_at), *mine);
      return out;
    }
    if (c.exec("SELECT COUNT(*) FROM push_subscriptions WHERE user_id = $1", s.user_id).integer(0, 0) >= limit)
      return domain::fail(domain::errc::conflict,
                          "You have " + std::to_string(limit) + " push subscriptions already; delete one first.");
    // Another user's save of this endpoint may have committed since we looked: theirs stays.
    if (c.exec("INSERT INTO push_subscriptions (id, user_id, session_hash, endpoint, p256dh, auth, expiration_time, created_at) "
               "VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (endpoint) DO NOTHING",
               s.id, s.user_id, s.session_hash, s.endpoint, s.p256dh, s.auth, s.expiration_time, to_millis(s.created_at))
            .affected() == 0)
      return domain::fail(domain::errc::conflict, "Another account subscribed this push endpoint just now.");
    return out;
  });
}

std::vector<push_subscription_record> pg_store::push_subscriptions(const std::string& user_id) {
  return read(pool_, [&](connection& c) {
    return read_all(c.exec(std::string(select_subscription) + "WHERE s.user_id = $1 ORDER BY s.created_at, s.id", user_id));
  });
}

bool pg_store::delete_push_subscription(const std::string& user_id, const std::string& id) {
  return read(pool_, [&](connection& c) {
    return c.exec("DELETE FROM push_subscriptions WHERE id = $1 AND user_id = $2", id, user_id).affected() > 0;
  });
}

bool pg_store::drop_push_subscription(const std::string& id) {
  return read(pool_, [&](connection& c) { return c.exec("DELETE FROM push_subscriptions WHERE id = $1", id).affected() > 0; });
}

std::vector<push_subscription_record> pg_store::notify_push_subscriptions(const std::string& user_id,
                                                                          const std::string& room_id,
                                                                          domain::time_point now) {
  return write(pool_, [&](connection& c) -> std::vector<push_subscription_record> {
    if (c.exec("SELECT 1 FROM interviews WHERE room_id = $1 AND status = 'pending' FOR UPDATE", room_id).empty()) return {};
    auto out = read_all(c.exec(std::string(select_subscription) +
                                   "JOIN sessions x ON x.token_hash = s.session_hash "
                                   "WHERE s.user_id = $1 AND x.expires_at > $2 "
                                   "AND (s.expiration_time IS NULL OR s.expiration_time > $2) ORDER BY s.created_at, s.id",
                               user_id, to_millis(now)));
    for (const auto& s : out)
      c.exec("INSERT INTO push_notices (room_id, subscription_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", room_id, s.id);
    return out;
  });
}

void pg_store::forget_push_notice(const std::string& room_id, const std::string& subscription_id) {
  read(pool_, [&](connection& c) {
    return c.exec("DELETE FROM push_notices WHERE room_id = $1 AND subscription_id = $2", room_id, subscription_id).affected();
  });
}

std::vector<push_subscription_record> pg_store::take_push_notices(const std::string& room_id) {
  return write(pool_, [&](connection& c) {
    const auto taken = c.exec("DELETE FROM push_notices WHERE room_id = $1 RETURNING subscription_id", room_id);
    std::vector<std::string> ids;
    for (int i = 0; i < taken.rows(); ++i) ids.push_back(taken.text(i, 0));
    if (ids.empty()) return std::vector<push_subscription_record>{};
    return read_all(c.exec(std::string(select_subscription) + "WHERE s.id = ANY($1) ORDER BY s.created_at, s.id", ids));
  });
}

} // namespace mm::store::postgres
