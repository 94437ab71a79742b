#pragma once
// The PostgreSQL schema as numbered migrations: migration i (0-based) is version i + 1, recorded
// in the table schema_migrations once applied.
#include <span>
#include <string_view>

namespace mm::store::postgres {

std::span<const std::string_view> migrations();

} // namespace mm::store::postgres
