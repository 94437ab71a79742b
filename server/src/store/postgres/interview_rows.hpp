#pragma once
// The interview as PostgreSQL rows hold it, for the other aggregates' transactions that need it
// (the workspace's access rule): read on the caller's connection, so inside its transaction.
#include "domain/types.hpp"
#include "store/postgres/connection.hpp"

#include <optional>
#include <string>

namespace mm::store::postgres {

// The interview with its questions, as pg_store::find_interview answers it.
std::optional<domain::interview> read_interview(connection& c, const std::string& room_id);

} // namespace mm::store::postgres
