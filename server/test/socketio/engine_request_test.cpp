#include "socketio/engine_request.hpp"

#include "net/query.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::socketio;
using E = engine_error;

std::optional<E> check(std::string_view query, std::string_view method = "GET", bool upgrade = false) {
  return check_engine_request(parse_engine_query(query), method, upgrade, engine_options{});
}

TEST(engine_request, accepts_v4_handshakes_and_session_requests) {
  EXPECT_EQ(check("EIO=4&transport=polling"), std::nullopt);
  EXPECT_EQ(check("EIO=4&transport=websocket", "GET", true), std::nullopt);
  EXPECT_EQ(check("EIO=4&transport=polling&sid=abc", "POST"), std::nullopt);
  EXPECT_EQ(check("EIO=4&transport=websocket&sid=abc", "GET", true), std::nullopt);
}

TEST(engine_request, refuses_like_the_reference_server) {
  EXPECT_EQ(check("EIO=4"), E::unknown_transport);
  EXPECT_EQ(check("EIO=4&transport=abc"), E::unknown_transport);
  EXPECT_EQ(check("transport=polling"), E::unsupported_protocol_version);
  EXPECT_EQ(check("EIO=abc&transport=polling"), E::unsupported_protocol_version);
  EXPECT_EQ(check("EIO=3&transport=polling"), E::unsupported_protocol_version);
  EXPECT_EQ(check("EIO=4&transport=polling", "POST"), E::bad_handshake_method);
  EXPECT_EQ(check("EIO=4&transport=polling", "PUT"), E::bad_handshake_method);
  EXPECT_EQ(check("EIO=4&transport=websocket"), E::bad_request); // websocket without an upgrade
  EXPECT_EQ(check("EIO=4&transport=polling&sid=x", "GET", true), E::bad_request);
}

TEST(engine_request, honours_disabled_transports) {
  engine_options o;
  o.allow_websocket = false;
  EXPECT_EQ(check_engine_request(parse_engine_query("EIO=4&transport=websocket"), "GET", true, o), E::unknown_transport);
}

TEST(engine_request, error_bodies_are_the_reference_ones) {
  auto r = engine_error_response(E::bad_request);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"code":3,"message":"Bad request"})");
  EXPECT_EQ(r.header_value("Content-Type"), "application/json");
  EXPECT_EQ(engine_error_response(E::unknown_transport).body, R"({"code":0,"message":"Transport unknown"})");
  EXPECT_EQ(engine_error_response(E::unknown_sid).body, R"({"code":1,"message":"Session ID unknown"})");
  EXPECT_EQ(engine_error_response(E::bad_handshake_method).body, R"({"code":2,"message":"Bad handshake method"})");
  EXPECT_EQ(engine_error_response(E::unsupported_protocol_version).body,
            R"({"code":5,"message":"Unsupported protocol version"})");
  auto f = engine_error_response(E::forbidden, "origin not allowed");
  EXPECT_EQ(f.status, 403);
  EXPECT_EQ(f.body, R"({"code":4,"message":"origin not allowed"})");
}

TEST(engine_request, adds_cors_headers_only_for_allowed_origins) {
  engine_options o;
  o.allow_origin = [](std::string_view origin) { return origin == "https://app.example"; };
  mm::net::request req;
  req.headers.push_back({"Origin", "https://app.example"});
  mm::net::response res;
  add_cors_headers(res, req, o);
  EXPECT_EQ(res.header_value("Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_EQ(res.header_value("Access-Control-Allow-Credentials"), "true");

  mm::net::request other;
  other.headers.push_back({"Origin", "https://evil.example"});
  mm::net::response none;
  add_cors_headers(none, other, o);
  EXPECT_TRUE(none.header_value("Access-Control-Allow-Origin").empty());

  req.headers.push_back({"Access-Control-Request-Headers", "content-type"});
  auto pre = cors_preflight_response(req, o);
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.header_value("Access-Control-Allow-Methods"), "GET, POST");
  EXPECT_EQ(pre.header_value("Access-Control-Allow-Headers"), "content-type");
}

TEST(query_param, decodes_values_and_keeps_malformed_ones) {
  using mm::net::query_param;
  EXPECT_EQ(query_param("EIO=4&transport=polling&t=x", "transport"), "polling");
  EXPECT_EQ(query_param("a=1&b=x%20y+z", "b"), "x y z");
  EXPECT_EQ(query_param("flag&b=2", "flag"), "");
  EXPECT_EQ(query_param("a=1", "b"), std::nullopt);
  EXPECT_EQ(query_param("", "b"), std::nullopt);
  EXPECT_EQ(query_param("sid=%zz", "sid"), "%zz");
  EXPECT_EQ(query_param("sid=%4", "sid"), "%4");
}

} // namespace
