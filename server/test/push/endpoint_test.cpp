#include "push/endpoint.hpp"

#include <gtest/gtest.h>

using namespace mm::push;

namespace {

std::string refusal(std::string_view url, const origin_allow_list& allowed = {}) {
  const auto r = check_endpoint(url, allowed);
  EXPECT_FALSE(r.has_value()) << url;
  if (r.has_value()) return {};
  EXPECT_EQ(r.error().code, mm::domain::errc::validation_failed);
  EXPECT_EQ(r.error().message.rfind("endpoint", 0), 0u) << r.error().message;
  return r.error().message;
}

} // namespace

TEST(endpoint, takes_a_push_service_url_apart) {
  const auto e = parse_endpoint("https://fcm.googleapis.com/fcm/send/abc:APA91b?x=1");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->tls);
  EXPECT_EQ(e->host, "fcm.googleapis.com");
  EXPECT_FALSE(e->ip_literal);
  EXPECT_EQ(e->port, 443);
  EXPECT_EQ(e->target, "/fcm/send/abc:APA91b?x=1");
  EXPECT_EQ(e->origin, "https://fcm.googleapis.com");
}

TEST(endpoint, the_origin_keeps_a_port_that_is_not_the_default) {
  EXPECT_EQ(parse_endpoint("https://Push.Example.NET:8443/x")->origin, "https://push.example.net:8443");
  EXPECT_EQ(parse_endpoint("https://push.example.net:443/x")->origin, "https://push.example.net");
  EXPECT_EQ(parse_endpoint("http://127.0.0.1:9000/p/1")->origin, "http://127.0.0.1:9000");
  const auto v6 = parse_endpoint("https://[2606:4700::1]:444");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "2606:4700::1");
  EXPECT_TRUE(v6->ip_literal);
  EXPECT_EQ(v6->origin, "https://[2606:4700::1]:444");
  EXPECT_EQ(v6->target, "/");
}

TEST(endpoint, refuses_urls_that_are_not_plain_https_endpoints) {
  refusal("");
  refusal("push.example.net/x");
  refusal("/relative");
  refusal("ftp://push.example.net/x");
  refusal("https:///no-host");
  refusal("https://user:pass@push.example.net/x");
  refusal("https://user@push.example.net/x");
  refusal("https://push.example.net/x#frag");
  refusal("https://push.example.net:0/x");
  refusal("https://push.example.net:65536/x");
  refusal("https://push.example.net:99999999999/x");
  refusal("https://push%2eexample.net/x");
  refusal("https://push.example.net/" + std::string(max_endpoint_length, 'a'));
  EXPECT_NE(refusal("http://push.example.net/x").find("https"), std::string::npos);
}

TEST(endpoint, refuses_internal_ip_literals) {
  for (const char* url : {"https://127.0.0.1/x", "https://10.0.0.5/x", "https://169.254.169.254/latest/meta-data",
                          "https://[::1]/x", "https://[fd00::1]/x", "https://[::ffff:127.0.0.1]/x",
                          "https://0.0.0.0/x", "https://192.168.0.1:8443/x", "https://100.64.1.1/x"})
    EXPECT_NE(refusal(url).find("internal address"), std::string::npos) << url;
  EXPECT_TRUE(check_endpoint("https://8.8.8.8/x", {}));
  EXPECT_TRUE(check_endpoint("https://push.example.net/x", {})); // names are vetted once resolved
}

TEST(endpoint, the_allow_list_is_the_only_way_to_loopback_or_http) {
  const origin_allow_list allowed({"http://127.0.0.1:9000", "https://[::1]:8443/"});
  EXPECT_TRUE(check_endpoint("http://127.0.0.1:9000/push/1", allowed));
  EXPECT_TRUE(check_endpoint("https://[::1]:8443/push/1", allowed));
  refusal("http://127.0.0.1:9001/push/1", allowed);  // another port is another origin
  refusal("https://127.0.0.1:9000/push/1", allowed); // another scheme too
  refusal("http://localhost:9000/push/1", allowed);  // and another host
}

TEST(endpoint, the_allow_list_refuses_what_is_not_an_origin) {
  EXPECT_THROW(origin_allow_list({"127.0.0.1:9000"}), std::invalid_argument);
  EXPECT_THROW(origin_allow_list({"http://127.0.0.1:9000/path"}), std::invalid_argument);
  EXPECT_THROW(origin_allow_list({"http://127.0.0.1:9000/?q"}), std::invalid_argument);
  EXPECT_THROW(origin_allow_list({"ftp://example.net"}), std::invalid_argument);
  EXPECT_NO_THROW(origin_allow_list({"HTTP://LOCALHOST:80/"}));
  EXPECT_TRUE(origin_allow_list({"HTTP://LOCALHOST:80/"}).contains("http://localhost"));
}
