#include "push/endpoint.hpp"

#include "push/address_policy.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace mm::push {
namespace {

domain::failure bad(std::string message) { return domain::fail(domain::errc::validation_failed, std::move(message)); }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

} // namespace

domain::outcome<endpoint> parse_endpoint(std::string_view url) {
  if (url.empty() || url.size() > max_endpoint_length)
    return bad("endpoint must be a URL of at most " + std::to_string(max_endpoint_length) + " characters");
  const auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return bad("endpoint must be an absolute URL");
  const boost::urls::url_view u = *parsed;
  endpoint e;
  const std::string scheme = lower(u.scheme());
  if (scheme != "https" && scheme != "http") return bad("endpoint must be an https: URL");
  e.tls = scheme == "https";
  if (!u.has_authority() || u.encoded_host().empty()) return bad("endpoint must have a host");
  if (u.has_userinfo()) return bad("endpoint must not carry user information");
  if (u.has_fragment()) return bad("endpoint must not have a fragment");
  switch (u.host_type()) {
  case boost::urls::host_type::name:
    if (u.encoded_host().find('%') != boost::core::string_view::npos) return bad("endpoint host must not be percent-encoded");
    e.host = lower(u.encoded_host());
    break;
  case boost::urls::host_type::ipv4:
    e.host = u.host_ipv4_address().to_string();
    e.ip_literal = true;
    break;
  case boost::urls::host_type::ipv6:
    e.host = u.host_ipv6_address().to_string();
    e.ip_literal = true;
    break;
  default:
    return bad("endpoint host must be a name or an IP address");
  }
  const std::uint16_t default_port = e.tls ? 443 : 80;
  e.port = default_port;
  if (u.has_port() && !u.port().empty()) {
    const auto digits = u.port();
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || value < 1 || value > 65535)
      return bad("endpoint port must be between 1 and 65535");
    e.port = static_cast<std::uint16_t>(value);
  }
  e.target = std::string(u.encoded_path());
  if (e.target.empty()) e.target = "/";
  if (e.target[0] != '/') return bad("endpoint must be an absolute URL");
  if (u.has_query()) e.target += "?" + std::string(u.encoded_query());
  const std::string host_part = u.host_type() == boost::urls::host_type::ipv6 ? "[" + e.host + "]" : e.host;
  e.origin = scheme + "://" + host_part;
  if (e.port != default_port) e.origin += ":" + std::to_string(e.port);
  return e;
}

origin_allow_list::origin_allow_list(const std::vector<std::string>& origins) {
  for (const auto& entry : origins) {
    std::string_view text = entry;
    if (text.ends_with('/')) text.remove_suffix(1);
    const auto e = parse_endpoint(text);
    if (!e || e->target != "/" || text.find('?') != std::string_view::npos)
      throw std::invalid_argument("--push-allow-origin " + entry + ": not an origin such as https://push.example.net:8443");
    origins_.insert(e->origin);
  }
}

domain::outcome<endpoint> check_endpoint(std::string_view url, const origin_allow_list& allowed) {
  auto e = parse_endpoint(url);
  if (!e) return e;
  if (allowed.contains(e->origin)) return e;
  if (!e->tls) return bad("endpoint must be an https: URL");
  if (e->ip_literal) {
    const auto cls = classify(boost::asio::ip::make_address(e->host));
    if (!is_public(cls)) return bad("endpoint must not point to an internal address (" + std::string(name(cls)) + ")");
  }
  return e;
}

} // namespace mm::push
