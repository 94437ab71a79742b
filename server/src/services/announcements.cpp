#include "services/announcements.hpp"

#include "services/push_service.hpp"
#include "services/views.hpp"

#include <boost/json/serialize.hpp>

namespace mm::services {

void announce(context& ctx, std::string_view event, const domain::interview& iv) {
  const auto payload = boost::json::serialize(boost::json::object{{"interview", interview_json(iv, ctx.clock.now())}});
  for (const auto* id : {&iv.inviter.id, &iv.invitee.id}) ctx.events.publish({bus::user_topic{*id}, std::string(event), payload});
  ctx.counters.add("mockmate_interview_events_total", "event=\"" + std::string(event) + "\"");
  // Every way out of pending is announced here, once (the store lets one transition win).
  if (ctx.push && (event == "invitation-accepted" || event == "invitation-rejected" || event == "invitation-cancelled" ||
                   event == "invitation-expired"))
    ctx.push->invitation_closed(iv);
}

} // namespace mm::services
