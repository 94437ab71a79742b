#pragma once
// Private to net's .cpp files: the state a server shares with its sessions.
#include "net/server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mm::net {

// A live TCP connection, HTTP or WebSocket, that the server can stop.
class connection {
public:
  // Graceful: an idle HTTP connection closes now, a busy one after its response; a WebSocket
  // starts closing with 1001.
  virtual void stop() = 0;
  // Closes the socket now.
  virtual void abort() = 0;

protected:
  ~connection() = default;
};

struct server::state {
  state(boost::asio::any_io_executor ex, handler& app, server_options options);

  boost::asio::any_io_executor executor;
  handler& app;
  server_options options;
  boost::asio::ip::tcp::acceptor acceptor;
  std::unordered_set<connection*> connections;
  bool stopping = false;
  boost::asio::steady_timer drained; // cancelled when the last connection leaves during stop()
  // Every WebSocket reads into this one buffer and parses it before the next read (one thread,
  // decision 0001), so an idle connection holds no read buffer of its own. Sized on first use.
  std::vector<char> websocket_read_buffer;

  // Registers a connection for open_connections() and stop(). Must be paired with remove().
  void add(connection* c);
  void remove(connection* c);

  // The product's rendering of an error net answers by itself.
  response error(int status, std::string_view message) const;

  // A new request id: "<8 random hex>-<counter hex>", unique within this process.
  std::string next_request_id();

private:
  std::string id_prefix_;
  std::uint64_t id_counter_ = 0;
};

} // namespace mm::net
