#include "services/failures.hpp"

#include "store/store_error.hpp"

namespace mm::services {

domain::failure failure_of(const std::exception& e) {
  if (const auto* s = dynamic_cast<const store::store_error*>(&e); s && s->busy)
    return domain::fail(domain::errc::unavailable, "The database is busy; try again in a moment.");
  return domain::fail(domain::errc::internal, "Something went wrong on our side.");
}

} // namespace mm::services
