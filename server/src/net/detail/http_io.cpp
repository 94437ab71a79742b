#include "net/detail/http_io.hpp"

#include "net/http_date.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/write.hpp>
#include <spdlog/spdlog.h>

namespace mm::net::detail {
namespace http = boost::beast::http;
using boost::asio::as_tuple;
using boost::asio::use_awaitable;

request to_request(beast_request& req, std::string remote_address, std::string request_id) {
  request out;
  out.method = std::string(req.method_string());
  out.target = std::string(req.target());
  const auto q = out.target.find('?');
  out.path = out.target.substr(0, q);
  if (q != std::string::npos) out.query = out.target.substr(q + 1);
  // Exactly: the upgrade request of a WebSocket is kept for the connection's life (socketio).
  out.headers.reserve(static_cast<std::size_t>(std::distance(req.begin(), req.end())));
  for (const auto& field : req) out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  out.body = std::move(req.body());
  out.remote_address = std::move(remote_address);
  out.request_id = std::move(request_id);
  return out;
}

namespace {
template <class Message> void copy_headers(Message& m, const response& res, std::string_view request_id, bool keep_alive) {
  for (const auto& h : res.headers) {
    if (iequals(h.name, "Content-Length") || iequals(h.name, "Connection") || iequals(h.name, "Transfer-Encoding"))
      continue;
    m.insert(h.name, h.value);
  }
  m.set(http::field::date, http_date_now());
  m.set("X-Request-Id", request_id);
  m.keep_alive(keep_alive);
}
} // namespace

boost::asio::awaitable<boost::system::error_code> write_response(boost::beast::tcp_stream& stream, response res,
                                                                 bool head, bool keep_alive,
                                                                 std::string_view request_id) {
  if (head) {
    http::response<http::empty_body> m{static_cast<http::status>(res.status), 11};
    copy_headers(m, res, request_id, keep_alive);
    m.content_length(res.body.size());
    auto [ec, n] = co_await http::async_write(stream, m, as_tuple(use_awaitable));
    co_return ec;
  }
  http::response<http::string_body> m{static_cast<http::status>(res.status), 11};
  copy_headers(m, res, request_id, keep_alive);
  m.body() = std::move(res.body);
  m.prepare_payload();
  auto [ec, n] = co_await http::async_write(stream, m, as_tuple(use_awaitable));
  co_return ec;
}

void log_request(std::string_view method, std::string_view path, int status,
                 std::chrono::steady_clock::time_point start, std::string_view request_id) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  spdlog::info("{} {} {} {:.1f}ms {}", method, path, status, static_cast<double>(us.count()) / 1000.0, request_id);
}

} // namespace mm::net::detail
