#pragma once
// The fixture of the use-case tests: the real services on a real SQLite store in a file of its
// own, the local bus, the fake clock, and an io_context the test drives by hand. Every bus
// message is recorded in order, so a test asserts what was announced to which topic.
//
// Time is the fake clock's: the services' deadlines are stored and compared with it, and a test
// makes one pass over them with `sweep()` where the server's one-second sweep would (a timer armed
// for the future waits real time, which a test does not spend).
#include "bus/bus.hpp"
#include "domain/fake_clock.hpp"
#include "services/deadlines.hpp"
#include "services/service_set.hpp"
#include "store/backends.hpp"
#include "store/test_users.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mm::test {

using namespace std::chrono_literals;
using domain::errc;
using domain::interview_status;

// Who is online, as the test says: the real registry belongs to the real-time layer above this
// one; the services only ask it.
class online_users final : public services::presence_directory {
public:
  bool is_online(const std::string& user_id) const override { return ids.count(user_id) > 0; }
  std::set<std::string> ids;
};

inline services::service_config test_config() {
  services::service_config c; // 120 s invitations, 180 s grace, 20 per 10 minutes
  return c;
}

class service_fixture : public ::testing::Test {
protected:
  explicit service_fixture(services::service_config config = test_config())
      : id_(unique_test_id(::testing::UnitTest::GetInstance()->current_test_info()->name())),
        db_(open_store(id_)),
        ctx{io.get_executor(), *db_, executor, *events_, clock, presence, deadlines, counters, config} {
    events_->subscribe([this](const bus::message& m) { published.push_back(m); });
    for (const auto& q : db_->list_questions({})) question_ids.push_back(q.id);
  }
  ~service_fixture() override {
    deadlines.cancel_all();
    executor.stop();
    db_.reset();
    drop_store(id_);
  }

  // Runs `a` on the io_context to its end, then delivers what it published.
  template <class T>
  T run(boost::asio::awaitable<T> a) {
    std::optional<T> out;
    std::exception_ptr error;
    bool done = false;
    boost::asio::co_spawn(io, std::move(a), [&](std::exception_ptr e, T v) {
      error = e;
      if (!e) out.emplace(std::move(v));
      done = true;
    });
    drive(done);
    if (error) std::rethrow_exception(error);
    return std::move(*out);
  }
  void run(boost::asio::awaitable<void> a) {
    std::exception_ptr error;
    bool done = false;
    boost::asio::co_spawn(io, std::move(a), [&](std::exception_ptr e) {
      error = e;
      done = true;
    });
    drive(done);
    if (error) std::rethrow_exception(error);
  }

  // Delivers what was published outside run().
  void deliver() {
    io.restart();
    io.poll();
  }

  // One pass of the deadline sweep at the fake clock's time (what the server does every second).
  void sweep() { run(services::sweep_deadlines_once(ctx, domain::milliseconds{0})); }

  // A user with a complete profile, available unless told, straight in the store.
  domain::user add_user(const std::string& name, bool available = true) {
    return add_test_user(*db_, name, clock.now(), true, available);
  }

  services::invitation_request invitation_to(const domain::user& invitee) {
    return {invitee.id, {question_ids[0], question_ids[1]}};
  }

  domain::interview find(const std::string& room) {
    auto iv = db_->find_interview(room);
    EXPECT_TRUE(iv) << room;
    return iv.value_or(domain::interview{});
  }

  // The events published to `t`, in order.
  std::vector<std::string> events_to(const bus::topic& t) const {
    std::vector<std::string> out;
    for (const auto& m : published)
      if (m.to == t) out.push_back(m.event);
    return out;
  }
  // The payload of the last `event` published to `t`, parsed; null when there is none.
  boost::json::value last_payload(const bus::topic& t, std::string_view event) const {
    for (auto it = published.rbegin(); it != published.rend(); ++it)
      if (it->to == t && it->event == event) return boost::json::parse(it->payload);
    return nullptr;
  }

  boost::asio::io_context io{1};
  fake_clock clock;
  online_users presence;
  services::metrics counters;
  services::timers deadlines{io.get_executor(), clock};
  services::db_executor executor{1};
  std::vector<bus::message> published;
  std::vector<std::string> question_ids;

private:
  static std::unique_ptr<store::store> open_store(const std::string& id) {
    const auto b = detail::sqlite_backend();
    b.drop(id);
    return b.open(id);
  }
  static void drop_store(const std::string& id) { detail::sqlite_backend().drop(id); }

  void drive(const bool& done) {
    io.restart();
    while (!done) io.run_one();
    io.poll(); // deliveries the call posted
  }

  std::string id_;
  std::unique_ptr<bus::bus> events_ = bus::create_local_bus(io.get_executor());
  std::unique_ptr<store::store> db_;

protected:
  services::context ctx;
  services::timezone_db zones{"/usr/share/zoneinfo"};
  services::room_service rooms{ctx};
  services::invitation_service invitations{ctx, zones};

  store::store& db() { return *db_; }
};

} // namespace mm::test
