// The bodies of POST /api/blocks and POST /api/reports (services/trust_requests.hpp): each field's
// presence, type and limit, failures naming the field.
#include "services/trust_requests.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace {
using namespace mm::services;
using mm::domain::errc;
using mm::domain::report_reason;
namespace json = boost::json;

void expect_invalid(const mm::domain::failure& f, const std::string& field) {
  EXPECT_EQ(f.code, errc::validation_failed);
  EXPECT_EQ(f.message.rfind(field, 0), 0u) << f.message;
}

TEST(parse_block, takes_a_non_empty_user_id) {
  auto ok = parse_block(json::parse(R"({"userId":"u_1"})"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->user_id, "u_1");
  for (const char* bad : {R"({})", R"({"userId":null})", R"({"userId":3})", R"({"userId":""})"}) {
    auto r = parse_block(json::parse(bad));
    ASSERT_FALSE(r) << bad;
    expect_invalid(r.error(), "userId");
  }
  EXPECT_FALSE(parse_block(json::parse("[]")));
}

TEST(parse_report, reads_every_field_and_treats_null_and_empty_details_as_none) {
  auto r = parse_report(json::parse(R"({"userId":"u_1","roomId":"r_1","reason":"inappropriate","details":"a\nb"})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->user_id, "u_1");
  EXPECT_EQ(r->room_id, "r_1");
  EXPECT_EQ(r->reason, report_reason::inappropriate);
  EXPECT_EQ(r->details, "a\nb");
  auto bare = parse_report(json::parse(R"({"userId":"u_1","reason":"other","roomId":null,"details":""})"));
  ASSERT_TRUE(bare);
  EXPECT_FALSE(bare->room_id);
  EXPECT_FALSE(bare->details);
}

TEST(parse_report, names_the_field_that_is_wrong) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"reason":"spam"})", "userId"},
      {R"({"userId":"u_1"})", "reason"},
      {R"({"userId":"u_1","reason":"rude"})", "reason"},
      {R"({"userId":"u_1","reason":3})", "reason"},
      {R"({"userId":"u_1","reason":"spam","roomId":7})", "roomId"},
      {R"({"userId":"u_1","reason":"spam","roomId":""})", "roomId"},
      {R"({"userId":"u_1","reason":"spam","details":[]})", "details"},
  };
  for (const auto& [body, field] : cases) {
    auto r = parse_report(json::parse(body));
    ASSERT_FALSE(r) << body;
    expect_invalid(r.error(), field);
  }
  json::object long_details{{"userId", "u_1"}, {"reason", "spam"}, {"details", std::string(2001, 'x')}};
  auto r = parse_report(long_details);
  ASSERT_FALSE(r);
  expect_invalid(r.error(), "details");
}

} // namespace
