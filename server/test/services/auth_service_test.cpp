// auth_service (API.md, Conventions "Auth") on a real SQLite store with the fake clock:
// registering, logging in, throttled failures, sliding and absolute session expiry, logout.
#include "service_fixture.hpp"

#include "services/auth_service.hpp"
#include "services/password_hasher.hpp"

namespace mm::test {
namespace {

class auth_service : public service_fixture {
protected:
  services::password_hasher hasher{1};
  services::auth_service auth{ctx, hasher};

  services::signed_in registered(const std::string& email = "Ada@Example.com") {
    auto r = run(auth.register_user(email, "correct horse", "Ada"));
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : services::signed_in{};
  }
};

TEST_F(auth_service, registering_signs_in_with_a_normalized_email) {
  const auto s = registered();
  EXPECT_EQ(s.user.email, "ada@example.com");
  EXPECT_EQ(s.user.created_at, clock.now());
  auto session = run(auth.authenticate(s.token));
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user_id, s.user.id);
  EXPECT_EQ(run(auth.register_user("ada@EXAMPLE.com", "another one", "Ada")).error().code, errc::conflict);
}

TEST_F(auth_service, registering_checks_the_fields) {
  EXPECT_EQ(run(auth.register_user("not an email", "correct horse", "Ada")).error().code, errc::validation_failed);
  EXPECT_EQ(run(auth.register_user("a@example.com", "short", "Ada")).error().code, errc::validation_failed);
  EXPECT_EQ(run(auth.register_user("a@example.com", "correct horse", "")).error().code, errc::validation_failed);
}

TEST_F(auth_service, a_wrong_password_and_an_unknown_email_get_the_same_answer) {
  registered();
  auto wrong = run(auth.login("ada@example.com", "wrong horse"));
  auto unknown = run(auth.login("nobody@example.com", "correct horse"));
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, errc::unauthorized);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_TRUE(run(auth.login("ADA@example.com", "correct horse")));
}

TEST_F(auth_service, ten_failures_in_fifteen_minutes_throttle_the_account_until_the_oldest_leaves) {
  registered();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(run(auth.login("ada@example.com", "wrong horse")).error().code, errc::unauthorized) << i;
    clock.advance(10s);
  }
  auto throttled = run(auth.login("ada@example.com", "correct horse"));
  ASSERT_FALSE(throttled) << "even the right password waits";
  EXPECT_EQ(throttled.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(throttled.error().retry_after_seconds, 800.0) << "the first failure leaves the window 900 s after it";
  clock.advance(800s);
  EXPECT_EQ(run(auth.login("ada@example.com", "correct horse")).error().code, errc::rate_limited) << "not before";
  clock.advance(1ms);
  EXPECT_TRUE(run(auth.login("ada@example.com", "correct horse")));
}

TEST_F(auth_service, a_session_idle_for_fourteen_days_ends) {
  const auto s = registered();
  clock.advance(14 * 24h - 1ms);
  EXPECT_TRUE(run(auth.authenticate(s.token))) << "used just in time: the idle time starts again";
  clock.advance(14 * 24h);
  EXPECT_FALSE(run(auth.authenticate(s.token))) << "idle for 14 days, within the 30 of its life";
  EXPECT_FALSE(run(auth.authenticate(s.token))) << "and stays ended";
}

TEST_F(auth_service, a_session_ends_thirty_days_after_sign_in_however_often_it_is_used) {
  const auto s = registered();
  for (int day = 1; day < 30; ++day) {
    clock.advance(24h);
    EXPECT_TRUE(run(auth.authenticate(s.token))) << day;
  }
  clock.advance(24h);
  EXPECT_FALSE(run(auth.authenticate(s.token)));
}

TEST_F(auth_service, logging_out_revokes_the_session_and_tells_that_sessions_sockets) {
  const auto s = registered();
  auto session = run(auth.authenticate(s.token));
  ASSERT_TRUE(session);
  run(auth.logout(*session));
  EXPECT_FALSE(run(auth.authenticate(s.token)));
  EXPECT_EQ(events_to(bus::control_topic{s.user.id}), std::vector<std::string>{"session-revoked"});
  EXPECT_EQ(last_payload(bus::control_topic{s.user.id}, "session-revoked").as_string(), session->token_hash);
}

TEST_F(auth_service, a_token_that_is_no_session_is_refused) {
  EXPECT_FALSE(run(auth.authenticate("")));
  EXPECT_FALSE(run(auth.authenticate("made-up-token")));
  EXPECT_FALSE(run(auth.authenticate(std::string(200, 'a'))));
}

} // namespace
} // namespace mm::test
