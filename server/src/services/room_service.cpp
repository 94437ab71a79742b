#include "services/room_service.hpp"

#include "domain/interview_rules.hpp"
#include "domain/enum_names.hpp"
#include "services/announcements.hpp"
#include "services/deadlines.hpp"
#include "services/presence_news.hpp"
#include "services/secrets.hpp"

#include <boost/json/serialize.hpp>

namespace mm::services {

namespace json = boost::json;
using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::interview;
using domain::outcome;

namespace {
std::string room_payload(const std::string& room_id, const std::string& user_id) {
  return json::serialize(json::object{{"roomId", room_id}, {"userId", user_id}});
}
} // namespace

awaitable<outcome<joined_room>> room_service::join(std::string user_id, std::string room_id) {
  const auto now = ctx_.clock.now();
  auto result = co_await ctx_.executor.run([&] { return ctx_.db.join(room_id, user_id, now, ctx_.config.round_minutes); });
  if (!result) co_return result.error();
  const auto& iv = result->iv;
  const auto& other = domain::other_participant(iv, user_id);
  const bool other_present = user_id == iv.inviter.id ? iv.invitee_present : iv.inviter_present;
  if (other_present) ctx_.deadlines.cancel(grace_key{room_id});
  ctx_.events.publish({bus::place_topic{room_id, other}, "peer-joined", room_payload(room_id, user_id)});
  if (result->started) {
    ctx_.counters.add("mockmate_interviews_started_total", "");
    announce(ctx_, "interview-started", iv);
  }
  joined_room out{iv, {}, domain::role_of(iv, user_id) == domain::role::invitee};
  if (other_present) out.peers.push_back(other);
  co_return out;
}

awaitable<void> room_service::left(std::string user_id, std::string room_id) {
  const auto deadline = ctx_.clock.now() + ctx_.config.rejoin_grace;
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.leave(room_id, user_id, deadline); });
  if (!iv) co_return;
  ctx_.events.publish({bus::place_topic{room_id, domain::other_participant(*iv, user_id)}, "peer-left",
                       room_payload(room_id, user_id)});
  if (iv->grace_deadline) arm_grace(ctx_, room_id, *iv->grace_deadline);
}

awaitable<outcome<void>> room_service::leave(std::string user_id, std::string room_id, bool held_place) {
  if (held_place) {
    co_await left(std::move(user_id), std::move(room_id));
    co_return outcome<void>{};
  }
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv || domain::role_of(*iv, user_id) == domain::role::none) co_return fail(errc::not_found, "No interview with that room id.");
  co_return outcome<void>{};
}

awaitable<domain::failure> room_service::signal_refusal(std::string user_id, std::string room_id) {
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv) co_return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, user_id, domain::action::signal, ctx_.clock.now()); !ok) co_return ok.error();
  co_return fail(errc::forbidden, "Join the room first.");
}

void room_service::relay(const std::string& room_id, const std::string& to_user, std::string_view event, std::string payload) {
  ctx_.events.publish({bus::place_topic{room_id, to_user}, std::string(event), std::move(payload)});
  ctx_.counters.add("mockmate_signaling_messages_total", "event=\"" + std::string(event) + "\"");
}

awaitable<outcome<interview>> room_service::complete(std::string user_id, std::string room_id) {
  const auto now = ctx_.clock.now();
  auto result = co_await ctx_.executor.run([&] { return ctx_.db.complete(room_id, user_id, now); });
  if (!result) co_return result.error();
  ctx_.deadlines.cancel(grace_key{room_id});
  ctx_.counters.add("mockmate_interviews_ended_total", "reason=\"completed\"");
  ctx_.events.publish({bus::room_topic{room_id}, "room-closed", "{}"});
  announce(ctx_, "interview-ended", *result);
  co_await announce_busy(ctx_, *result);
  co_return std::move(*result);
}

awaitable<outcome<domain::feedback>> room_service::add_feedback(std::string user_id, std::string room_id, feedback_request r) {
  domain::feedback f;
  f.id = new_id("f");
  f.room_id = room_id;
  f.from.id = user_id;
  f.rating = r.rating;
  f.scores = r.scores;
  f.comments = std::move(r.comments);
  f.created_at = ctx_.clock.now();
  co_return co_await ctx_.executor.run([&] { return ctx_.db.add_feedback(f); });
}

json::array room_service::ice_servers(const std::string& user_id) const {
  json::array out;
  if (!ctx_.config.stun_uris.empty()) {
    json::array urls;
    for (const auto& u : ctx_.config.stun_uris) urls.emplace_back(u);
    out.push_back(json::object{{"urls", std::move(urls)}});
  }
  if (!ctx_.config.turn_uris.empty() && !ctx_.config.turn_secret.empty()) {
    const auto expiry = std::chrono::duration_cast<std::chrono::seconds>(ctx_.clock.now().time_since_epoch()) + ctx_.config.turn_ttl;
    const auto username = std::to_string(expiry.count()) + ":" + user_id;
    json::array urls;
    for (const auto& u : ctx_.config.turn_uris) urls.emplace_back(u);
    out.push_back(json::object{
        {"urls", std::move(urls)}, {"username", username}, {"credential", turn_password(ctx_.config.turn_secret, username)}});
  }
  return out;
}

} // namespace mm::services
