#include "realtime/events.hpp"

#include "services/failures.hpp"
#include "services/views.hpp"
#include "services/workspace_views.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <optional>

namespace mm::realtime {

namespace json = boost::json;
using boost::asio::awaitable;
using socket_ptr = std::shared_ptr<socketio::socket>;

namespace {

json::object ok(json::object fields = {}) {
  json::object out{{"ok", true}};
  for (auto& [k, v] : fields) out[k] = std::move(v);
  return out;
}

json::object failure_ack(const domain::failure& f) { return {{"ok", false}, {"error", services::error_json(f)}}; }

json::object interview_ok(event_context& g, const domain::interview& iv) {
  return ok({{"interview", services::interview_json(iv, g.services.ctx.clock.now())}});
}

// What a handler answers: the ack at once (a handler that never suspends: the hot signaling
// path, no coroutine frame), or a coroutine that answers it later.
class event_result {
public:
  event_result(json::object now) : now_(std::move(now)) {}
  event_result(awaitable<json::object> later) : later_(std::move(later)) {}
  bool ready() const { return now_.has_value(); }
  json::object take_now() { return std::move(*now_); }
  awaitable<json::object> take_later() { return std::move(*later_); }

private:
  std::optional<json::object> now_;
  std::optional<awaitable<json::object>> later_;
};

using handler = event_result (*)(event_context&, const socket_ptr&, json::value);

// A coroutine handler in the table.
template <awaitable<json::object> (*F)(event_context&, socket_ptr, json::value)>
event_result later(event_context& g, const socket_ptr& s, json::value payload) {
  return F(g, s, std::move(payload));
}

awaitable<json::object> send_invitation(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_invitation(payload);
  if (!r) co_return failure_ack(r.error());
  auto sent = co_await g.services.invitations.send(s->user_id(), std::move(*r));
  if (!sent) co_return failure_ack(sent.error());
  co_return ok({{"interview", services::interview_json(sent->iv, g.services.ctx.clock.now())}, {"inviteeOnline", sent->invitee_online}});
}

awaitable<json::object> respond(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_answer(payload);
  if (!r) co_return failure_ack(r.error());
  auto result = co_await g.services.invitations.answer(s->user_id(), std::move(r->room_id), r->accept);
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

awaitable<json::object> cancel(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  auto result = co_await g.services.invitations.cancel(s->user_id(), std::move(r->room_id));
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

awaitable<json::object> join_room(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  auto joined = co_await g.places.join(s, std::move(r->room_id));
  if (!joined) co_return failure_ack(joined.error());
  json::array peers;
  for (const auto& p : joined->peers) peers.emplace_back(p);
  auto out = interview_ok(g, joined->iv);
  out["peers"] = std::move(peers);
  out["iceServers"] = g.services.rooms.ice_servers(s->user_id());
  out["polite"] = joined->polite;
  co_return out;
}

awaitable<json::object> leave_room(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  auto left = co_await g.places.leave(s, std::move(r->room_id));
  if (!left) co_return failure_ack(left.error());
  co_return ok();
}

awaitable<json::object> refuse_signal(event_context& g, std::string user_id, std::string room_id) {
  const auto why = co_await g.services.rooms.signal_refusal(std::move(user_id), std::move(room_id));
  co_return failure_ack(why);
}

// webrtc-*: relayed at once when the socket holds its user's place in the room (no coroutine,
// no database); otherwise the refusal is found out later (stranger, over, not joined).
event_result relay(event_context& g, const socket_ptr& s, const json::value& payload, std::string_view event,
                   std::string_view field) {
  auto room = services::parse_room(payload);
  if (!room) return failure_ack(room.error());
  const auto* peer = g.places.signal_peer(*s, room->room_id);
  if (!peer) return refuse_signal(g, s->user_id(), std::move(room->room_id));
  auto r = services::parse_signal(payload, field);
  if (!r) return failure_ack(r.error());
  json::object out{{"roomId", r->room_id}, {"from", s->user_id()}, {field, std::move(r->data)}};
  g.services.rooms.relay(r->room_id, *peer, event, json::serialize(out));
  return ok();
}

event_result offer(event_context& g, const socket_ptr& s, json::value payload) { return relay(g, s, payload, "webrtc-offer", "sdp"); }
event_result answer(event_context& g, const socket_ptr& s, json::value payload) {
  return relay(g, s, payload, "webrtc-answer", "sdp");
}
event_result candidate(event_context& g, const socket_ptr& s, json::value payload) {
  return relay(g, s, payload, "webrtc-ice-candidate", "candidate");
}

awaitable<json::object> end_interview(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_room(payload);
  if (!r) co_return failure_ack(r.error());
  auto result = co_await g.services.rooms.complete(s->user_id(), std::move(r->room_id));
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

awaitable<json::object> watch_presence(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_watch(payload);
  if (!r) co_return failure_ack(r.error());
  auto presence = co_await g.watching.watch(s, std::move(r->user_ids));
  json::array list;
  for (auto& p : presence) list.push_back(std::move(p));
  co_return ok({{"presence", std::move(list)}});
}

// start-round: the store decides (rules, race); a socket that has not joined the room is forbidden.
awaitable<json::object> start_round(event_context& g, socket_ptr s, json::value payload) {
  auto r = services::parse_start_round(payload);
  if (!r) co_return failure_ack(r.error());
  const bool in_room = g.places.signal_peer(*s, r->room_id) != nullptr;
  auto result = co_await g.services.rounds.start(s->user_id(), std::move(*r), in_room);
  if (!result) co_return failure_ack(result.error());
  co_return interview_ok(g, *result);
}

// ---- the shared code editor (API.md, "Shared code editor") ----------------------------------

// Whether `s` may send a room event (the rule of webrtc-*, in one place: the socket holds its
// user's place in the room; else room_service::signal_refusal says why: not_found, conflict,
// forbidden), answered as the failure, or nullopt when it may. Parses only roomId.
awaitable<std::optional<domain::failure>> room_event_refusal(event_context& g, const socket_ptr& s, const json::value& payload) {
  auto room = services::parse_room(payload);
  if (!room) co_return room.error();
  if (g.places.signal_peer(*s, room->room_id)) co_return std::nullopt;
  co_return co_await g.services.rooms.signal_refusal(s->user_id(), std::move(room->room_id));
}

awaitable<json::object> workspace_open(event_context& g, socket_ptr s, json::value payload) {
  if (auto refused = co_await room_event_refusal(g, s, payload)) co_return failure_ack(*refused);
  auto r = services::parse_workspace_open(payload);
  if (!r) co_return failure_ack(r.error());
  auto ws = co_await g.services.workspaces.open(s->user_id(), std::move(*r));
  if (!ws) co_return failure_ack(ws.error());
  co_return ok({{"workspace", services::workspace_json(*ws)}});
}

awaitable<json::object> workspace_push(event_context& g, socket_ptr s, json::value payload) {
  if (auto refused = co_await room_event_refusal(g, s, payload)) co_return failure_ack(*refused);
  auto r = services::parse_workspace_push(payload);
  if (!r) co_return failure_ack(r.error());
  auto version = co_await g.services.workspaces.push(s->user_id(), std::move(*r));
  if (!version) co_return failure_ack(version.error());
  co_return ok({{"version", *version}});
}

awaitable<json::object> workspace_pull(event_context& g, socket_ptr s, json::value payload) {
  if (auto refused = co_await room_event_refusal(g, s, payload)) co_return failure_ack(*refused);
  auto r = services::parse_workspace_pull(payload);
  if (!r) co_return failure_ack(r.error());
  auto pulled = co_await g.services.workspaces.pull(s->user_id(), std::move(*r));
  if (!pulled) co_return failure_ack(pulled.error());
  co_return ok({{"version", pulled->version}, {"updates", std::move(pulled->updates)}});
}

awaitable<json::object> workspace_language(event_context& g, socket_ptr s, json::value payload) {
  if (auto refused = co_await room_event_refusal(g, s, payload)) co_return failure_ack(*refused);
  auto r = services::parse_workspace_language(payload);
  if (!r) co_return failure_ack(r.error());
  auto ws = co_await g.services.workspaces.set_language(s->user_id(), std::move(*r));
  if (!ws) co_return failure_ack(ws.error());
  co_return ok({{"workspace", services::workspace_json(*ws)}});
}

awaitable<json::object> workspace_cursor(event_context& g, socket_ptr s, json::value payload) {
  if (auto refused = co_await room_event_refusal(g, s, payload)) co_return failure_ack(*refused);
  auto r = services::parse_workspace_cursor(payload);
  if (!r) co_return failure_ack(r.error());
  auto sent = co_await g.services.workspaces.cursor(s->user_id(), std::move(*r));
  if (!sent) co_return failure_ack(sent.error());
  co_return ok();
}

// chat-message: from a socket holding its user's place in the room, as every room event.
awaitable<json::object> chat_message(event_context& g, socket_ptr s, json::value payload) {
  if (auto refused = co_await room_event_refusal(g, s, payload)) co_return failure_ack(*refused);
  auto r = services::parse_chat(payload);
  if (!r) co_return failure_ack(r.error());
  auto sent = co_await g.services.chat.send(s->user_id(), std::move(r->room_id), std::move(r->text));
  if (!sent) co_return failure_ack(sent.error());
  co_return ok({{"message", services::chat_message_json(*sent)}});
}

struct event_entry {
  std::string_view name;
  handler fn;
};

constexpr std::array<event_entry, 17> table{{
    {"send-interview-invitation", later<send_invitation>},
    {"respond-to-invitation", later<respond>},
    {"cancel-interview-invitation", later<cancel>},
    {"join-room", later<join_room>},
    {"leave-room", later<leave_room>},
    {"webrtc-offer", offer},
    {"webrtc-answer", answer},
    {"webrtc-ice-candidate", candidate},
    {"end-interview", later<end_interview>},
    {"watch-presence", later<watch_presence>},
    {"start-round", later<start_round>},
    {"workspace-open", later<workspace_open>},
    {"workspace-push", later<workspace_push>},
    {"workspace-pull", later<workspace_pull>},
    {"workspace-language", later<workspace_language>},
    {"workspace-cursor", later<workspace_cursor>},
    {"chat-message", later<chat_message>},
}};

// Runs one event: its handler answers now or later, and either way its outcome or its exception
// comes to `settle`, the single exception boundary of the real-time adapter: an exception
// (broken infrastructure, a bug) is logged and answered as services::failure_of says.
void dispatch(event_context& g, const event_entry& e, const socket_ptr& s, socketio::message m, socketio::ack reply) {
  auto settle = [name = e.name, reply = std::move(reply)](std::exception_ptr error, json::object answer) {
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& ex) {
        spdlog::error("event {}: {}", name, ex.what());
        answer = failure_ack(services::failure_of(ex));
      } catch (...) {
        spdlog::error("event {}: an exception that is not a std::exception", name);
        answer = failure_ack(domain::fail(domain::errc::internal, "Something went wrong on our side."));
      }
    }
    if (reply) reply(json::array{std::move(answer)});
  };
  json::value payload = m.args.empty() ? json::value(nullptr) : std::move(m.args.front());
  std::exception_ptr error;
  try {
    auto result = e.fn(g, s, std::move(payload));
    if (result.ready()) return settle(nullptr, result.take_now());
    boost::asio::co_spawn(g.ex, result.take_later(), std::move(settle));
    return;
  } catch (...) {
    error = std::current_exception();
  }
  settle(error, {});
}

} // namespace

void install_events(socketio::nsp& users, event_context& ctx) {
  for (const auto& e : table)
    users.on(std::string(e.name), [&ctx, &e](const socket_ptr& s, socketio::message m, socketio::ack reply) {
      dispatch(ctx, e, s, std::move(m), std::move(reply));
    });
  // An event outside the table: an error ack when one is asked for, else nothing; the socket stays.
  users.on_unhandled([](const socket_ptr&, std::string_view, socketio::message, socketio::ack reply) {
    json::object error{{"code", "unknown_event"}, {"message", "This server has no such event."}};
    if (reply) reply(json::array{json::object{{"ok", false}, {"error", std::move(error)}}});
  });
}

} // namespace mm::realtime
