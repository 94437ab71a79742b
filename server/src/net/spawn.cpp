#include "net/spawn.hpp"

#include <boost/asio/co_spawn.hpp>
#include <spdlog/spdlog.h>

#include <exception>

namespace mm::net {

void spawn_logged(const boost::asio::any_io_executor& executor, boost::asio::awaitable<void> task, const char* what) {
  boost::asio::co_spawn(executor, std::move(task), [what](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      spdlog::error("{}: unhandled exception: {}", what, ex.what());
    } catch (...) {
      spdlog::error("{}: unhandled non-standard exception", what);
    }
  });
}

} // namespace mm::net
