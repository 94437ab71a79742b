#pragma once
// A fixed-size pool of PostgreSQL connections, safe to use from many threads. Connections are
// opened lazily, on demand, so the pool recovers by itself when the database comes back: a broken
// connection is discarded (and, since a restart of the server breaks them all, so are the idle
// ones), and the next acquire connects afresh. Each store call holds one connection for its whole
// transaction and gives it back at the end.
#include "store/postgres/connection.hpp"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace mm::store::postgres {

class pool {
public:
  // `max_size` connections at most; acquire waits `wait` for one before giving up (busy).
  pool(std::string url, std::size_t max_size, std::chrono::milliseconds wait);
  pool(const pool&) = delete;

  class lease {
  public:
    lease(pool& owner, std::unique_ptr<connection> c) : owner_(&owner), conn_(std::move(c)) {}
    lease(lease&& o) noexcept : owner_(o.owner_), conn_(std::move(o.conn_)) {}
    lease(const lease&) = delete;
    ~lease();
    connection& operator*() const { return *conn_; }
    connection* operator->() const { return conn_.get(); }
    // The connection is broken: close it, and the idle ones with it.
    void discard();

  private:
    pool* owner_;
    std::unique_ptr<connection> conn_;
  };

  // A connection of this pool; throws pg_error (busy) when none frees up in time or the database
  // cannot be reached.
  lease acquire();
  std::size_t max_size() const { return max_size_; }
  const std::string& url() const { return url_; }

private:
  void give_back(std::unique_ptr<connection> c);
  void forget(bool drop_idle);

  std::string url_;
  std::size_t max_size_;
  std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<connection>> idle_;
  std::size_t open_ = 0; // idle plus leased, plus the ones being opened
};

} // namespace mm::store::postgres
