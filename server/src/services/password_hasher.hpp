#pragma once
// argon2id password hashes (libsodium; 19 MiB, 2 passes) on a small pool of its own, so that a
// login flood costs at most `threads` x 19 MiB and never blocks the I/O thread. Beyond
// `max_waiting` queued requests, callers get `unavailable` instead of a longer queue.
#include "domain/error.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <optional>
#include <string>

namespace mm::services {

class password_hasher {
public:
  explicit password_hasher(std::size_t threads = 2, std::size_t max_waiting = 256);
  ~password_hasher();

  boost::asio::awaitable<domain::outcome<std::string>> hash(std::string password);
  // Verifies against `stored`; with no stored hash, spends the same time and answers false, so an
  // unknown email cannot be told from a wrong password.
  boost::asio::awaitable<domain::outcome<bool>> verify(std::optional<std::string> stored, std::string password);

private:
  boost::asio::thread_pool pool_;
  std::size_t max_waiting_;
  std::atomic<std::size_t> waiting_{0};
  std::string decoy_; // a real hash of a random password
};

} // namespace mm::services
