#include "push/detail/exchange.hpp"

#include "push/address_policy.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace mm::push::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

constexpr std::uint32_t max_response_header = 16 * 1024;

failure_kind kind_of(const boost::system::error_code& ec) {
  if (ec == beast::error::timeout) return failure_kind::timeout;
  if (ec.category() == asio::error::get_ssl_category() || ec == asio::ssl::error::stream_truncated)
    return failure_kind::tls;
  return failure_kind::network;
}

exchange_result failed(const boost::system::error_code& ec, std::string_view during) {
  exchange_result r;
  r.failure = kind_of(ec);
  r.error = std::string(during) + ": " + (r.failure == failure_kind::timeout ? std::string("timeout") : ec.message());
  return r;
}

// Sends the request on a connected (and, for https, handshaken) stream and reads the answer.
template <class Stream>
asio::awaitable<exchange_result> talk(Stream& stream, const http_request& req) {
  http::request<http::string_body> msg{http::verb::post, req.target, 11};
  for (const auto& [field, value] : req.headers) msg.set(field, value);
  msg.body() = req.body;
  auto [wec, written] = co_await http::async_write(stream, msg, tuple_awaitable);
  if (wec) co_return failed(wec, "sending the request");
  // Only the status line and the headers matter (the status, Retry-After): the body is never
  // read, so a service that sends one without a length cannot hold the exchange open.
  beast::flat_buffer buffer;
  http::response_parser<http::empty_body> parser;
  parser.header_limit(max_response_header);
  auto [rec, read] = co_await http::async_read_header(stream, buffer, parser, tuple_awaitable);
  if (rec) co_return failed(rec, "reading the response");
  exchange_result r;
  r.status = parser.get().result_int();
  if (const auto it = parser.get().find(http::field::retry_after); it != parser.get().end())
    r.retry_after = std::string(it->value());
  co_return r;
}

} // namespace

asio::awaitable<vetted_addresses> resolve_and_vet(const endpoint& to, const origin_allow_list& allowed) {
  vetted_addresses out;
  tcp::resolver resolver(co_await asio::this_coro::executor);
  const auto flags = to.ip_literal ? tcp::resolver::numeric_host | tcp::resolver::numeric_service
                                   : tcp::resolver::numeric_service;
  auto [ec, results] = co_await resolver.async_resolve(to.host, std::to_string(to.port), flags, tuple_awaitable);
  if (ec || results.empty()) {
    out.failure = failure_kind::network;
    out.error = "resolving " + to.host + ": " + (ec ? ec.message() : std::string("no address"));
    co_return out;
  }
  const bool trusted = allowed.contains(to.origin);
  for (const auto& entry : results) {
    const auto address = entry.endpoint().address();
    const auto cls = classify(address);
    if (!trusted && !is_public(cls)) {
      out.failure = failure_kind::refused;
      out.error = to.host + " resolves to an internal address (" + std::string(name(cls)) + ")";
      out.addresses.clear();
      co_return out;
    }
    out.addresses.push_back(entry.endpoint());
  }
  co_return out;
}

asio::awaitable<exchange_result> exchange(asio::ssl::context& tls, const endpoint& to, const http_request& req,
                                          const origin_allow_list& allowed, exchange_limits limits) {
  const auto started = steady::now();
  const auto vetted = co_await resolve_and_vet(to, allowed);
  if (vetted.failure != failure_kind::none) {
    exchange_result r;
    r.failure = vetted.failure;
    r.error = vetted.error;
    co_return r;
  }
  if (steady::now() - started >= limits.attempt_timeout) {
    exchange_result r;
    r.failure = failure_kind::timeout;
    r.error = "resolving " + to.host + ": timeout";
    co_return r;
  }
  beast::tcp_stream stream(co_await asio::this_coro::executor);
  stream.expires_after(std::min<steady::duration>(limits.connect_timeout, started + limits.attempt_timeout - steady::now()));
  auto [cec, connected] = co_await stream.async_connect(vetted.addresses, tuple_awaitable);
  if (cec) co_return failed(cec, "connecting");
  stream.expires_at(started + limits.attempt_timeout);
  if (!to.tls) {
    auto result = co_await talk(stream, req);
    co_return result;
  }
  beast::ssl_stream<beast::tcp_stream> secure(std::move(stream), tls);
  SSL* ssl = secure.native_handle();
  // SNI for names only (RFC 6066 section 3 forbids IP literals); the peer's certificate must
  // name the host (or carry the IP address) as well as chain to a trusted CA.
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  const bool named = to.ip_literal ? X509_VERIFY_PARAM_set1_ip_asc(param, to.host.c_str()) == 1
                                   : SSL_set_tlsext_host_name(ssl, to.host.c_str()) == 1 &&
                                         X509_VERIFY_PARAM_set1_host(param, to.host.c_str(), to.host.size()) == 1;
  if (!named) {
    ERR_clear_error();
    exchange_result r;
    r.failure = failure_kind::tls;
    r.error = "cannot verify the host name " + to.host;
    co_return r;
  }
  auto [hec] = co_await secure.async_handshake(asio::ssl::stream_base::client, tuple_awaitable);
  if (hec) {
    auto r = failed(hec, "TLS handshake");
    const long verify = SSL_get_verify_result(ssl);
    if (verify != X509_V_OK) r.error += std::string(" (") + X509_verify_cert_error_string(verify) + ")";
    co_return r;
  }
  auto result = co_await talk(secure, req);
  co_return result;
}

asio::ssl::context make_tls_context(const std::string& ca_file) {
  asio::ssl::context ctx(asio::ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  ctx.set_verify_mode(asio::ssl::verify_peer);
  boost::system::error_code ec;
  if (!ca_file.empty()) ctx.load_verify_file(ca_file, ec);
  else ctx.add_verify_path("/etc/ssl/certs", ec);
  if (ec) throw std::runtime_error("push: cannot load the certificate authorities (" + ec.message() + ")");
  return ctx;
}

} // namespace mm::push::detail
