#pragma once
// The one mapping of an unexpected exception (broken infrastructure, a bug) to the failure a
// client gets, for both adapters' exception boundaries: a busy store (locked or unreachable
// database) is `unavailable` (503, try again), anything else `internal`. The message never
// carries internals; the boundary logs what().
#include "domain/error.hpp"

#include <exception>

namespace mm::services {

domain::failure failure_of(const std::exception& e);

} // namespace mm::services
