#include "services/invitation_payload.hpp"

#include "domain/profile_rules.hpp"
#include "services/views.hpp"

namespace mm::services {

boost::json::object invitation_payload(const domain::interview& iv, const invitation_parties& p, const timezone_db& zones,
                                       domain::time_point now) {
  auto offset = [&](const domain::profile& pr) { return pr.timezone ? zones.offset_minutes(*pr.timezone) : std::nullopt; };
  domain::partner from;
  from.id = iv.inviter.id;
  from.name = iv.inviter.name;
  from.match_score = domain::match_score(p.invitee, offset(p.invitee), p.inviter, offset(p.inviter));
  from.online = p.inviter_online;
  from.busy = p.inviter_busy;
  from.prof = p.inviter;
  from.record = p.inviter_record;
  return {{"interview", interview_json(iv, now)}, {"from", partner_json(from)}};
}

} // namespace mm::services
