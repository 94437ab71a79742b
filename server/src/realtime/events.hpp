#pragma once
// The Socket.IO event table (API.md, "Client to server"), mirroring the HTTP route table: each
// entry parses the payload, calls one service, and answers the acknowledgement with
// {ok: true, ...} or {ok: false, error}. One dispatch function holds the single exception
// boundary for every event. I/O executor only.
#include "realtime/presence_watch.hpp"
#include "realtime/room_places.hpp"
#include "services/service_set.hpp"

#include <boost/asio/any_io_executor.hpp>

namespace mm::realtime {

// What an event handler may use.
struct event_context {
  boost::asio::any_io_executor ex;
  services::service_set& services;
  room_places& places;
  presence_watch& watching;
};

// Installs the table on `users` (the default namespace). `ctx` must outlive it.
void install_events(socketio::nsp& users, event_context& ctx);

} // namespace mm::realtime
