#include "net/server.hpp"

#include "net/detail/http_session.hpp"
#include "net/detail/server_state.hpp"
#include "net/random_token.hpp"
#include "net/spawn.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <vector>

namespace mm::net {
using boost::asio::as_tuple;
using boost::asio::use_awaitable;
using tcp = boost::asio::ip::tcp;

server::state::state(boost::asio::any_io_executor ex, handler& app_, server_options opts)
    : executor(ex), app(app_), options(std::move(opts)), acceptor(ex), drained(ex),
      id_prefix_(random_token(6)) {}

void server::state::add(connection* c) { connections.insert(c); }

void server::state::remove(connection* c) {
  connections.erase(c);
  if (stopping && connections.empty()) drained.cancel();
}

response server::state::error(int status, std::string_view message) const {
  if (options.error_response) return options.error_response(status, message);
  return response::text(status, std::string(message) + "\n");
}

std::string server::state::next_request_id() { return fmt::format("{}-{:x}", id_prefix_, ++id_counter_); }

namespace {

boost::asio::awaitable<void> accept_loop(std::shared_ptr<server::state> st) {
  for (;;) {
    auto [ec, socket] = co_await st->acceptor.async_accept(as_tuple(use_awaitable));
    if (st->stopping || ec == boost::asio::error::operation_aborted || !st->acceptor.is_open()) co_return;
    if (ec) {
      // Out of file descriptors and the like: back off briefly rather than spin.
      spdlog::warn("accept failed: {}", ec.message());
      boost::asio::steady_timer pause(st->executor, std::chrono::milliseconds(50));
      co_await pause.async_wait(as_tuple(use_awaitable));
      continue;
    }
    if (st->connections.size() >= st->options.max_connections) {
      boost::system::error_code ignored;
      socket.close(ignored);
      continue;
    }
    spawn_logged(st->executor, detail::run_http_session(st, std::move(socket)), "http session");
  }
}

} // namespace

server::server(boost::asio::any_io_executor executor, handler& app, server_options options)
    : state_(std::make_shared<state>(std::move(executor), app, std::move(options))) {}

server::~server() {
  boost::system::error_code ec;
  state_->stopping = true;
  state_->acceptor.close(ec);
}

boost::system::result<server::endpoint> server::listen(const endpoint& where) {
  boost::system::error_code ec;
  auto& acceptor = state_->acceptor;
  acceptor.open(where.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(where, ec);
  if (!ec) acceptor.listen(tcp::socket::max_listen_connections, ec);
  if (ec) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    return ec;
  }
  auto bound = acceptor.local_endpoint(ec);
  if (ec) return ec;
  spawn_logged(state_->executor, accept_loop(state_), "accept loop");
  return bound;
}

boost::asio::awaitable<void> server::stop() {
  auto st = state_;
  st->stopping = true;
  boost::system::error_code ec;
  st->acceptor.close(ec);
  std::vector<connection*> snapshot(st->connections.begin(), st->connections.end());
  for (auto* c : snapshot)
    if (st->connections.contains(c)) c->stop();
  if (!st->connections.empty()) {
    st->drained.expires_after(st->options.stop_grace);
    co_await st->drained.async_wait(boost::asio::redirect_error(use_awaitable, ec));
  }
  snapshot.assign(st->connections.begin(), st->connections.end());
  for (auto* c : snapshot)
    if (st->connections.contains(c)) c->abort();
  if (!snapshot.empty()) spdlog::warn("stop: {} connection(s) closed after the grace period", snapshot.size());
}

std::size_t server::open_connections() const noexcept { return state_->connections.size(); }

server::endpoint server::local_endpoint() const {
  boost::system::error_code ec;
  return state_->acceptor.local_endpoint(ec);
}

} // namespace mm::net
