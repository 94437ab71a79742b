#pragma once
// The SQLite schema as numbered migrations; PRAGMA user_version is the number applied.
#include <span>
#include <string_view>

namespace mm::store::sqlite {

std::span<const std::string_view> migrations();

} // namespace mm::store::sqlite
