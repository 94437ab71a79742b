#pragma once
// {interview, from: partner}: an invitation as its invitee receives it (API.md,
// "interview-invitation-received"), built from what the caller already read.
#include "domain/types.hpp"
#include "services/timezone.hpp"

#include <boost/json/object.hpp>

namespace mm::services {

struct invitation_parties {
  domain::profile inviter;
  domain::profile invitee;
  bool inviter_online = false;
  bool inviter_busy = false;
  domain::reliability inviter_record;
};

// The match score is the invitee's view of the inviter, with their time zones' offsets.
boost::json::object invitation_payload(const domain::interview& iv, const invitation_parties& p, const timezone_db& zones,
                                       domain::time_point now);

} // namespace mm::services
