#pragma once
// Web Push subscriptions (API.md v2, "Push notifications"): each belongs to a user and to the
// session that created it, and goes with that session (the row references the session, ON DELETE
// CASCADE, so every way a session ends takes its subscriptions along). And the push notices: which
// subscriptions an invitation was pushed to, so that the `invitation-closed` push goes to those
// and only once.
#include "domain/error.hpp"
#include "domain/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm::store {

struct push_subscription_record {
  std::string id;
  std::string user_id;
  std::string session_hash; // the digest of the session's token (session_store's key)
  std::string endpoint;     // unique: one browser push channel belongs to one user at a time
  std::string p256dh;       // base64url, as the browser gave it (checked before it is stored)
  std::string auth;
  std::optional<std::int64_t> expiration_time; // ms since the epoch, the browser's expirationTime
  domain::time_point created_at;
};

struct saved_push_subscription {
  push_subscription_record subscription; // as stored (a replacement keeps the old id)
  bool replaced = false;                 // the caller already had this endpoint
};

class push_store {
public:
  virtual ~push_store() = default;
  // Stores `s` for s.user_id in one transaction. When that user already has a subscription with
  // this endpoint, it is replaced (keys, session, expiration and created_at from `s`; the id is
  // kept) and `replaced` is set. A subscription of another user with the same endpoint is removed
  // (the browser now belongs to this user). conflict when the user already has `limit` others.
  virtual domain::outcome<saved_push_subscription> save_push_subscription(const push_subscription_record& s, int limit) = 0;
  // The user's subscriptions, oldest first.
  virtual std::vector<push_subscription_record> push_subscriptions(const std::string& user_id) = 0;
  // Deletes the user's subscription `id`; false when the user has none with that id.
  virtual bool delete_push_subscription(const std::string& user_id, const std::string& id) = 0;
  // Deletes subscription `id` whoever owns it (the push service answered 404 or 410); false when
  // it was gone already.
  virtual bool drop_push_subscription(const std::string& id) = 0;

  // The user's subscriptions that may be pushed to at `now` (session not past its absolute end,
  // expirationTime not passed), recorded as notified of `room_id`, in one transaction, but only
  // while that interview is still pending (locked, so a transition in flight is waited for): an
  // empty list otherwise. After a transition has committed, take_push_notices sees every notice
  // recorded before it.
  virtual std::vector<push_subscription_record> notify_push_subscriptions(const std::string& user_id,
                                                                          const std::string& room_id,
                                                                          domain::time_point now) = 0;
  // Forgets that `subscription_id` was notified of `room_id` (its push was not delivered).
  virtual void forget_push_notice(const std::string& room_id, const std::string& subscription_id) = 0;
  // Removes the notices of `room_id` and returns the subscriptions they named that still exist:
  // a second call gets nothing.
  virtual std::vector<push_subscription_record> take_push_notices(const std::string& room_id) = 0;
};

} // namespace mm::store
