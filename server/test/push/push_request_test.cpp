#include "push/push_request.hpp"

#include "push/message_encryption.hpp"
#include "test_support.hpp"

#include <map>

using namespace mm::push;
using namespace std::chrono_literals;

namespace {

const auto now = mm::domain::from_millis(1'790'000'000'000);

std::map<std::string, std::string> headers_of(const http_request& r) {
  return {r.headers.begin(), r.headers.end()};
}

} // namespace

TEST(push_request, carries_the_rfc_8030_headers_and_an_encrypted_body) {
  const auto ua = p256_key::generate();
  push_message m;
  m.to.endpoint = "https://push.example.net:8443/wpush/v2/abc?x=1";
  m.to.keys.p256dh = ua.public_point();
  m.to.keys.auth.fill(3);
  m.payload = R"({"type":"invitation"})";
  m.urgency = urgency::high;
  m.topic = derive_topic("room_1");
  const vapid_key vapid(p256_key::generate());
  const auto to = parse_endpoint(m.to.endpoint).value();
  const auto req = build_request(to, m, 55s, vapid, "mailto:admin@localhost", now);
  EXPECT_EQ(req.target, "/wpush/v2/abc?x=1");
  ASSERT_GE(req.headers.size(), 1u);
  EXPECT_EQ(req.headers[0].first, "Host");
  const auto h = headers_of(req);
  EXPECT_EQ(h.at("Host"), "push.example.net:8443");
  EXPECT_EQ(h.at("TTL"), "55");
  EXPECT_EQ(h.at("Urgency"), "high");
  EXPECT_EQ(h.at("Topic"), m.topic);
  EXPECT_EQ(h.at("Content-Encoding"), "aes128gcm");
  EXPECT_EQ(h.at("Content-Type"), "application/octet-stream");
  EXPECT_EQ(h.at("Content-Length"), std::to_string(req.body.size()));
  EXPECT_EQ(h.at("Authorization").rfind("vapid t=", 0), 0u);
  EXPECT_NE(h.at("Authorization").find(", k=" + vapid.public_key()), std::string::npos);
  EXPECT_EQ(decrypt_message(req.body, ua, m.to.keys.auth), m.payload);
}

TEST(push_request, leaves_out_an_empty_topic_and_never_sends_a_negative_ttl) {
  push_message m;
  m.to.keys.p256dh = p256_key::generate().public_point();
  const auto to = parse_endpoint("https://push.example.net/x").value();
  const auto req = build_request(to, m, -3s, vapid_key(p256_key::generate()), "mailto:a@b", now);
  const auto h = headers_of(req);
  EXPECT_FALSE(h.contains("Topic"));
  EXPECT_EQ(h.at("TTL"), "0");
  EXPECT_EQ(h.at("Urgency"), "normal");
  EXPECT_EQ(h.at("Host"), "push.example.net");
}

TEST(push_request, topics_are_at_most_32_base64url_characters) {
  EXPECT_TRUE(check_topic("abcDEF012-_"));
  EXPECT_TRUE(check_topic(std::string(32, 'a')));
  EXPECT_FALSE(check_topic(""));
  EXPECT_FALSE(check_topic(std::string(33, 'a')));
  EXPECT_FALSE(check_topic("room:1"));
  EXPECT_FALSE(check_topic("a+b/"));
  EXPECT_EQ(derive_topic("room_1").size(), 32u);
  EXPECT_TRUE(check_topic(derive_topic("room_1")));
  EXPECT_EQ(derive_topic("room_1"), derive_topic("room_1"));
  EXPECT_NE(derive_topic("room_1"), derive_topic("room_2"));
}

TEST(push_request, urgency_values_are_rfc_8030s) {
  EXPECT_EQ(header_value(urgency::very_low), "very-low");
  EXPECT_EQ(header_value(urgency::low), "low");
  EXPECT_EQ(header_value(urgency::normal), "normal");
  EXPECT_EQ(header_value(urgency::high), "high");
}
