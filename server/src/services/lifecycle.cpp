#include "services/lifecycle.hpp"

#include "domain/interview_rules.hpp"
#include "domain/names.hpp"
#include "domain/profile_rules.hpp"
#include "services/profile_service.hpp"
#include "services/views.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

namespace mm::services {

namespace json = boost::json;
using boost::asio::awaitable;

void announce(context& ctx, std::string_view event, const domain::interview& iv) {
  const auto payload = json::serialize(json::object{{"interview", interview_json(iv, ctx.clock.now())}});
  for (const auto* id : {&iv.inviter.id, &iv.invitee.id})
    ctx.events.publish({"user:" + *id, std::string(event), payload});
  ctx.counters.add("mockmate_interview_events_total", "event=\"" + std::string(event) + "\"");
}

awaitable<void> announce_busy(context& ctx, const domain::interview& iv) {
  // Both participants are busy exactly while this interview is active (one at a time per user).
  const bool busy = domain::is_active(iv.status);
  auto available = co_await ctx.executor.run([&] {
    return std::pair{ctx.db.get_profile(iv.inviter.id).available, ctx.db.get_profile(iv.invitee.id).available};
  });
  publish_presence(ctx, iv.inviter.id, busy, available.first);
  publish_presence(ctx, iv.invitee.id, busy, available.second);
}

awaitable<json::object> invitation_payload(context& ctx, const timezone_db& zones, const domain::interview& iv) {
  struct parts {
    domain::profile inviter, invitee;
    bool inviter_busy;
  };
  auto p = co_await ctx.executor.run([&] {
    return parts{ctx.db.get_profile(iv.inviter.id), ctx.db.get_profile(iv.invitee.id),
                 ctx.db.active_interview(iv.inviter.id).has_value()};
  });
  auto offset = [&](const domain::profile& pr) { return pr.timezone ? zones.offset_minutes(*pr.timezone) : std::nullopt; };
  domain::partner from;
  from.id = iv.inviter.id;
  from.name = iv.inviter.name;
  from.match_score = domain::match_score(p.invitee, offset(p.invitee), p.inviter, offset(p.inviter));
  from.online = ctx.presence.is_online(iv.inviter.id);
  from.busy = p.inviter_busy;
  from.prof = std::move(p.inviter);
  co_return json::object{{"interview", interview_json(iv, ctx.clock.now())}, {"from", partner_json(from)}};
}

namespace {
void spawn(context& ctx, awaitable<void> work, std::string what) {
  boost::asio::co_spawn(ctx.io, std::move(work), [what = std::move(what)](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      spdlog::error("{} failed: {}", what, ex.what());
    }
  });
}

awaitable<void> expire_now(context& ctx, std::string room_id) {
  const auto now = ctx.clock.now();
  auto expired = co_await ctx.executor.run([&] { return ctx.db.expire(room_id, now); });
  if (expired) {
    ctx.counters.add("mockmate_invitations_total", "outcome=\"expired\"");
    announce(ctx, "invitation-expired", *expired);
    co_return;
  }
  // Fired early (clocks) while still pending: wait for the rest.
  auto iv = co_await ctx.executor.run([&] { return ctx.db.find_interview(room_id); });
  if (iv && iv->status == domain::interview_status::pending) arm_expiry(ctx, room_id, iv->expires_at);
}

awaitable<void> abandon_now(context& ctx, std::string room_id) {
  const auto now = ctx.clock.now();
  auto ended = co_await ctx.executor.run([&] { return ctx.db.abandon_if_due(room_id, now); });
  if (ended) {
    ctx.counters.add("mockmate_interviews_ended_total", "reason=\"" + std::string(domain::to_string(ended->reason)) + "\"");
    ctx.events.publish({"room:" + room_id, "room-closed", "{}"});
    announce(ctx, "interview-ended", *ended);
    co_await announce_busy(ctx, *ended);
    co_return;
  }
  auto iv = co_await ctx.executor.run([&] { return ctx.db.find_interview(room_id); });
  if (iv && domain::is_active(iv->status) && iv->grace_deadline && *iv->grace_deadline > now)
    arm_grace(ctx, room_id, *iv->grace_deadline);
}
} // namespace

void arm_expiry(context& ctx, const std::string& room_id, domain::time_point at) {
  ctx.deadlines.arm("expire:" + room_id, at, [&ctx, room_id] { spawn(ctx, expire_now(ctx, room_id), "invitation expiry"); });
}

void arm_grace(context& ctx, const std::string& room_id, domain::time_point at) {
  ctx.deadlines.arm("grace:" + room_id, at, [&ctx, room_id] { spawn(ctx, abandon_now(ctx, room_id), "room grace"); });
}

awaitable<void> restore_deadlines(context& ctx, bool reset_presence) {
  const auto grace_from_now = ctx.clock.now() + ctx.config.rejoin_grace;
  // Several nodes (--redis): the others' participants are still there; the places of a node that
  // died are given up by the survivor that claims it (realtime/cluster_node).
  if (reset_presence) co_await ctx.executor.run([&] { ctx.db.reset_presence(grace_from_now); });
  auto pending = co_await ctx.executor.run([&] { return ctx.db.pending_deadlines(); });
  auto graces = co_await ctx.executor.run([&] { return ctx.db.grace_deadlines(); });
  for (const auto& t : pending) arm_expiry(ctx, t.room_id, t.at); // overdue ones fire at once
  for (const auto& t : graces) arm_grace(ctx, t.room_id, t.at);
  spdlog::info("restored {} invitation deadlines and {} room deadlines", pending.size(), graces.size());
}

} // namespace mm::services

namespace mm::services {

boost::asio::awaitable<void> sweep_deadlines(context& ctx, domain::milliseconds period) {
  boost::asio::steady_timer tick(ctx.io);
  for (;;) {
    tick.expires_after(period);
    co_await tick.async_wait(boost::asio::use_awaitable);
    const auto now = ctx.clock.now();
    auto pending = co_await ctx.executor.run([&] { return ctx.db.pending_deadlines(); });
    auto graces = co_await ctx.executor.run([&] { return ctx.db.grace_deadlines(); });
    for (const auto& t : pending)
      if (t.at + period <= now) spawn(ctx, expire_now(ctx, t.room_id), "invitation expiry (sweep)");
    for (const auto& t : graces)
      if (t.at + period <= now) spawn(ctx, abandon_now(ctx, t.room_id), "room grace (sweep)");
  }
}

} // namespace mm::services
