#pragma once
// Plain HTTP request and response values exchanged between net (Beast plumbing) and the layers
// above it, so that no product header has to include Beast.
#include <string>
#include <string_view>
#include <vector>

namespace mm::net {

struct header {
  std::string name;
  std::string value;
};

struct request {
  std::string method;          // "GET", "POST", ...
  std::string target;          // as sent: "/api/users/available?topic=graphs"
  std::string path;            // target before '?', not percent-decoded
  std::string query;           // target after '?', without it ("" when absent)
  std::vector<header> headers; // as received
  std::string body;            // at most the configured body limit
  std::string remote_address;  // peer IP address
  std::string request_id;      // assigned by net, echoed as X-Request-Id
  bool secure = false;         // true when served over TLS

  // The first header called `name` (case-insensitive); empty when absent.
  std::string_view header_value(std::string_view name) const;
};

struct response {
  int status = 200;
  std::vector<header> headers; // Content-Type among them; Content-Length is set by net
  std::string body;

  response& set(std::string name, std::string value);
  // The first header called `name` (case-insensitive); empty when absent.
  std::string_view header_value(std::string_view name) const;

  // A response with `body` and its Content-Type.
  static response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
};

// ASCII case-insensitive equality, as HTTP header names compare.
bool iequals(std::string_view a, std::string_view b) noexcept;

} // namespace mm::net
