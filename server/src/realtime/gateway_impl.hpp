#pragma once
// The gateway's state, shared by its connection handling (gateway.cpp) and its event table
// (events.cpp). Everything here runs on the I/O executor; nothing is locked.
#include "realtime/gateway.hpp"
#include "socketio/server.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace mm::realtime {

// What the gateway keeps with each socket (socketio::socket::data).
struct socket_state {
  std::string token_hash;
  // Rooms where this socket holds its user's place -> the other participant's id.
  std::unordered_map<std::string, std::string> places;
  std::vector<std::string> watching;
};

socket_state& state_of(socketio::socket& s);

struct gateway::impl {
  impl(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence, gateway_options options);

  boost::asio::any_io_executor ex;
  services::service_set& services;
  presence_registry& presence;
  gateway_options options;
  socketio::server io;
  socketio::nsp& users; // the default namespace

  // (room, user) -> the socket holding the user's place in the room.
  std::unordered_map<std::string, std::unordered_map<std::string, std::weak_ptr<socketio::socket>>> places;
  // watched user -> the sockets watching them.
  std::unordered_map<std::string, std::unordered_set<socketio::socket*>> watchers;

  void deliver(const bus::message& m);
  // Drops the socket's place in `room` (no peer-left: the caller decides).
  void drop_place(socketio::socket& s, const std::string& room);
  void set_watching(socketio::socket& s, std::vector<std::string> ids);
  void install_events();

  // With --redis (cluster_gateway.cpp). When (room, user)'s place was taken here: (ms, node).
  std::unordered_map<std::string, std::pair<std::int64_t, std::string>> place_stamps; // "room\nuser"
  // A socket here took the user's place: tells the other nodes (their socket gets left-room).
  void place_taken(const std::string& room, const std::string& user);
  // Another node's socket took a place: drops ours when that take is the later one.
  void place_moved(const bus::message& m);
  // The bus came back after losing Redis: pending invitations and watched presence again.
  void resync();
};

// {"ok": false, "error": {...}}
boost::json::object failure_ack(const domain::failure& f);

} // namespace mm::realtime
