#include "services/invitation_service.hpp"

#include "domain/interview_rules.hpp"
#include "domain/enum_names.hpp"
#include "services/announcements.hpp"
#include "services/deadlines.hpp"
#include "services/invitation_payload.hpp"
#include "services/presence_news.hpp"
#include "services/push_service.hpp"
#include "services/secrets.hpp"
#include "services/workspace_service.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace mm::services {

namespace json = boost::json;
using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::interview;
using domain::outcome;

awaitable<outcome<sent_invitation>> invitation_service::send(std::string inviter_id, invitation_request r) {
  const auto now = ctx_.clock.now();
  store::send_request req{new_id("r"),
                          inviter_id,
                          r.invitee_id,
                          r.question_ids,
                          now,
                          now + ctx_.config.invitation_ttl,
                          now + ctx_.config.rejoin_grace,
                          {ctx_.config.invitation_rate_count, ctx_.config.invitation_rate_window}};
  // One round trip: the rules, the write and what the announcements need, in one transaction.
  // The inviter's reliability, for the invitee's `from`, in the same hop (one query).
  domain::reliability inviter_record;
  auto result = co_await ctx_.executor.run([&] {
    auto sent = ctx_.db.send_invitation(req);
    if (sent && !sent->met)
      if (auto records = ctx_.db.reliability_of({inviter_id}); records.contains(inviter_id)) inviter_record = records[inviter_id];
    return sent;
  });
  if (!result) {
    if (result.error().code == errc::rate_limited) ctx_.counters.add("mockmate_invitations_rate_limited_total", "");
    co_return result.error();
  }
  if (result->met) {
    ctx_.counters.add("mockmate_invitations_total", "outcome=\"accepted\"");
    after_acceptance(result->iv, result->ended_busy);
    announce_busy(ctx_, result->iv, result->inviter_profile.available, result->invitee_profile.available);
    co_return sent_invitation{std::move(result->iv), ctx_.presence.is_online(r.invitee_id), true};
  }
  ctx_.counters.add("mockmate_invitations_total", "outcome=\"sent\"");
  share_expiry(ctx_, result->iv.room_id, result->iv.expires_at);
  // The inviter is not busy: inviting while in an interview is refused by the rules.
  const invitation_parties parties{std::move(result->inviter_profile), std::move(result->invitee_profile),
                                   ctx_.presence.is_online(inviter_id), false, inviter_record};
  ctx_.events.publish({bus::user_topic{r.invitee_id}, "interview-invitation-received",
                       json::serialize(invitation_payload(result->iv, parties, zones_, ctx_.clock.now()))});
  if (ctx_.push) ctx_.push->invitation_sent(result->iv); // returns at once: the ack never waits for a push
  co_return sent_invitation{std::move(result->iv), ctx_.presence.is_online(r.invitee_id), false};
}

void invitation_service::after_acceptance(const interview& iv, const std::vector<interview>& ended_busy) {
  ctx_.deadlines.cancel(expiry_key{iv.room_id});
  if (iv.grace_deadline) arm_grace(ctx_, iv.room_id, *iv.grace_deadline);
  announce(ctx_, "invitation-accepted", iv);
  for (const auto& other : ended_busy) {
    ctx_.deadlines.cancel(expiry_key{other.room_id});
    const bool rejected = other.status == domain::interview_status::rejected;
    ctx_.counters.add("mockmate_invitations_total", rejected ? "outcome=\"rejected\"" : "outcome=\"cancelled\"");
    announce(ctx_, rejected ? "invitation-rejected" : "invitation-cancelled", other);
  }
}

awaitable<outcome<interview>> invitation_service::answer(std::string user_id, std::string room_id, bool accept) {
  const auto now = ctx_.clock.now();
  if (accept) {
    const auto grace = now + ctx_.config.rejoin_grace;
    auto result = co_await ctx_.executor.run([&] { return ctx_.db.accept(room_id, user_id, now, grace); });
    if (!result) co_return result.error();
    ctx_.counters.add("mockmate_invitations_total", "outcome=\"accepted\"");
    after_acceptance(result->iv, result->ended_busy);
    co_await announce_busy(ctx_, result->iv);
    co_return std::move(result->iv);
  }
  auto result = co_await ctx_.executor.run([&] { return ctx_.db.reject(room_id, user_id, now); });
  if (!result) co_return result.error();
  ctx_.deadlines.cancel(expiry_key{room_id});
  ctx_.counters.add("mockmate_invitations_total", "outcome=\"rejected\"");
  announce(ctx_, "invitation-rejected", *result);
  co_return std::move(*result);
}

awaitable<outcome<interview>> invitation_service::cancel(std::string user_id, std::string room_id) {
  const auto now = ctx_.clock.now();
  auto result = co_await ctx_.executor.run([&] { return ctx_.db.cancel(room_id, user_id, now); });
  if (!result) co_return result.error();
  ctx_.deadlines.cancel(expiry_key{room_id});
  ctx_.counters.add("mockmate_invitations_total", "outcome=\"cancelled\"");
  announce(ctx_, "invitation-cancelled", *result);
  co_return std::move(*result);
}

