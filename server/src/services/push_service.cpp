#include "services/push_service.hpp"

#include "domain/enum_names.hpp"
#include "push/push_request.hpp"
#include "push/sender.hpp"
#include "push/subscription.hpp"
#include "services/secrets.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include <cmath>
#include <memory>

namespace mm::services {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {

void spawn(context& ctx, awaitable<void> work, const char* what) {
  asio::co_spawn(ctx.io, std::move(work), [what](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      spdlog::error("{} failed: {}", what, ex.what());
    }
  });
}

// sender::vet as an awaitable: resumes on `io` with the vetted endpoint or validation_failed.
awaitable<outcome<push::endpoint>> vet(push::sender& sender, std::string url, const asio::any_io_executor& io) {
  // Captures by reference only (docs/decisions/0002): the frame outlives the initiation.
  auto initiate = [&sender, &io](auto handler, std::string u) {
    auto shared = std::make_shared<decltype(handler)>(std::move(handler));
    sender.vet(std::move(u), io, [shared](outcome<push::endpoint> r) { (*shared)(std::optional(std::move(r))); });
  };
  auto r = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::optional<outcome<push::endpoint>>)>(
      initiate, asio::use_awaitable, std::move(url));
  co_return std::move(*r);
}

std::optional<std::string> string_field(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

} // namespace

outcome<push_subscription_request> parse_push_subscription(const json::value& v) {
  if (!v.is_object()) return fail(errc::validation_failed, "The body must be an object with endpoint and keys.");
  const auto& o = v.as_object();
  push_subscription_request r;
  auto endpoint = string_field(o, "endpoint");
  if (!endpoint) return fail(errc::validation_failed, "endpoint must be a string.");
  r.endpoint = std::move(*endpoint);
  const auto* keys = o.if_contains("keys");
  if (!keys || !keys->is_object()) return fail(errc::validation_failed, "keys must be an object with p256dh and auth.");
  auto p256dh = string_field(keys->as_object(), "p256dh");
  if (!p256dh) return fail(errc::validation_failed, "keys.p256dh must be a string.");
  auto auth = string_field(keys->as_object(), "auth");
  if (!auth) return fail(errc::validation_failed, "keys.auth must be a string.");
  r.p256dh = std::move(*p256dh);
  r.auth = std::move(*auth);
  if (const auto* e = o.if_contains("expirationTime"); e && !e->is_null()) {
    if (!e->is_number()) return fail(errc::validation_failed, "expirationTime must be a number of milliseconds or null.");
    const double ms = e->to_number<double>();
    if (!std::isfinite(ms) || ms < 0 || ms > 1e15)
      return fail(errc::validation_failed, "expirationTime must be a number of milliseconds since the epoch or null.");
    r.expiration_time = static_cast<std::int64_t>(ms);
  }
  return r;
}

json::object push_subscription_json(const store::push_subscription_record& s) {
  return {{"id", s.id}, {"endpoint", s.endpoint}, {"createdAt", domain::to_iso8601(s.created_at)}};
}

awaitable<outcome<store::saved_push_subscription>> push_service::subscribe(session_user s, push_subscription_request r) {
  if (!setup_.sender) co_return fail(errc::unavailable, "Push notifications are turned off on this server.");
  if (auto checked = push::check_endpoint(r.endpoint, setup_.allowed); !checked) co_return checked.error();
  if (auto keys = push::parse_subscription_keys(r.p256dh, r.auth); !keys) co_return keys.error();
  const auto now = ctx_.clock.now();
  if (r.expiration_time && *r.expiration_time <= domain::to_millis(now))
    co_return fail(errc::validation_failed, "expirationTime has passed.");
  // The address check after name resolution, on the sender's thread (it may take a while).
  auto vetted = co_await vet(*setup_.sender, r.endpoint, ctx_.io);
  if (!vetted) co_return vetted.error();
  store::push_subscription_record record{new_id("ps"), s.user_id, s.token_hash, std::move(r.endpoint), std::move(r.p256dh),
                                         std::move(r.auth), r.expiration_time, now};
  const int limit = setup_.max_subscriptions;
  auto saved = co_await ctx_.executor.run([&] { return ctx_.db.save_push_subscription(record, limit); });
  if (saved) ctx_.counters.add("mockmate_push_subscriptions_saved_total", saved->replaced ? "kind=\"replaced\"" : "kind=\"new\"");
  co_return saved;
}

awaitable<std::vector<store::push_subscription_record>> push_service::list(std::string user_id) {
  co_return co_await ctx_.executor.run([&] { return ctx_.db.push_subscriptions(user_id); });
}

awaitable<outcome<void>> push_service::remove(std::string user_id, std::string id) {
  const bool deleted = co_await ctx_.executor.run([&] { return ctx_.db.delete_push_subscription(user_id, id); });
  if (!deleted) co_return fail(errc::not_found, "No push subscription with that id.");
  ctx_.counters.add("mockmate_push_subscriptions_removed_total", "reason=\"deleted\"");
  co_return outcome<void>{};
}

