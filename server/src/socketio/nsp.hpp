#pragma once
// socketio::nsp: a Socket.IO namespace ("/", "/admin"...): its middlewares, connection and
// event handlers, sockets, rooms, and an index of sockets by user.
//
// All members must be called on the io executor that runs the server.
#include "socketio/message.hpp"
#include "socketio/socket.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mm::socketio {

class nsp {
public:
  // Runs before a socket joins; may suspend (database, hashing on other executors). Returning a
  // value refuses the connection with CONNECT_ERROR carrying it (an object such as
  // {"message":"unauthorized"}; a string s becomes {"message":s}). An exception refuses with
  // {"message":"internal error"} and is logged.
  using middleware = std::function<boost::asio::awaitable<std::optional<boost::json::value>>(socket&)>;
  using connection_handler = std::function<void(const std::shared_ptr<socket>&)>;
  // A namespace-wide event table entry: used when the socket has no handler of its own.
  using event_handler = std::function<void(const std::shared_ptr<socket>&, message msg, ack reply)>;
  // The fallback for an event that neither the socket nor the namespace handles, with its name.
  using unhandled_handler =
      std::function<void(const std::shared_ptr<socket>&, std::string_view event, message msg, ack reply)>;

  explicit nsp(std::string name) : name_(std::move(name)) {}
  nsp(const nsp&) = delete;
  nsp& operator=(const nsp&) = delete;

  const std::string& name() const noexcept { return name_; }

  // Middlewares run in the order added, each after the previous one let the socket through.
  void use(middleware m) { middlewares_.push_back(std::move(m)); }
  // Called for each socket once it is connected (CONNECT acknowledged).
  void on_connection(connection_handler h) { on_connection_.push_back(std::move(h)); }
  void on(std::string event, event_handler h) { handlers_[std::move(event)] = std::move(h); }
  // Receives every event no handler takes (e.g. to answer its acknowledgement with an error).
  // Without one, such events are ignored, as the reference server does; either way the socket
  // stays connected.
  void on_unhandled(unhandled_handler h) { unhandled_ = std::move(h); }

  // Encodes an event once (see encoded_packet), for send_encoded / broadcasts.
  encoded_packet encode(std::string_view event, const boost::json::array& args,
                        std::vector<std::string> attachments = {}) const;

  // Sends event to every socket of the namespace / of `room`, encoding it once; `except` is
  // skipped. Returns how many sockets it was queued on.
  std::size_t emit(std::string_view event, const boost::json::array& args, std::vector<std::string> attachments = {});
  std::size_t emit_to_room(const std::string& room, std::string_view event, const boost::json::array& args,
                           std::vector<std::string> attachments = {}, const socket* except = nullptr);
  std::size_t send_to_room(const std::string& room, const encoded_packet& packet, const socket* except = nullptr);

  std::size_t size() const noexcept { return sockets_.size(); }
  std::size_t room_size(const std::string& room) const;
  std::shared_ptr<socket> find(std::string_view socket_id) const;
  std::vector<std::shared_ptr<socket>> sockets_of_user(const std::string& user_id) const;
  // Disconnects every socket whose user_id() is `user_id` (e.g. on logout); with
  // `close_connection` their whole connections close too. Returns how many.
  std::size_t disconnect_user(const std::string& user_id, bool close_connection = true);

  // Used by the server and sockets.
  const std::vector<middleware>& middlewares() const noexcept { return middlewares_; }
  void add(const std::shared_ptr<socket>& s);
  void remove(socket& s);
  void joined(socket& s, const std::string& room) { rooms_[room].insert(&s); }
  void left(socket& s, const std::string& room);
  void user_changed(socket& s, const std::string& before, const std::string& after);
  const event_handler* handler_for(const std::string& event) const;
  const unhandled_handler* unhandled() const noexcept { return unhandled_ ? &unhandled_ : nullptr; }
  void notify_connection(const std::shared_ptr<socket>& s);
  std::vector<std::shared_ptr<socket>> all() const;

private:
  std::string name_;
  std::vector<middleware> middlewares_;
  std::vector<connection_handler> on_connection_;
  std::unordered_map<std::string, event_handler> handlers_;
  unhandled_handler unhandled_;
  std::unordered_map<std::string, std::shared_ptr<socket>> sockets_; // by socket id
  std::unordered_map<std::string, std::unordered_set<socket*>> rooms_;
  std::unordered_map<std::string, std::unordered_set<socket*>> users_;
};

} // namespace mm::socketio
