// The SSRF table: every kind of address a push must not reach, and some it may.
#include "push/address_policy.hpp"

#include <gtest/gtest.h>

using namespace mm::push;

namespace {

struct row {
  const char* address;
  address_class expected;
};

address_class of(const char* text) { return classify(boost::asio::ip::make_address(text)); }

constexpr row table[] = {
    // IPv4
    {"8.8.8.8", address_class::global},
    {"142.250.74.78", address_class::global},
    {"0.0.0.0", address_class::unspecified},
    {"0.1.2.3", address_class::unspecified},
    {"127.0.0.1", address_class::loopback},
    {"127.255.255.254", address_class::loopback},
    {"10.0.0.1", address_class::private_use},
    {"10.255.255.255", address_class::private_use},
    {"172.16.0.1", address_class::private_use},
    {"172.31.255.255", address_class::private_use},
    {"172.32.0.1", address_class::global},
    {"172.15.255.255", address_class::global},
    {"192.168.1.1", address_class::private_use},
    {"100.64.0.1", address_class::shared},
    {"100.127.255.255", address_class::shared},
    {"100.128.0.1", address_class::global},
    {"169.254.169.254", address_class::link_local}, // cloud metadata
    {"169.254.0.1", address_class::link_local},
    {"224.0.0.1", address_class::multicast},
    {"239.255.255.250", address_class::multicast},
    {"255.255.255.255", address_class::broadcast},
    {"240.0.0.1", address_class::reserved},
    {"192.0.0.8", address_class::reserved},
    {"198.18.0.1", address_class::reserved},
    {"198.19.255.255", address_class::reserved},
    {"192.88.99.1", address_class::reserved},
    {"192.0.2.1", address_class::documentation},
    {"198.51.100.7", address_class::documentation},
    {"203.0.113.9", address_class::documentation},
    // IPv6
    {"2606:4700:4700::1111", address_class::global},
    {"2a00:1450:4001:82b::200a", address_class::global},
    {"::", address_class::unspecified},
    {"::1", address_class::loopback},
    {"fe80::1", address_class::link_local},
    {"febf::1", address_class::link_local},
    {"fec0::1", address_class::private_use},
    {"fc00::1", address_class::unique_local},
    {"fd12:3456:789a::1", address_class::unique_local},
    {"ff02::1", address_class::multicast},
    {"2001:db8::1", address_class::documentation},
    {"2001::1", address_class::reserved},          // Teredo
    {"2001:2::1", address_class::reserved},        // benchmarking
    {"2001:10::1", address_class::reserved},       // ORCHID
    {"100::1", address_class::reserved},           // discard-only
    {"4000::1", address_class::reserved},          // outside 2000::/3
    {"64:ff9b:1::1", address_class::private_use},  // local-use NAT64
    // IPv6 forms of IPv4 addresses take the IPv4 address's class
    {"::ffff:127.0.0.1", address_class::loopback},
    {"::ffff:10.1.2.3", address_class::private_use},
    {"::ffff:169.254.169.254", address_class::link_local},
    {"::ffff:8.8.8.8", address_class::global},
    {"::127.0.0.1", address_class::loopback},      // IPv4-compatible
    {"::10.0.0.1", address_class::private_use},
    {"64:ff9b::7f00:1", address_class::loopback},  // NAT64 of 127.0.0.1
    {"64:ff9b::a00:1", address_class::private_use},
    {"64:ff9b::a9fe:a9fe", address_class::link_local},
    {"64:ff9b::808:808", address_class::global},
    {"2002:a00:1::1", address_class::private_use}, // 6to4 of 10.0.0.1
    {"2002:7f00:1::1", address_class::loopback},
    {"2002:808:808::1", address_class::global},
};

} // namespace

TEST(address_policy, classifies_every_special_range) {
  for (const auto& r : table) EXPECT_EQ(name(of(r.address)), name(r.expected)) << r.address;
}

TEST(address_policy, only_global_addresses_are_public) {
  for (const auto& r : table) EXPECT_EQ(is_public(of(r.address)), r.expected == address_class::global) << r.address;
}