void push_service::invitation_sent(const domain::interview& iv) {
  if (!setup_.sender) return;
  // Decided now, on the I/O thread, with the cluster's view: a socket on any node means the
  // invitation reaches a tab and no push is sent.
  if (ctx_.presence.has_socket(iv.invitee.id)) {
    ctx_.counters.add("mockmate_push_skipped_total", "reason=\"connected\"");
    return;
  }
  spawn(ctx_, push_invitation(iv), "invitation push");
}

void push_service::invitation_closed(const domain::interview& iv) {
  if (!setup_.sender) return;
  if (auto it = in_flight_.find(iv.room_id); it != in_flight_.end()) {
    it->second.withdrawn->store(true);
    in_flight_.erase(it);
  }
  spawn(ctx_, push_closed(iv), "invitation-closed push");
}

awaitable<void> push_service::push_invitation(domain::interview iv) {
  const auto at = ctx_.clock.now();
  auto targets = co_await ctx_.executor.run([&] { return ctx_.db.notify_push_subscriptions(iv.invitee.id, iv.room_id, at); });
  if (targets.empty()) co_return;
  const auto now = ctx_.clock.now();
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(iv.expires_at - now);
  // No question text, code or chat: who invites, to which room, until when.
  const auto payload = json::serialize(json::object{{"type", "invitation"},
                                                    {"roomId", iv.room_id},
                                                    {"from", {{"id", iv.inviter.id}, {"name", iv.inviter.name}}},
                                                    {"expiresAt", domain::to_iso8601(iv.expires_at)}});
  const auto topic = push::derive_topic(iv.room_id);
  std::shared_ptr<std::atomic<bool>> withdrawn;
  for (auto& t : targets) {
    auto keys = push::parse_subscription_keys(t.p256dh, t.auth);
    if (!keys || left.count() <= 0) {
      co_await ctx_.executor.run([&] { ctx_.db.forget_push_notice(iv.room_id, t.id); });
      continue;
    }
    if (!withdrawn) withdrawn = in_flight_[iv.room_id].withdrawn = std::make_shared<std::atomic<bool>>(false);
    ++in_flight_[iv.room_id].pushes;
    push::push_message m{{t.endpoint, *keys}, payload, left, push::urgency::high, topic, iv.expires_at, withdrawn};
    setup_.sender->send(std::move(m), ctx_.io, [this, room = iv.room_id, id = t.id, withdrawn](push::send_result r) {
      if (auto it = in_flight_.find(room); it != in_flight_.end() && it->second.withdrawn == withdrawn &&
                                           --it->second.pushes == 0)
        in_flight_.erase(it);
      sent("invitation", room, id, r);
    });
  }
}

awaitable<void> push_service::push_closed(domain::interview iv) {
  auto targets = co_await ctx_.executor.run([&] { return ctx_.db.take_push_notices(iv.room_id); });
  if (targets.empty()) co_return;
  const auto payload = json::serialize(json::object{
      {"type", "invitation-closed"}, {"roomId", iv.room_id}, {"status", domain::to_string(iv.status)}});
  const auto topic = push::derive_topic(iv.room_id);
  const auto deadline = ctx_.clock.now() + setup_.closed_ttl;
  for (auto& t : targets) {
    auto keys = push::parse_subscription_keys(t.p256dh, t.auth);
    if (!keys) continue;
    push::push_message m{{t.endpoint, *keys}, payload, setup_.closed_ttl, push::urgency::normal, topic, deadline, nullptr};
    setup_.sender->send(std::move(m), ctx_.io, [this, room = iv.room_id, id = t.id](push::send_result r) {
      sent("invitation-closed", room, id, r);
    });
  }
}

// On the I/O executor, once per push.
void push_service::sent(const char* kind, const std::string& room_id, const std::string& subscription_id,
                        const push::send_result& r) {
  ctx_.counters.add("mockmate_push_sends_total",
                    "kind=\"" + std::string(kind) + "\",outcome=\"" + std::string(push::name(r.outcome)) + "\"");
  if (r.outcome != push::delivery::delivered)
    spdlog::info("push ({}) to subscription {}: {} (status {}, {} tries){}{}", kind, subscription_id, push::name(r.outcome),
                 r.status, r.attempts, r.error.empty() ? "" : ": ", r.error);
  if (r.outcome == push::delivery::gone) {
    // The push service says the subscription is dead (404/410): it goes, with its notices.
    spawn(ctx_,
          [](context& ctx, std::string id) -> awaitable<void> {
            const bool dropped = co_await ctx.executor.run([&] { return ctx.db.drop_push_subscription(id); });
            if (dropped) ctx.counters.add("mockmate_push_subscriptions_removed_total", "reason=\"gone\"");
          }(ctx_, subscription_id),
          "push subscription removal");
    return;
  }
  if (r.outcome != push::delivery::delivered && std::string_view(kind) == "invitation") {
    // Not delivered: this subscription did not get the invitation, so it gets no invitation-closed.
    spawn(ctx_,
          [](context& ctx, std::string room, std::string id) -> awaitable<void> {
            co_await ctx.executor.run([&] { ctx.db.forget_push_notice(room, id); });
          }(ctx_, room_id, subscription_id),
          "push notice");
  }
}

} // namespace mm::services
