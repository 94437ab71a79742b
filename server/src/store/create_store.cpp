#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

#include <filesystem>
#include <stdexcept>

namespace mm::store {

std::unique_ptr<store> create_store(const std::string& url, const open_options& options) {
  if (url.rfind("sqlite:", 0) == 0) {
    const std::filesystem::path path = url.substr(7);
    if (path.empty()) throw std::runtime_error("--db sqlite: needs a file path, e.g. sqlite:data/mockmate.db");
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    return std::make_unique<sqlite::sqlite_store>(path.string(), sqlite::database_options{.exclusive = options.exclusive});
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    const auto parsed = postgres::parse_url(url); // pool_size=N (default 8) is ours, the rest is libpq's
    return std::make_unique<postgres::pg_store>(parsed.libpq_url, parsed.pool_size);
  }
  throw std::runtime_error("--db must be sqlite:PATH or a postgresql:// URL");
}

} // namespace mm::store
