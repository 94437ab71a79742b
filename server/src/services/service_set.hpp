#pragma once
// Every use case, as the adapters (HTTP routes, Socket.IO events) see them.
#include "services/auth_service.hpp"
#include "services/chat_service.hpp"
#include "services/invitation_service.hpp"
#include "services/partner_service.hpp"
#include "services/profile_service.hpp"
#include "services/room_service.hpp"
#include "services/trust_service.hpp"
#include "services/round_service.hpp"
#include "services/workspace_service.hpp"
#include "services/run_service.hpp"

namespace mm::services {

struct service_set {
  context& ctx;
  auth_service& auth;
  profile_service& profiles;
  partner_service& partners;
  invitation_service& invitations;
  room_service& rooms;
  trust_service& trust;
  round_service& rounds;
  workspace_service& workspaces;
  chat_service& chat;
  run_service& runs;
};

} // namespace mm::services
