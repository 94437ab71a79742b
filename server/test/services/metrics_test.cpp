// Counters, histograms and gauges in the Prometheus text exposition format (version 0.0.4).
#include "services/metrics.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using mm::services::metrics;

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (l == line) return true;
  return false;
}

TEST(metrics, renders_nothing_when_empty) { EXPECT_EQ(metrics{}.render(), ""); }

TEST(metrics, counters_render_with_type_and_labels) {
  metrics m;
  m.add("mockmate_http_requests_total", R"(route="/api/me",status="200")");
  m.add("mockmate_http_requests_total", R"(route="/api/me",status="200")");
  m.add("mockmate_http_requests_total", R"(route="/api/me",status="401")", 3);
  m.add("mockmate_registrations_total", "");
  const auto text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE mockmate_http_requests_total counter")) << text;
  EXPECT_TRUE(has_line(text, R"(mockmate_http_requests_total{route="/api/me",status="200"} 2)")) << text;
  EXPECT_TRUE(has_line(text, R"(mockmate_http_requests_total{route="/api/me",status="401"} 3)")) << text;
  EXPECT_TRUE(has_line(text, "mockmate_registrations_total 1")) << text;
}

TEST(metrics, described_metrics_carry_help_before_type) {
  metrics m;
  m.describe("mockmate_invitations_total", "counter", "Invitations created.");
  m.add("mockmate_invitations_total", "");
  EXPECT_EQ(m.render(), "# HELP mockmate_invitations_total Invitations created.\n"
                        "# TYPE mockmate_invitations_total counter\n"
                        "mockmate_invitations_total 1\n");
}

TEST(metrics, every_line_ends_with_a_newline) {
  metrics m;
  m.add("a_total", "");
  m.observe("b_seconds", "", 0.1);
  m.gauge("c", [] { return 1.0; });
  const auto text = m.render();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find("\n\n"), std::string::npos);
}

TEST(metrics, large_counts_keep_every_digit) {
  metrics m;
  m.add("mockmate_ws_messages_total", "", 1234567);
  m.add("mockmate_bytes_total", "", 9007199254740992.0); // 2^53
  const auto text = m.render();
  EXPECT_TRUE(has_line(text, "mockmate_ws_messages_total 1234567")) << text;
  EXPECT_TRUE(has_line(text, "mockmate_bytes_total 9007199254740992")) << text;
}

TEST(metrics, histograms_have_cumulative_buckets_sum_and_count) {
  metrics m;
  m.observe("mockmate_http_request_seconds", R"(route="/api/me")", 0.003);
  m.observe("mockmate_http_request_seconds", R"(route="/api/me")", 0.2);
  m.observe("mockmate_http_request_seconds", R"(route="/api/me")", 10);
  const auto text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE mockmate_http_request_seconds histogram")) << text;
  // Bucket lines: name_bucket{labels,le="bound"} count, cumulative, ending with +Inf.
  std::vector<std::pair<double, long>> buckets;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    const std::string prefix = R"(mockmate_http_request_seconds_bucket{route="/api/me",le=")";
    if (l.rfind(prefix, 0) != 0) continue;
    const auto quote = l.find('"', prefix.size());
    const auto bound = l.substr(prefix.size(), quote - prefix.size());
    const long count = std::stol(l.substr(l.rfind(' ') + 1));
    buckets.emplace_back(bound == "+Inf" ? 1e300 : std::stod(bound), count);
  }
  ASSERT_GE(buckets.size(), 2u) << text;
  EXPECT_EQ(buckets.back().first, 1e300) << "the last bucket is +Inf";
  EXPECT_EQ(buckets.back().second, 3);
  for (std::size_t i = 1; i < buckets.size(); ++i) {
    EXPECT_LT(buckets[i - 1].first, buckets[i].first) << "bounds ascend";
    EXPECT_LE(buckets[i - 1].second, buckets[i].second) << "counts are cumulative";
  }
  for (const auto& [bound, count] : buckets) {
    const long expected = (0.003 <= bound) + (0.2 <= bound) + (10 <= bound);
    EXPECT_EQ(count, expected) << "le=" << bound;
  }
  EXPECT_TRUE(has_line(text, R"(mockmate_http_request_seconds_count{route="/api/me"} 3)")) << text;
  EXPECT_TRUE(has_line(text, R"(mockmate_http_request_seconds_sum{route="/api/me"} 10.203)")) << text;
}

TEST(metrics, a_histogram_without_labels_has_only_le) {
  metrics m;
  m.observe("mockmate_db_seconds", "", 0.01);
  const auto text = m.render();
  EXPECT_TRUE(has_line(text, R"(mockmate_db_seconds_bucket{le="+Inf"} 1)")) << text;
  EXPECT_TRUE(has_line(text, "mockmate_db_seconds_count 1")) << text;
  EXPECT_TRUE(has_line(text, "mockmate_db_seconds_sum 0.01")) << text;
}

TEST(metrics, gauges_are_read_when_rendered) {
  metrics m;
  double sockets = 3;
  m.gauge("mockmate_open_sockets", [&] { return sockets; });
  EXPECT_TRUE(has_line(m.render(), "mockmate_open_sockets 3"));
  EXPECT_TRUE(has_line(m.render(), "# TYPE mockmate_open_sockets gauge"));
  sockets = 5;
  EXPECT_TRUE(has_line(m.render(), "mockmate_open_sockets 5"));
}

TEST(metrics, counts_every_increment_from_many_threads) {
  metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        m.add("mockmate_events_total", "");
        m.observe("mockmate_event_seconds", "", 0.001);
      }
    });
  for (auto& th : threads) th.join();
  const auto text = m.render();
  EXPECT_TRUE(has_line(text, "mockmate_events_total 40000")) << text;
  EXPECT_TRUE(has_line(text, "mockmate_event_seconds_count 40000")) << text;
}

} // namespace
