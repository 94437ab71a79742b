// The Socket.IO event table (API.md, "Client to server"): each entry parses the payload, calls
// one service, and answers the acknowledgement with {ok: true, ...} or {ok: false, error}.
#include "domain/interview_rules.hpp"
#include "net/spawn.hpp"
#include "realtime/gateway_impl.hpp"
#include "services/views.hpp"
#include "store/store_error.hpp"

#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include <array>

namespace mm::realtime {

namespace json = boost::json;
using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using socket_ptr = std::shared_ptr<socketio::socket>;
using services::service_set;

namespace {

using event_fn = awaitable<json::object> (*)(gateway::impl&, socket_ptr, json::value);

json::object ok(json::object fields = {}) {
  json::object out{{"ok", true}};
  for (auto& [k, v] : fields) out[k] = std::move(v);
  return out;
}

json::object interview_ok(gateway::impl& g, const domain::interview& iv) {
  return ok({{"interview", services::interview_json(iv, g.services.ctx.clock.now())}});
}

awaitable<json::object> send_invitation(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_invitation(payload);
  if (!r) co_return failure_ack(r.error());
  auto sent = co_await g.services.invitations.send(s->user_id(), std::move(*r));
  if (!sent) co_return failure_ack(sent.error());
  co_return ok({{"interview", services::interview_json(sent->iv, g.services.ctx.clock.now())}, {"inviteeOnline", sent->invitee_online}});
}

awaitable<json::object> respond(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_answer(payload);
  if (!r) co_return failure_ack(r.error());
  auto result = co_await g.services.invitations.answer(s->user_id(), std::move(r->room_id), r->accept);
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

awaitable<json::object> cancel(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  auto result = co_await g.services.invitations.cancel(s->user_id(), std::move(r->room_id));
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

awaitable<json::object> join_room(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  const auto user = s->user_id();
  const auto room = r->room_id;
  auto joined = co_await g.services.rooms.join(user, room);
  if (!joined) co_return failure_ack(joined.error());
  if (!s->connected()) { // gone while joining: give the place back
    co_await g.services.rooms.left(user, room);
    co_return ok();
  }
  // The place is taken before the bus delivers the service's peer-joined (it is posted), so the
  // other side's offer finds this socket.
  auto previous = g.places[room][user].lock();
  if (previous && previous != s) {
    g.drop_place(*previous, room);
    previous->emit("left-room", json::array{json::object{{"roomId", room}, {"reason", "joined_elsewhere"}}});
  }
  g.places[room][user] = s;
  state_of(*s).places[room] = domain::other_participant(joined->iv, user);
  g.place_taken(room, user);

  json::array peers;
  for (const auto& p : joined->peers) peers.emplace_back(p);
  auto out = interview_ok(g, joined->iv);
  out["peers"] = std::move(peers);
  out["iceServers"] = g.services.rooms.ice_servers(user);
  out["polite"] = joined->polite;
  co_return out;
}

// For a socket that holds no place in the room: not_found for strangers, conflict when the
// interview is over, else forbidden (join first).
awaitable<domain::failure> not_joined(gateway::impl& g, const std::string& user, std::string room) {
  auto iv = co_await g.services.invitations.detail(user, std::move(room));
  if (!iv) co_return iv.error();
  if (!domain::is_active(iv->iv.status)) co_return fail(errc::conflict, "This interview is not open any more.");
  co_return fail(errc::forbidden, "Join the room first.");
}

awaitable<json::object> leave_room(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  const auto user = s->user_id();
  if (state_of(*s).places.count(r->room_id)) {
    g.drop_place(*s, r->room_id);
    co_await g.services.rooms.left(user, r->room_id);
    co_return ok();
  }
  auto detail = co_await g.services.invitations.detail(user, std::move(r->room_id));
  if (!detail) co_return failure_ack(detail.error());
  co_return ok();
}

// Relays at once when the socket holds its user's place in the room: no coroutine, no database.
// nullopt when it holds none; the awaited path then finds out why (stranger, over, not joined).
std::optional<json::object> relay_now(gateway::impl& g, socketio::socket& s, const json::value& payload,
                                      std::string_view event, std::string_view field) {
  auto room = services::parse_room(payload);
  if (!room) return failure_ack(room.error());
  auto& places = state_of(s).places;
  auto held = places.find(room->room_id);
  if (held == places.end()) return std::nullopt;
  auto r = services::parse_signal(payload, field);
  if (!r) return failure_ack(r.error());
  json::object out{{"roomId", r->room_id}, {"from", s.user_id()}, {field, std::move(r->data)}};
  g.services.ctx.events.publish({"room:" + r->room_id + ":" + held->second, std::string(event), json::serialize(out)});
  g.services.ctx.counters.add("mockmate_signaling_messages_total", "event=\"" + std::string(event) + "\"");
  return ok();
}

awaitable<json::object> relay(gateway::impl& g, socket_ptr s, json::value payload, std::string_view event,
                              std::string_view field) {
  if (auto done = relay_now(g, *s, payload, event, field)) co_return std::move(*done);
  co_return failure_ack(co_await not_joined(g, s->user_id(), std::string(payload.at("roomId").as_string())));
}

awaitable<json::object> offer(gateway::impl& g, socket_ptr s, json::value payload) {
  co_return co_await relay(g, std::move(s), std::move(payload), "webrtc-offer", "sdp");
}
awaitable<json::object> answer(gateway::impl& g, socket_ptr s, json::value payload) {
  co_return co_await relay(g, std::move(s), std::move(payload), "webrtc-answer", "sdp");
}
awaitable<json::object> candidate(gateway::impl& g, socket_ptr s, json::value payload) {
  co_return co_await relay(g, std::move(s), std::move(payload), "webrtc-ice-candidate", "candidate");
}
std::optional<json::object> offer_now(gateway::impl& g, socketio::socket& s, const json::value& payload) {
  return relay_now(g, s, payload, "webrtc-offer", "sdp");
}
std::optional<json::object> answer_now(gateway::impl& g, socketio::socket& s, const json::value& payload) {
  return relay_now(g, s, payload, "webrtc-answer", "sdp");
}
std::optional<json::object> candidate_now(gateway::impl& g, socketio::socket& s, const json::value& payload) {
  return relay_now(g, s, payload, "webrtc-ice-candidate", "candidate");
}

awaitable<json::object> end_interview(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  auto result = co_await g.services.rooms.complete(s->user_id(), std::move(r->room_id));
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

awaitable<json::object> watch_presence(gateway::impl& g, socket_ptr s, json::value payload) {
  auto r = services::parse_watch(payload);
  if (!r) co_return failure_ack(r.error());
  g.set_watching(*s, r->user_ids);
  auto presence = co_await g.services.profiles.presence_of(std::move(r->user_ids));
  json::array list;
  for (auto& p : presence) list.push_back(std::move(p));
  co_return ok({{"presence", std::move(list)}});
}

using fast_fn = std::optional<json::object> (*)(gateway::impl&, socketio::socket&, const json::value&);

struct event_entry {
  std::string_view name;
  event_fn fn;
  fast_fn fast = nullptr; // answers without suspending when it can (the hot signaling path)
};

constexpr std::array<event_entry, 10> table{{
    {"send-interview-invitation", send_invitation},
    {"respond-to-invitation", respond},
    {"cancel-interview-invitation", cancel},
    {"join-room", join_room},
    {"leave-room", leave_room},
    {"webrtc-offer", offer, offer_now},
    {"webrtc-answer", answer, answer_now},
    {"webrtc-ice-candidate", candidate, candidate_now},
    {"end-interview", end_interview},
    {"watch-presence", watch_presence},
}};

// The single exception boundary of the real-time adapter.
awaitable<void> run_event(gateway::impl& g, event_fn fn, std::string_view name, socket_ptr s, json::value payload,
                          socketio::ack reply) {
  json::object answer;
  try {
    answer = co_await fn(g, std::move(s), std::move(payload));
  } catch (const store::store_error& e) {
    spdlog::error("event {}: store: {}", name, e.what());
    answer = failure_ack(e.busy ? fail(errc::unavailable, "The database is busy; try again in a moment.")
                                : fail(errc::internal, "Something went wrong on our side."));
  } catch (const std::exception& e) {
    spdlog::error("event {}: {}", name, e.what());
    answer = failure_ack(fail(errc::internal, "Something went wrong on our side."));
  }
  if (reply) reply(json::array{std::move(answer)});
}

} // namespace

void gateway::impl::install_events() {
  for (const auto& e : table) {
    users.on(std::string(e.name), [this, e](const socket_ptr& s, socketio::message m, socketio::ack reply) {
      json::value payload = m.args.empty() ? json::value(nullptr) : std::move(m.args.front());
      if (e.fast) {
        try {
          if (auto answer = e.fast(*this, *s, payload)) {
            if (reply) reply(json::array{std::move(*answer)});
            return;
          }
        } catch (const std::exception& ex) {
          spdlog::error("event {}: {}", e.name, ex.what());
          if (reply) reply(json::array{failure_ack(fail(errc::internal, "Something went wrong on our side."))});
          return;
        }
      }
      net::spawn_logged(ex, run_event(*this, e.fn, e.name, s, std::move(payload), std::move(reply)), "socket event");
    });
  }
  // An event outside the table: an error ack when one is asked for, else nothing; the socket stays.
  users.on_unhandled([](const socket_ptr&, std::string_view, socketio::message, socketio::ack reply) {
    json::object error{{"code", "unknown_event"}, {"message", "This server has no such event."}};
    if (reply) reply(json::array{json::object{{"ok", false}, {"error", std::move(error)}}});
  });
}

} // namespace mm::realtime
