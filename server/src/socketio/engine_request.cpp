#include "socketio/engine_request.hpp"

#include "net/query.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace mm::socketio {

engine_query parse_engine_query(std::string_view query) {
  engine_query q;
  q.transport = net::query_param(query, "transport").value_or("");
  q.sid = net::query_param(query, "sid");
  if (q.sid && q.sid->empty()) q.sid.reset();
  q.eio = net::query_param(query, "EIO").value_or("");
  return q;
}

std::optional<engine_error> check_engine_request(const engine_query& q, std::string_view method, bool upgrade,
                                                 const engine_options& options) {
  const bool polling = q.transport == "polling" && options.allow_polling;
  const bool websocket = q.transport == "websocket" && options.allow_websocket;
  if (!polling && !websocket) return engine_error::unknown_transport;
  if (q.sid) {
    if (upgrade && !websocket) return engine_error::bad_request;
    return std::nullopt;
  }
  if (method != "GET") return engine_error::bad_handshake_method;
  if (websocket != upgrade) return engine_error::bad_request;
  if (q.eio != "4") return engine_error::unsupported_protocol_version;
  return std::nullopt;
}

net::response engine_error_response(engine_error code, std::string_view message) {
  static constexpr std::string_view messages[] = {"Transport unknown", "Session ID unknown", "Bad handshake method",
                                                  "Bad request",       "Forbidden",          "Unsupported protocol version"};
  boost::json::object body;
  body["code"] = static_cast<int>(code);
  body["message"] = message.empty() ? messages[static_cast<int>(code)] : message;
  return net::response::text(code == engine_error::forbidden ? 403 : 400, boost::json::serialize(body),
                             "application/json");
}

void add_cors_headers(net::response& res, const net::request& req, const engine_options& options) {
  const auto origin = req.header_value("Origin");
  if (origin.empty() || !options.allow_origin || !options.allow_origin(origin)) return;
  res.set("Access-Control-Allow-Origin", std::string(origin));
  res.set("Access-Control-Allow-Credentials", "true");
  res.set("Vary", "Origin");
}

net::response cors_preflight_response(const net::request& req, const engine_options& options) {
  net::response res;
  res.status = 204;
  add_cors_headers(res, req, options);
  if (!res.header_value("Access-Control-Allow-Origin").empty()) {
    res.set("Access-Control-Allow-Methods", "GET, POST");
    if (auto h = req.header_value("Access-Control-Request-Headers"); !h.empty())
      res.set("Access-Control-Allow-Headers", std::string(h));
    res.set("Access-Control-Max-Age", "600");
  }
  return res;
}

} // namespace mm::socketio
