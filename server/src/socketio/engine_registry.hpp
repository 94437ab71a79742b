#pragma once
// What an Engine.IO server shares with its sessions: settings and the sessions by id.
#include "socketio/engine_options.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace mm::socketio {

class engine_socket;

struct engine_registry {
  boost::asio::any_io_executor executor;
  engine_options options;
  // Open and closing sessions; a session removes itself when it is closed.
  std::unordered_map<std::string, std::shared_ptr<engine_socket>> sessions;
  std::function<void(std::shared_ptr<engine_socket>)> on_connection;
};

} // namespace mm::socketio
