// The sender's contract towards its caller: completions on the caller's executor, never inline,
// a bounded queue that drops the newest push, and stop(). The exchanges themselves are tested
// against a real push service in tests/push/.
#include "push/sender.hpp"

#include "domain/fake_clock.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>

#include <thread>

using namespace mm::push;
using namespace std::chrono_literals;
namespace asio = boost::asio;

namespace {

struct push_sender : ::testing::Test {
  mm::test::fake_clock clock;
  vapid_key vapid{p256_key::generate()};
  asio::io_context caller;
  asio::executor_work_guard<asio::io_context::executor_type> keep_running = asio::make_work_guard(caller);
  // A push service that accepts connections (the kernel's backlog) and never answers.
  asio::ip::tcp::acceptor silent{caller, {asio::ip::make_address("127.0.0.1"), 0}};

  std::string silent_origin() const { return "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()); }

  push_message message(std::string endpoint) {
    push_message m;
    m.to.endpoint = std::move(endpoint);
    m.to.keys.p256dh = p256_key::generate().public_point();
    m.payload = R"({"type":"test"})";
    m.ttl = 60s;
    m.deadline = clock.now() + 60s;
    return m;
  }

  sender_options options() {
    sender_options o;
    o.allowed = origin_allow_list({silent_origin()});
    o.attempt_timeout = 30s;
    return o;
  }

  // Runs the caller's context until `done` or 10 s.
  void run_until(const bool& done) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (!done && std::chrono::steady_clock::now() < until) caller.run_for(10ms);
  }
};

} // namespace

TEST_F(push_sender, completes_once_on_the_callers_executor_never_inline) {
  sender s(vapid, clock, options());
  bool done = false;
  std::thread::id ran_on;
  send_result result;
  s.send(message("https://10.0.0.1/push/1"), caller.get_executor(), [&](send_result r) {
    result = std::move(r);
    ran_on = std::this_thread::get_id();
    done = true;
  });
  EXPECT_FALSE(done);
  run_until(done);
  ASSERT_TRUE(done);
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_EQ(result.outcome, delivery::refused);
  EXPECT_EQ(result.attempts, 0);
  EXPECT_NE(result.error.find("internal address (private_use)"), std::string::npos) << result.error;
}

TEST_F(push_sender, a_silent_push_service_holds_a_queue_slot_not_the_caller) {
  auto o = options();
  o.queue_capacity = 2;
  sender s(vapid, clock, o);
  int completions = 0;
  bool third_done = false;
  send_result third;
  const auto endpoint = silent_origin() + "/push/1";
  s.send(message(endpoint), caller.get_executor(), [&](send_result) { ++completions; });
  s.send(message(endpoint), caller.get_executor(), [&](send_result) { ++completions; });
  s.send(message(endpoint), caller.get_executor(), [&](send_result r) {
    third = std::move(r);
    third_done = true;
  });
  EXPECT_EQ(s.pending(), 2u);
  run_until(third_done);
  ASSERT_TRUE(third_done);
  EXPECT_EQ(third.outcome, delivery::dropped);
  EXPECT_EQ(third.error, "the push queue is full");
  caller.run_for(200ms);
  EXPECT_EQ(completions, 0); // the first two still wait on the silent service
  EXPECT_EQ(s.pending(), 2u);
  s.stop();
  caller.run_for(100ms);
  EXPECT_EQ(completions, 0); // abandoned, never completed
}

TEST_F(push_sender, after_stop_sends_are_dropped) {
  sender s(vapid, clock, options());
  s.stop();
  s.stop();
  bool done = false;
  send_result result;
  s.send(message(silent_origin() + "/push/1"), caller.get_executor(), [&](send_result r) {
    result = std::move(r);
    done = true;
  });
  run_until(done);
  EXPECT_EQ(result.outcome, delivery::dropped);
}

TEST_F(push_sender, a_payload_past_its_deadline_is_not_sent) {
  sender s(vapid, clock, options());
  auto m = message(silent_origin() + "/push/1");
  m.deadline = clock.now() - 1s;
  bool done = false;
  send_result result;
  s.send(std::move(m), caller.get_executor(), [&](send_result r) {
    result = std::move(r);
    done = true;
  });
  run_until(done);
  EXPECT_EQ(result.outcome, delivery::failed);
  EXPECT_EQ(result.attempts, 0);
  EXPECT_EQ(result.error, "the payload expired before it was sent");
}

TEST_F(push_sender, a_withdrawn_payload_is_not_sent) {
  sender s(vapid, clock, options());
  auto m = message(silent_origin() + "/push/1");
  auto withdrawn = std::make_shared<std::atomic<bool>>(true);
  m.withdrawn = withdrawn;
  bool done = false;
  send_result result;
  s.send(std::move(m), caller.get_executor(), [&](send_result r) {
    result = std::move(r);
    done = true;
  });
  run_until(done);
  EXPECT_EQ(result.outcome, delivery::failed);
  EXPECT_EQ(result.attempts, 0);
  EXPECT_EQ(result.error, "the payload was withdrawn");
}

TEST_F(push_sender, vet_resolves_names_and_refuses_internal_ones) {
  sender s(vapid, clock, options());
  bool done = false;
  mm::domain::outcome<endpoint> result = mm::domain::fail(mm::domain::errc::internal, "");
  s.vet("https://localhost/push/1", caller.get_executor(), [&](mm::domain::outcome<endpoint> r) {
    result = std::move(r);
    done = true;
  });
  run_until(done);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, mm::domain::errc::validation_failed);
  EXPECT_EQ(result.error().message, "endpoint localhost resolves to an internal address (loopback)");
  done = false;
  s.vet(silent_origin() + "/push/1", caller.get_executor(), [&](mm::domain::outcome<endpoint> r) {
    result = std::move(r);
    done = true;
  });
  run_until(done);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->origin, silent_origin());
}

TEST_F(push_sender, a_malformed_topic_or_an_oversized_payload_is_not_sent) {
  sender s(vapid, clock, options());
  auto bad_topic = message(silent_origin() + "/push/1");
  bad_topic.topic = "room:1";
  auto big = message(silent_origin() + "/push/1");
  big.payload.assign(max_message_plaintext + 1, 'x');
  int done = 0;
  send_result topic_result, big_result;
  s.send(std::move(bad_topic), caller.get_executor(), [&](send_result r) { topic_result = std::move(r); ++done; });
  s.send(std::move(big), caller.get_executor(), [&](send_result r) { big_result = std::move(r); ++done; });
  const auto until = std::chrono::steady_clock::now() + 10s;
  while (done < 2 && std::chrono::steady_clock::now() < until) caller.run_for(10ms);
  EXPECT_EQ(topic_result.outcome, delivery::refused);
  EXPECT_EQ(topic_result.error, "topic must be 1 to 32 base64url characters");
  EXPECT_EQ(big_result.outcome, delivery::too_large);
  EXPECT_EQ(big_result.attempts, 0);
}
