#pragma once
// Private to push's .cpp files: one HTTP(S) exchange with a push service, from name resolution to
// the response's status line and headers. Beast stays in exchange.cpp.
#include "push/endpoint.hpp"
#include "push/push_request.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace mm::push::detail {

enum class failure_kind {
  none,     // the service answered
  refused,  // the host resolved to an internal address (and the origin is not allow-listed)
  tls,      // certificate verification or TLS negotiation failed
  network,  // resolution, connection, reading or writing failed
  timeout,  // the connect timeout or the attempt timeout passed
};

struct vetted_addresses {
  failure_kind failure = failure_kind::none;
  std::string error;
  std::vector<boost::asio::ip::tcp::endpoint> addresses;
};

// Resolves to.host once and checks every address it gives: all must be public unless to.origin
// is allow-listed. The addresses returned are the only ones a connection may use, so nothing is
// looked up again between the check and the connect.
boost::asio::awaitable<vetted_addresses> resolve_and_vet(const endpoint& to, const origin_allow_list& allowed);

struct exchange_result {
  failure_kind failure = failure_kind::none;
  std::string error;        // with a failure: what happened, for logs
  unsigned status = 0;      // with none: the response status
  std::string retry_after;  // the Retry-After header, if any
};

struct exchange_limits {
  std::chrono::milliseconds connect_timeout;
  std::chrono::milliseconds attempt_timeout; // from the start of resolution to the end of the response
};

// resolve_and_vet, then connects to a vetted address, speaks TLS 1.2+ with certificate and host
// name verification against `tls` when to.tls, sends `req` and reads the response's status line
// and headers (at most 16 KiB; the body is not read). Never follows a redirect: a 3xx comes back
// as a status.
// Runs on the calling coroutine's executor.
boost::asio::awaitable<exchange_result> exchange(boost::asio::ssl::context& tls, const endpoint& to,
                                                 const http_request& req, const origin_allow_list& allowed,
                                                 exchange_limits limits);

// A client TLS context: peer verification on, TLS 1.2 at least, trusting `ca_file` when given and
// the system store (/etc/ssl/certs) otherwise. Throws std::runtime_error when the CAs cannot be
// loaded.
boost::asio::ssl::context make_tls_context(const std::string& ca_file);

} // namespace mm::push::detail
