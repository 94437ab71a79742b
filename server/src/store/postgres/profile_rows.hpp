#pragma once
// A user's profile as PostgreSQL rows hold it: the columns to select, in this order, and the
// reader of those columns.
#include "domain/types.hpp"
#include "store/postgres/connection.hpp"

#define MM_PROFILE_COLUMNS "headline, target_role, experience_level, topics, languages, timezone, bio, available"

namespace mm::store::postgres {

// The profile in MM_PROFILE_COLUMNS order from column `c` of `row`.
domain::profile read_profile(const result& r, int row, int c);

} // namespace mm::store::postgres
