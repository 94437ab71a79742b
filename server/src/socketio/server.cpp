#include "socketio/server.hpp"

#include "socketio/client.hpp"
#include "socketio/engine_socket.hpp"

namespace mm::socketio {

nsp* server_state::find(std::string_view name) const {
  auto it = namespaces.find(name);
  return it == namespaces.end() ? nullptr : it->second.get();
}

server::server(boost::asio::any_io_executor executor, server_options options)
    : state_(std::make_shared<server_state>()), engine_(executor, options.engine) {
  state_->executor = std::move(executor);
  state_->options = std::move(options);
  of("/");
  engine_.on_connection([weak = std::weak_ptr<server_state>(state_)](std::shared_ptr<engine_socket> conn) {
    auto st = weak.lock();
    if (!st) return;
    auto c = std::make_shared<client>(st, std::move(conn));
    st->clients.insert(c);
    c->start();
  });
}

server::~server() { close(); }

nsp& server::of(std::string_view name) {
  std::string key = name.empty() || name.front() != '/' ? "/" + std::string(name) : std::string(name);
  auto it = state_->namespaces.find(key);
  if (it == state_->namespaces.end()) it = state_->namespaces.emplace(key, std::make_unique<nsp>(key)).first;
  return *it->second;
}

void server::close() {
  std::vector<std::shared_ptr<client>> all(state_->clients.begin(), state_->clients.end());
  for (auto& c : all) c->shut_down("server shutting down");
  engine_.close();
}

std::size_t server::disconnect_user(const std::string& user_id, bool close_connection) {
  std::size_t n = 0;
  for (auto& [name, space] : state_->namespaces) n += space->disconnect_user(user_id, close_connection);
  return n;
}

} // namespace mm::socketio
