#pragma once
// Telling both participants of an interview about one of its transitions. I/O executor.
#include "services/context.hpp"

#include <string_view>

namespace mm::services {

// Publishes `event` {interview} to every tab of both participants (user_topic) and counts it.
void announce(context& ctx, std::string_view event, const domain::interview& iv);

} // namespace mm::services
