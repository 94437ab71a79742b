#pragma once
// Starting coroutines whose exceptions must not vanish.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

namespace mm::net {

// co_spawns `task` on `executor`; an exception escaping it is logged (with `what`) and dropped,
// so one failing task never takes the server down. `what` must be a string literal.
void spawn_logged(const boost::asio::any_io_executor& executor, boost::asio::awaitable<void> task, const char* what);

} // namespace mm::net
