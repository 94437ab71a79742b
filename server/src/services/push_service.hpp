#pragma once
// Web Push for people who are not on the site (API.md v2, "Push notifications"; docs/push.md):
// the subscriptions of the signed-in user, and the notifier that pushes an invitation to an
// invitee with no connected socket on any node, then `invitation-closed` when it leaves pending.
// Everything runs on the I/O executor; pushes go out through push::sender, off the I/O thread,
// and nothing here is awaited by an acknowledgement.
#include "push/endpoint.hpp"
#include "services/auth_service.hpp"
#include "services/context.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <unordered_map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm::push {
class sender;
struct send_result;
}

namespace mm::services {

struct push_setup {
  push::sender* sender = nullptr; // null: push is off (GET /api/push/config answers null)
  std::string public_key;         // the VAPID public key, base64url
  push::origin_allow_list allowed; // --push-allow-origin
  int max_subscriptions = 10;      // per user (API.md)
  // How long the invitation-closed push may wait at the push service for an offline device: it
  // closes a notification already shown, which stays on screen however old it is.
  std::chrono::seconds closed_ttl{3600};
};

struct push_subscription_request {
  std::string endpoint;
  std::string p256dh;
  std::string auth;
  std::optional<std::int64_t> expiration_time; // ms since the epoch
};

// {endpoint, keys: {p256dh, auth}, expirationTime?}: presence and JSON types; validation_failed
// naming the field. The endpoint's and keys' own rules are push_service::subscribe's.
domain::outcome<push_subscription_request> parse_push_subscription(const boost::json::value& v);
// {id, endpoint, createdAt}
boost::json::object push_subscription_json(const store::push_subscription_record& s);

class push_service {
public:
  push_service(context& ctx, push_setup setup) : ctx_(ctx), setup_(std::move(setup)) {}

  bool enabled() const { return setup_.sender != nullptr; }
  // The VAPID public key; empty when push is off.
  const std::string& public_key() const { return setup_.public_key; }

  // unavailable when push is off; validation_failed naming `endpoint` (not https, internal after
  // resolution, unless allow-listed), `keys.p256dh`, `keys.auth` or `expirationTime` (passed);
  // conflict beyond max_subscriptions. Owned by session `s`.
  boost::asio::awaitable<domain::outcome<store::saved_push_subscription>> subscribe(session_user s, push_subscription_request r);
  boost::asio::awaitable<std::vector<store::push_subscription_record>> list(std::string user_id);
  // not_found unless the subscription is the user's.
  boost::asio::awaitable<domain::outcome<void>> remove(std::string user_id, std::string id);

  // The notifier. `iv` was just created pending: when the invitee has no connected socket on any
  // node, each of their subscriptions gets the invitation push (TTL = whole seconds left,
  // Urgency high, Topic from the room). Returns at once.
  void invitation_sent(const domain::interview& iv);
  // `iv` just left pending (accepted, rejected, cancelled, expired): the subscriptions that were
  // pushed the invitation get `invitation-closed` with the same Topic, once. Returns at once.
  void invitation_closed(const domain::interview& iv);

private:
  boost::asio::awaitable<void> push_invitation(domain::interview iv);
  boost::asio::awaitable<void> push_closed(domain::interview iv);
  void sent(const char* kind, const std::string& room_id, const std::string& subscription_id, const push::send_result& r);

  // Invitation pushes of this node still being sent, by room: closing the invitation withdraws
  // them, so a retry never lands after the invitation-closed push. I/O executor only.
  struct in_flight {
    std::shared_ptr<std::atomic<bool>> withdrawn;
    int pushes = 0;
  };

  context& ctx_;
  push_setup setup_;
  std::unordered_map<std::string, in_flight> in_flight_;
};

} // namespace mm::services
