#include "socketio/engine_server.hpp"

#include "socketio/engine_registry.hpp"
#include "socketio/engine_request.hpp"

#include "net/random_token.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace mm::socketio {
namespace {

std::string open_packet_data(const std::string& sid, bool upgrades, const engine_options& o) {
  boost::json::object open;
  open["sid"] = sid;
  boost::json::array list;
  if (upgrades) list.emplace_back("websocket");
  open["upgrades"] = std::move(list);
  open["pingInterval"] = o.ping_interval.count();
  open["pingTimeout"] = o.ping_timeout.count();
  open["maxPayload"] = o.max_payload;
  return boost::json::serialize(open);
}

// A WebSocket accepted only to be closed at once: nothing it sends is read.
class closed_websocket final : public net::websocket_handler {
public:
  void on_message(std::string_view, bool) override {}
  void on_close() override {}
};

} // namespace

engine_server::engine_server(boost::asio::any_io_executor executor, engine_options options)
    : registry_(std::make_shared<engine_registry>()) {
  registry_->executor = std::move(executor);
  registry_->options = std::move(options);
}

engine_server::~engine_server() { close(); }

void engine_server::on_connection(std::function<void(std::shared_ptr<engine_socket>)> fn) {
  registry_->on_connection = std::move(fn);
}

std::size_t engine_server::session_count() const noexcept { return registry_->sessions.size(); }

const engine_options& engine_server::options() const noexcept { return registry_->options; }

void engine_server::close() {
  std::vector<std::shared_ptr<engine_socket>> all;
  for (auto& [id, s] : registry_->sessions) all.push_back(s);
  for (auto& s : all) s->abort("server shutting down", net::close_code::going_away);
}

std::shared_ptr<engine_socket> engine_server::find(const std::string& sid) const {
  auto it = registry_->sessions.find(sid);
  if (it == registry_->sessions.end()) return nullptr;
  auto s = it->second;
  if (s->heartbeat_expired()) { // its timer has not run yet: the session is dead all the same
    s->abort("ping timeout");
    return nullptr;
  }
  return s;
}

std::shared_ptr<engine_socket> engine_server::open_session(net::request req, engine_socket::transport_kind transport) {
  std::string sid;
  do sid = net::random_token(15);
  while (registry_->sessions.contains(sid));
  auto s = std::make_shared<engine_socket>(registry_, sid, std::move(req), transport);
  registry_->sessions.emplace(sid, s);
  const bool upgrades = transport == engine_socket::transport_kind::polling && registry_->options.allow_upgrades &&
                        registry_->options.allow_websocket;
  s->send(make_engine_frame(engine_packet_type::open, open_packet_data(sid, upgrades, registry_->options)));
  return s;
}

boost::asio::awaitable<net::response> engine_server::handle(net::request req) {
  const auto& opts = registry_->options;
  if (req.method == "OPTIONS" && !req.header_value("Origin").empty()) co_return cors_preflight_response(req, opts);

  auto answer = [&](net::response res) {
    add_cors_headers(res, req, opts);
    return res;
  };
  const auto q = parse_engine_query(req.query);
  if (auto err = check_engine_request(q, req.method, false, opts)) co_return answer(engine_error_response(*err));

  if (q.sid) {
    auto s = find(*q.sid);
    if (!s) co_return answer(engine_error_response(engine_error::unknown_sid));
    if (q.transport != "polling" || s->transport() != engine_socket::transport_kind::polling)
      co_return answer(engine_error_response(engine_error::bad_request));
    if (req.method == "GET") {
      auto res = co_await s->handle_poll(req); // a named local: see docs/decisions/0002
      co_return answer(std::move(res));
    }
    if (req.method == "POST") co_return answer(s->handle_post(req));
    co_return answer(engine_error_response(engine_error::bad_request));
  }

  if (opts.allow_request)
    if (auto refusal = opts.allow_request(req))
      co_return answer(engine_error_response(engine_error::forbidden, *refusal));
  auto s = open_session(req, engine_socket::transport_kind::polling);
  if (registry_->on_connection) registry_->on_connection(s);
  s->start();
  auto res = co_await s->handle_poll(req);
  co_return answer(std::move(res));
}

boost::asio::awaitable<net::upgrade_result> engine_server::upgrade(net::request req,
                                                                   std::shared_ptr<net::websocket_connection> connection) {
  const auto& opts = registry_->options;
  const auto q = parse_engine_query(req.query);
  if (auto err = check_engine_request(q, req.method, true, opts)) co_return engine_error_response(*err);

  if (q.sid) {
    auto s = find(*q.sid);
    if (!s) co_return engine_error_response(engine_error::unknown_sid);
    // Like the reference server, a WebSocket for a session that is probing or already on
    // WebSocket completes its handshake and is then closed; the session goes on untouched.
    if (s->has_websocket()) {
      connection->close(net::close_code::no_status); // as the reference server's websocket.close()
      co_return std::make_shared<closed_websocket>();
    }
    if (!s->can_upgrade()) co_return engine_error_response(engine_error::bad_request);
    co_return s->begin_upgrade(std::move(connection));
  }

  if (opts.allow_request)
    if (auto refusal = opts.allow_request(req)) co_return engine_error_response(engine_error::forbidden, *refusal);
  auto s = open_session(std::move(req), engine_socket::transport_kind::websocket);
  auto handler = s->attach_websocket(std::move(connection));
  if (registry_->on_connection) registry_->on_connection(s);
  s->start();
  co_return handler;
}

} // namespace mm::socketio