awaitable<std::vector<json::object>> invitation_service::pending_for(std::string user_id) {
  const auto now = ctx_.clock.now();
  struct pending_invitation {
    interview iv;
    invitation_parties parties;
  };
  auto pending = co_await ctx_.executor.run([&] {
    std::vector<pending_invitation> out;
    auto invitations = ctx_.db.pending_for_invitee(user_id, now);
    if (invitations.empty()) return out;
    const auto mine = ctx_.db.get_profile(user_id);
    std::vector<std::string> inviters;
    for (const auto& iv : invitations) inviters.push_back(iv.inviter.id);
    auto records = ctx_.db.reliability_of(inviters);
    for (auto& iv : invitations) {
      auto inviter = ctx_.db.get_profile(iv.inviter.id);
      const bool busy = ctx_.db.active_interview(iv.inviter.id).has_value();
      const auto record = records[iv.inviter.id];
      out.push_back({std::move(iv), {std::move(inviter), mine, false, busy, record}});
    }
    return out;
  });
  std::vector<json::object> out;
  for (auto& p : pending) {
    p.parties.inviter_online = ctx_.presence.is_online(p.iv.inviter.id);
    out.push_back(invitation_payload(p.iv, p.parties, zones_, ctx_.clock.now()));
  }
  co_return out;
}

awaitable<outcome<interview_detail>> invitation_service::detail(std::string user_id, std::string room_id) {
  auto found = co_await ctx_.executor.run([&]() -> std::optional<interview_detail> {
    auto iv = ctx_.db.find_interview(room_id);
    if (!iv || domain::role_of(*iv, user_id) == domain::role::none) return std::nullopt;
    interview_detail d{std::move(*iv), std::nullopt, {}};
    if (d.iv.status == domain::interview_status::completed || d.iv.status == domain::interview_status::abandoned)
      d.feedback = ctx_.db.list_feedback(room_id);
    d.workspaces = workspace_service::documents_of(d.iv, ctx_.db.list_workspaces(room_id));
    return d;
  });
  if (!found) co_return fail(errc::not_found, "No interview with that room id.");
  co_return std::move(*found);
}

awaitable<outcome<history_page>> invitation_service::history(std::string user_id, history_query q) {
  store::history_filter f;
  if (q.status) {
    f.status = domain::parse_interview_status(*q.status);
    if (!f.status)
      co_return fail(errc::validation_failed,
                     "status must be one of pending, accepted, in_progress, completed, rejected, cancelled, expired, abandoned.");
  }
  if (q.role) {
    if (*q.role != "inviter" && *q.role != "invitee") co_return fail(errc::validation_failed, "role must be inviter or invitee.");
    f.as_inviter = *q.role == "inviter";
  }
  if (q.limit < 1 || q.limit > 100) co_return fail(errc::validation_failed, "limit must be from 1 to 100.");
  f.limit = q.limit + 1; // one more tells whether a next page exists
  if (q.cursor) {
    auto raw = q.cursor->size() > 300 ? std::nullopt : from_base64url(*q.cursor);
    const auto colon = raw ? raw->find(':') : std::string::npos;
    if (colon == std::string::npos || colon == 0 || colon > 15 ||
        !std::all_of(raw->begin(), raw->begin() + static_cast<long>(colon), [](char c) { return c >= '0' && c <= '9'; }))
      co_return fail(errc::validation_failed, "cursor is not one this server gave out.");
    f.after = std::pair{std::stoll(raw->substr(0, colon)), raw->substr(colon + 1)};
  }
  auto rows = co_await ctx_.executor.run([&] { return ctx_.db.history(user_id, f); });
  history_page page;
  if (static_cast<int>(rows.size()) > q.limit) {
    rows.resize(static_cast<std::size_t>(q.limit));
    page.next_cursor = to_base64url(std::to_string(domain::to_millis(rows.back().created_at)) + ":" + rows.back().room_id);
  }
  page.interviews = std::move(rows);
  co_return page;
}

awaitable<outcome<json::object>> invitation_service::stats(std::string user_id, std::string scope) {
  if (scope != "me" && scope != "all") co_return fail(errc::validation_failed, "scope must be me or all.");
  std::optional<std::string> who;
  if (scope == "me") who = user_id;
  auto s = co_await ctx_.executor.run([&] { return ctx_.db.stats(who); });
  const auto answered = s.accepted + s.declined + s.expired;
  json::value rate = nullptr;
  if (answered > 0) rate = static_cast<double>(s.accepted) / static_cast<double>(answered);
  json::value median = nullptr;
  if (!s.response_seconds.empty()) {
    auto& v = s.response_seconds;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }
  co_return json::object{{"sent", s.sent},         {"received", s.received},       {"accepted", s.accepted},
                         {"rejected", s.rejected}, {"cancelled", s.cancelled},     {"expired", s.expired},
                         {"acceptanceRate", rate}, {"medianResponseSeconds", median}};
}

} // namespace mm::services
