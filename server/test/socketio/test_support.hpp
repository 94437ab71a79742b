#pragma once
// Drives an Engine.IO / Socket.IO server in-process, without sockets: requests are handed to its
// net::handler entry points and the io_context is run until their answers are there.
#include "net/handler.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace mm::test {

inline net::request make_request(std::string method, std::string query, std::string body = {}) {
  net::request r;
  r.method = std::move(method);
  r.path = "/socket.io/";
  r.query = std::move(query);
  r.target = r.path + "?" + r.query;
  r.body = std::move(body);
  r.remote_address = "127.0.0.1";
  r.headers.push_back({"Cookie", "mm_session=s1"});
  return r;
}

// A request in flight; `result` is set when the handler answers.
struct pending {
  std::shared_ptr<std::optional<net::response>> result = std::make_shared<std::optional<net::response>>();
  bool done() const { return result->has_value(); }
  const net::response& get() const { return **result; }
};

inline pending start(boost::asio::io_context& io, net::handler& h, net::request req) {
  pending p;
  boost::asio::co_spawn(
      io, [&h, req = std::move(req), out = p.result]() mutable -> boost::asio::awaitable<void> {
        *out = co_await h.handle(std::move(req));
      },
      [](std::exception_ptr e) {
        if (e) std::rethrow_exception(e);
      });
  return p;
}

// Runs `io` until `p` is answered or `limit` passes.
inline void wait(boost::asio::io_context& io, const pending& p,
                 std::chrono::milliseconds limit = std::chrono::milliseconds(2000)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!p.done() && std::chrono::steady_clock::now() < deadline) {
    io.restart();
    io.run_for(std::chrono::milliseconds(5));
  }
}

inline net::response call(boost::asio::io_context& io, net::handler& h, net::request req) {
  auto p = start(io, h, std::move(req));
  wait(io, p);
  EXPECT_TRUE(p.done()) << "no answer";
  return p.done() ? p.get() : net::response{};
}

// Lets timers and posted work run for `d`.
inline void run_for(boost::asio::io_context& io, std::chrono::milliseconds d) {
  io.restart();
  io.run_for(d);
}

// The sid of an Engine.IO OPEN packet "0{...}".
inline std::string sid_of_packet(std::string_view open) {
  return std::string(boost::json::parse(open.substr(1)).at("sid").as_string());
}

// The sid of an Engine.IO handshake answer.
inline std::string sid_of(const net::response& handshake) { return sid_of_packet(handshake.body); }

} // namespace mm::test
