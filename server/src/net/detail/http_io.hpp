#pragma once
// Private to net's .cpp files (includes Beast): conversions between Beast's HTTP messages and
// net's, response writing and the access log line.
#include "net/message.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/message.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace mm::net::detail {

using beast_request = boost::beast::http::request<boost::beast::http::string_body>;

// net's view of `req`; moves the body out of it.
request to_request(beast_request& req, std::string remote_address, std::string request_id);

// Writes `res` with Content-Length and X-Request-Id, and Connection: close unless `keep_alive`.
// For a HEAD request (`head`) the body is left out but its length announced.
boost::asio::awaitable<boost::system::error_code> write_response(boost::beast::tcp_stream& stream, response res,
                                                                 bool head, bool keep_alive,
                                                                 std::string_view request_id);

// One access-log line: method, path (never the query), status, duration, request id.
void log_request(std::string_view method, std::string_view path, int status,
                 std::chrono::steady_clock::time_point start, std::string_view request_id);

} // namespace mm::net::detail
