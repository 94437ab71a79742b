#include "services/presence_news.hpp"

#include "domain/interview_rules.hpp"

#include <boost/json/serialize.hpp>

#include <utility>

namespace mm::services {

boost::json::object presence_json(const std::string& user_id, bool online, bool busy, bool available) {
  return {{"userId", user_id}, {"online", online}, {"busy", busy}, {"available", available}};
}

void publish_presence(context& ctx, const std::string& user_id, bool busy, bool available) {
  ctx.events.publish({bus::presence_topic{user_id}, "presence",
                      boost::json::serialize(presence_json(user_id, ctx.presence.is_online(user_id), busy, available))});
}

void announce_busy(context& ctx, const domain::interview& iv, bool inviter_available, bool invitee_available) {
  const bool busy = domain::is_active(iv.status);
  publish_presence(ctx, iv.inviter.id, busy, inviter_available);
  publish_presence(ctx, iv.invitee.id, busy, invitee_available);
}

boost::asio::awaitable<void> announce_busy(context& ctx, const domain::interview& iv) {
  auto available = co_await ctx.executor.run([&] {
    return std::pair{ctx.db.get_profile(iv.inviter.id).available, ctx.db.get_profile(iv.invitee.id).available};
  });
  announce_busy(ctx, iv, available.first, available.second);
}

} // namespace mm::services
