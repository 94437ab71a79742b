#include "services/profile_service.hpp"

#include "services/presence_news.hpp"

#include <algorithm>

namespace mm::services {

using boost::asio::awaitable;
using domain::outcome;

awaitable<outcome<me_view>> profile_service::me(std::string user_id) {
  auto found = co_await ctx_.executor.run([&]() -> std::optional<me_view> {
    auto u = ctx_.db.find_user(user_id);
    if (!u) return std::nullopt;
    return me_view{std::move(*u), ctx_.db.get_profile(user_id)};
  });
  if (!found) co_return domain::fail(domain::errc::not_found, "This account no longer exists.");
  co_return std::move(*found);
}

awaitable<outcome<domain::profile>> profile_service::update(std::string user_id, profile_patch patch) {
  if (patch.timezone && *patch.timezone && !zones_.valid(**patch.timezone))
    co_return domain::fail(domain::errc::validation_failed, "timezone must be an IANA time zone name such as Europe/Berlin.");
  struct result {
    domain::profile prof;
    bool availability_changed;
    bool busy;
  };
  auto r = co_await ctx_.executor.run([&] {
    auto p = ctx_.db.get_profile(user_id);
    const bool was_available = p.available;
    if (patch.headline) p.headline = *patch.headline;
    if (patch.target_role) p.target_role = *patch.target_role;
    if (patch.timezone) p.timezone = *patch.timezone;
    if (patch.bio) p.bio = *patch.bio;
    if (patch.level) p.level = *patch.level;
    if (patch.topics) p.topics = *patch.topics;
    if (patch.languages) p.languages = *patch.languages;
    if (patch.available) p.available = *patch.available;
    ctx_.db.put_profile(user_id, p);
    const bool changed = was_available != p.available;
    const bool busy = changed && ctx_.db.active_interview(user_id).has_value();
    return result{std::move(p), changed, busy};
  });
  if (r.availability_changed) publish_presence(ctx_, user_id, r.busy, r.prof.available);
  co_return std::move(r.prof);
}

awaitable<std::vector<boost::json::object>> profile_service::presence_of(std::vector<std::string> ids) {
  struct row {
    std::string id;
    bool busy, available;
  };
  auto rows = co_await ctx_.executor.run([&] {
    std::vector<row> out;
    for (auto& c : ctx_.db.find_users(ids)) {
      const bool busy = ctx_.db.active_interview(c.user.id).has_value();
      out.push_back({c.user.id, busy, c.prof.available});
    }
    return out;
  });
  std::vector<boost::json::object> out;
  for (const auto& r : rows)
    out.push_back(presence_json(r.id, ctx_.presence.is_online(r.id), r.busy, r.available));
  co_return out;
}

awaitable<std::vector<std::string>> profile_service::visible_to(std::string viewer, std::vector<std::string> ids) {
  auto hidden = co_await ctx_.executor.run([&] { return ctx_.db.blocked_among(viewer, ids); });
  std::erase_if(ids, [&](const std::string& id) { return std::find(hidden.begin(), hidden.end(), id) != hidden.end(); });
  co_return ids;
}

} // namespace mm::services
