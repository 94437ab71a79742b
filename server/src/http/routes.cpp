#include "http/routes.hpp"

#include <array>

namespace mm::http {

std::span<const std::span<const route>> route_tables() {
  static const std::array tables{auth_routes(),      profile_routes(),   partner_routes(),    question_routes(),
                                 rtc_routes(),       interview_routes(), operations_routes(),
                                 trust_routes(),     push_routes(),      chat_routes(),       run_routes()};
  return tables;
}

} // namespace mm::http
