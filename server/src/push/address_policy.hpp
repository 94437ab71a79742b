#pragma once
// Which IP addresses a push may reach (SSRF safety): a pure classifier. A push service lives on
// the public Internet; every other kind of address is refused unless the endpoint's origin is on
// the operator's allow list (endpoint.hpp).
#include <boost/asio/ip/address.hpp>

#include <string_view>

namespace mm::push {

enum class address_class {
  global,        // public unicast: the only class a push may reach without the allow list
  unspecified,   // 0.0.0.0/8 ("this network"), ::
  loopback,      // 127.0.0.0/8, ::1
  private_use,   // 10/8, 172.16/12, 192.168/16 (RFC 1918); fec0::/10 (old site-local); 64:ff9b:1::/48
  shared,        // 100.64.0.0/10 (carrier-grade NAT, RFC 6598)
  link_local,    // 169.254/16 (incl. the 169.254.169.254 cloud metadata service), fe80::/10
  multicast,     // 224/4, ff00::/8
  broadcast,     // 255.255.255.255
  documentation, // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32
  unique_local,  // fc00::/7
  reserved,      // 192.0.0/24, 192.88.99/24, 198.18/15, 240/4, Teredo, ORCHID, discard, non-2000::/3
};

// The class of `address`. IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96,
// IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) take the class of the IPv4 address
// they carry, so ::ffff:127.0.0.1 is loopback and 64:ff9b::a00:1 is private_use.
address_class classify(const boost::asio::ip::address& address);
address_class classify(const boost::asio::ip::address_v4& address);
address_class classify(const boost::asio::ip::address_v6& address);

inline bool is_public(address_class c) { return c == address_class::global; }

// "loopback", "private_use", ...: for logs and error messages.
std::string_view name(address_class c);

} // namespace mm::push
