#pragma once
#include <stdexcept>
#include <string>

namespace mm::store {

// Broken infrastructure below a store call (thrown, never returned). `busy`: the database was
// locked or unreachable for longer than the store waits, so the caller answers 503 and the
// client may retry; otherwise it is an internal error.
struct store_error : std::runtime_error {
  store_error(const std::string& what, bool busy) : std::runtime_error(what), busy(busy) {}
  bool busy;
};

} // namespace mm::store
