#include "push/address_policy.hpp"

#include <array>
#include <cstdint>

namespace mm::push {
namespace {

struct v4_range {
  std::uint32_t prefix;
  int length;
  address_class kind;
};

constexpr std::uint32_t v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  return (std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) | d;
}

// IANA's IPv4 Special-Purpose Address Registry, as far as a push may care; longest first where
// ranges nest (192.0.0.0/24 inside nothing else, so order only matters for readability).
constexpr std::array<v4_range, 17> v4_ranges{{
    {v4(255, 255, 255, 255), 32, address_class::broadcast},
    {v4(0, 0, 0, 0), 8, address_class::unspecified},
    {v4(10, 0, 0, 0), 8, address_class::private_use},
    {v4(100, 64, 0, 0), 10, address_class::shared},
    {v4(127, 0, 0, 0), 8, address_class::loopback},
    {v4(169, 254, 0, 0), 16, address_class::link_local},
    {v4(172, 16, 0, 0), 12, address_class::private_use},
    {v4(192, 0, 0, 0), 24, address_class::reserved},
    {v4(192, 0, 2, 0), 24, address_class::documentation},
    {v4(192, 88, 99, 0), 24, address_class::reserved},
    {v4(192, 168, 0, 0), 16, address_class::private_use},
    {v4(198, 18, 0, 0), 15, address_class::reserved},
    {v4(198, 51, 100, 0), 24, address_class::documentation},
    {v4(203, 0, 113, 0), 24, address_class::documentation},
    {v4(224, 0, 0, 0), 4, address_class::multicast},
    {v4(240, 0, 0, 0), 4, address_class::reserved},
    {v4(0, 0, 0, 0), 0, address_class::global}, // everything else
}};

bool in(std::uint32_t a, std::uint32_t prefix, int length) {
  const std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t(0) << (32 - length);
  return (a & mask) == prefix;
}

using v6_bytes = boost::asio::ip::address_v6::bytes_type;

bool starts_with(const v6_bytes& b, std::initializer_list<std::uint8_t> prefix, int bits) {
  int i = 0;
  for (const std::uint8_t p : prefix) {
    const int take = std::min(8, bits - 8 * i);
    if (take <= 0) break;
    const std::uint8_t mask = static_cast<std::uint8_t>(0xff << (8 - take));
    if ((b[i] & mask) != (p & mask)) return false;
    ++i;
  }
  return true;
}

bool zeros(const v6_bytes& b, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (b[i] != 0) return false;
  return true;
}

address_class embedded_v4(const v6_bytes& b, std::size_t at) {
  return classify(boost::asio::ip::address_v4(v4(b[at], b[at + 1], b[at + 2], b[at + 3])));
}

} // namespace

address_class classify(const boost::asio::ip::address_v4& address) {
  const std::uint32_t a = address.to_uint();
  for (const auto& r : v4_ranges)
    if (in(a, r.prefix, r.length)) return r.kind;
  return address_class::global;
}

address_class classify(const boost::asio::ip::address_v6& address) {
  const v6_bytes b = address.to_bytes();
  if (zeros(b, 0, 10)) {
    if (b[10] == 0xff && b[11] == 0xff) return embedded_v4(b, 12); // ::ffff:a.b.c.d (mapped)
    if (zeros(b, 10, 12)) {
      if (zeros(b, 12, 15) && b[15] == 0) return address_class::unspecified; // ::
      if (zeros(b, 12, 15) && b[15] == 1) return address_class::loopback;    // ::1
      return embedded_v4(b, 12);                                              // ::a.b.c.d (compatible)
    }
    return address_class::reserved;
  }
  if (starts_with(b, {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, 96)) return embedded_v4(b, 12); // NAT64
  if (starts_with(b, {0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48)) return address_class::private_use; // local NAT64
  if (starts_with(b, {0xff}, 8)) return address_class::multicast;
  if (starts_with(b, {0xfe, 0x80}, 10)) return address_class::link_local;
  if (starts_with(b, {0xfe, 0xc0}, 10)) return address_class::private_use;
  if (starts_with(b, {0xfc}, 7)) return address_class::unique_local;
  if (starts_with(b, {0x20, 0x01, 0x0d, 0xb8}, 32)) return address_class::documentation;
  if (starts_with(b, {0x20, 0x02}, 16)) return embedded_v4(b, 2); // 6to4
  if (starts_with(b, {0x20, 0x01, 0x00, 0x00}, 32)) return address_class::reserved; // Teredo
  if (starts_with(b, {0x20, 0x01, 0x00, 0x02, 0x00, 0x00}, 48)) return address_class::reserved; // benchmarking
  if (starts_with(b, {0x20, 0x01, 0x00, 0x10}, 28)) return address_class::reserved; // ORCHID
  if (starts_with(b, {0x20, 0x01, 0x00, 0x20}, 28)) return address_class::reserved; // ORCHIDv2
  if (starts_with(b, {0x01, 0x00, 0, 0, 0, 0, 0, 0}, 64)) return address_class::reserved; // discard-only
  if (!starts_with(b, {0x20}, 3)) return address_class::reserved; // outside global unicast 2000::/3
  return address_class::global;
}

address_class classify(const boost::asio::ip::address& address) {
  return address.is_v4() ? classify(address.to_v4()) : classify(address.to_v6());
}

std::string_view name(address_class c) {
  switch (c) {
  case address_class::global: return "global";
  case address_class::unspecified: return "unspecified";
  case address_class::loopback: return "loopback";
  case address_class::private_use: return "private_use";
  case address_class::shared: return "shared";
  case address_class::link_local: return "link_local";
  case address_class::multicast: return "multicast";
  case address_class::broadcast: return "broadcast";
  case address_class::documentation: return "documentation";
  case address_class::unique_local: return "unique_local";
  case address_class::reserved: return "reserved";
  }
  return "reserved";
}

} // namespace mm::push
