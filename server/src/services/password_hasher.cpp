#include "services/password_hasher.hpp"

#include "services/secrets.hpp"

#include "services/offload.hpp"

#include <sodium.h>

#include <stdexcept>

namespace mm::services {
namespace {
constexpr unsigned long long opslimit = 2;
constexpr std::size_t memlimit = 19 * 1024 * 1024;

std::string argon2id(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return out;
}
} // namespace

password_hasher::password_hasher(std::size_t threads, std::size_t max_waiting)
    : pool_(threads), max_waiting_(max_waiting), decoy_(argon2id(new_token())) {}

password_hasher::~password_hasher() { pool_.join(); }

boost::asio::awaitable<domain::outcome<std::string>> password_hasher::hash(std::string password) {
  if (waiting_.fetch_add(1) >= max_waiting_) {
    --waiting_;
    co_return domain::fail(domain::errc::unavailable, "The server is busy; try again in a moment.");
  }
  // The job is a named local: GCC 12 mishandles non-trivial temporaries inside co_await expressions.
  auto job = [p = std::move(password)] { return argon2id(p); };
  auto result = co_await offload(pool_.get_executor(), std::move(job));
  --waiting_;
  co_return result;
}

boost::asio::awaitable<domain::outcome<bool>> password_hasher::verify(std::optional<std::string> stored, std::string password) {
  if (waiting_.fetch_add(1) >= max_waiting_) {
    --waiting_;
    co_return domain::fail(domain::errc::unavailable, "The server is busy; try again in a moment.");
  }
  const bool known = stored.has_value();
  std::string hash = known ? std::move(*stored) : decoy_;
  auto job = [h = std::move(hash), p = std::move(password)] {
    return crypto_pwhash_str_verify(h.c_str(), p.data(), p.size()) == 0;
  };
  const bool ok = co_await offload(pool_.get_executor(), std::move(job));
  --waiting_;
  co_return known && ok;
}

} // namespace mm::services
