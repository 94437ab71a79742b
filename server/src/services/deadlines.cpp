#include "services/deadlines.hpp"

#include "domain/enum_names.hpp"
#include "domain/interview_rules.hpp"
#include "domain/overloaded.hpp"
#include "services/announcements.hpp"
#include "services/deadline_notice.hpp"
#include "services/presence_news.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

namespace mm::services {

using boost::asio::awaitable;
using domain::overloaded;

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
    ctx.events.publish({bus::room_topic{room_id}, "room-closed", "{}"});
    announce(ctx, "interview-ended", *ended);
    co_await announce_busy(ctx, *ended);
    co_return;
  }
  auto iv = co_await ctx.executor.run([&] { return ctx.db.find_interview(room_id); });
  if (iv && domain::is_active(iv->status) && iv->grace_deadline && *iv->grace_deadline > now)
    arm_grace(ctx, room_id, *iv->grace_deadline);
}

void arm(context& ctx, const deadline_notice& n) {
  std::visit(overloaded{
                 [&](const expiry_key& k) { arm_expiry(ctx, k.room_id, n.at); },
                 [&](const grace_key& k) { arm_grace(ctx, k.room_id, n.at); },
             },
             n.key);
}

} // namespace

void arm_expiry(context& ctx, const std::string& room_id, domain::time_point at) {
  ctx.deadlines.arm(expiry_key{room_id}, at, [&ctx, room_id] { spawn(ctx, expire_now(ctx, room_id), "invitation expiry"); });
}

void arm_grace(context& ctx, const std::string& room_id, domain::time_point at) {
  ctx.deadlines.arm(grace_key{room_id}, at, [&ctx, room_id] { spawn(ctx, abandon_now(ctx, room_id), "room grace"); });
}

void share_expiry(context& ctx, const std::string& room_id, domain::time_point at) {
  arm_expiry(ctx, room_id, at);
  ctx.events.publish(to_message({expiry_key{room_id}, at}));
}

void follow_deadlines(context& ctx) {
  ctx.events.subscribe([&ctx](const bus::message& m) {
    if (!std::holds_alternative<bus::deadline_topic>(m.to)) return;
    if (auto n = parse_deadline_notice(m)) arm(ctx, *n); // ours too: arming the same time again keeps the timer
    else spdlog::warn("deadline: dropped a malformed notice ({})", m.event);
  });
}

awaitable<void> restore_deadlines(context& ctx, bool reset_presence) {
  const auto grace_from_now = ctx.clock.now() + ctx.config.rejoin_grace;
  // Several nodes (--redis): the others' participants are still there; the places of a node that
  // died are given up by the survivor that claims it (cluster/redis_node.cpp).
  if (reset_presence) co_await ctx.executor.run([&] { ctx.db.reset_presence(grace_from_now); });
  auto pending = co_await ctx.executor.run([&] { return ctx.db.pending_deadlines(); });
  auto graces = co_await ctx.executor.run([&] { return ctx.db.grace_deadlines(); });
  for (const auto& t : pending) arm_expiry(ctx, t.room_id, t.at); // overdue ones fire at once
  for (const auto& t : graces) arm_grace(ctx, t.room_id, t.at);
  spdlog::info("restored {} invitation deadlines and {} room deadlines", pending.size(), graces.size());
}

namespace {
// Acts on the entries due `slack` before `now`, one after the other: each is one store call, and
// the store runs them one at a time anyway. A failure is logged and the sweep goes on; the next
// pass tries that deadline again.
awaitable<void> act_on_due(context& ctx, std::vector<store::timer_entry> entries, domain::time_point now,
                           domain::milliseconds slack, awaitable<void> (*act)(context&, std::string), const char* what) {
  for (auto& t : entries) {
    if (t.at + slack > now) continue;
    try {
      co_await act(ctx, std::move(t.room_id));
    } catch (const std::exception& e) {
      spdlog::error("{} (sweep) failed: {}", what, e.what());
    }
  }
}
} // namespace

awaitable<void> sweep_deadlines_once(context& ctx, domain::milliseconds slack) {
  const auto now = ctx.clock.now();
  auto pending = co_await ctx.executor.run([&] { return ctx.db.pending_deadlines(); });
  auto graces = co_await ctx.executor.run([&] { return ctx.db.grace_deadlines(); });
  co_await act_on_due(ctx, std::move(pending), now, slack, expire_now, "invitation expiry");
  co_await act_on_due(ctx, std::move(graces), now, slack, abandon_now, "room grace");
}

awaitable<void> sweep_deadlines(context& ctx, domain::milliseconds period) {
  boost::asio::steady_timer tick(ctx.io);
  for (;;) {
    tick.expires_after(period);
    co_await tick.async_wait(boost::asio::use_awaitable);
    co_await sweep_deadlines_once(ctx, period);
  }
}

} // namespace mm::services
