#pragma once
// The fixture of the store suite: every TEST_P(store_suite, ...) runs once per backend
// (backends.hpp) on an empty, migrated database, with helpers that build users, profiles and
// invitations at chosen times. Instantiated once, in store_suite_test.cpp.
#include "domain/enum_names.hpp"
#include "store/backends.hpp"
#include "store/store.hpp"
#include "store/test_users.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace mm::test {

using namespace std::chrono_literals;
using domain::errc;
using domain::interview_status;
using domain::end_reason;
using domain::time_point;
using domain::milliseconds;

// Invitations live 120 s and accepted rooms wait 180 s, as by default.
inline constexpr milliseconds ttl{120'000};
inline constexpr milliseconds grace{180'000};
inline const time_point t0 = domain::from_millis(1'790'000'000'000);

class store_suite : public ::testing::TestWithParam<backend> {
protected:
  void SetUp() override {
    if (!GetParam().unavailable.empty()) GTEST_SKIP() << GetParam().name << ": " << GetParam().unavailable;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    id_ = unique_test_id(info->name());
    GetParam().drop(id_);
    db_ = GetParam().open(id_);
    const auto questions = db_->list_questions({});
    ASSERT_GE(questions.size(), 5u);
    for (const auto& q : questions) question_ids_.push_back(q.id);
  }
  void TearDown() override {
    db_.reset();
    if (!id_.empty()) GetParam().drop(id_);
  }

  // Another store on the same database: another connection, as another server node has.
  std::unique_ptr<store::store> open_another() { return GetParam().open(id_); }

  store::store& db() { return *db_; }

  // A user named `name` (store/test_users.hpp); complete and available unless told.
  domain::user add_user(const std::string& name, bool complete = true, bool available = true) {
    return add_test_user(*db_, name, t0, complete, available);
  }

  store::send_request request(const domain::user& from, const domain::user& to, time_point now,
                              milliseconds lifetime = ttl) {
    store::send_request r;
    r.room_id = next_room();
    r.inviter_id = from.id;
    r.invitee_id = to.id;
    r.question_ids = {question_ids_[2], question_ids_[0]};
    r.now = now;
    r.expires_at = now + lifetime;
    r.grace_deadline = now + grace;
    return r;
  }

  domain::outcome<store::send_result> send(const domain::user& from, const domain::user& to, time_point now,
                                           milliseconds lifetime = ttl) {
    return db_->send_invitation(request(from, to, now, lifetime));
  }

  // A pending invitation that must be created; its room id.
  std::string invite(const domain::user& from, const domain::user& to, time_point now, milliseconds lifetime = ttl) {
    auto r = send(from, to, now, lifetime);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    if (!r) return "";
    EXPECT_FALSE(r->met);
    return r->iv.room_id;
  }

  // An accepted interview between `from` and `to`, accepted 1 s after `now`.
  std::string accepted(const domain::user& from, const domain::user& to, time_point now) {
    const auto room = invite(from, to, now);
    auto a = db_->accept(room, to.id, now + 1s, now + 1s + grace);
    EXPECT_TRUE(a);
    return room;
  }

  // An in-progress interview: both joined 2 s after `now`.
  std::string started(const domain::user& from, const domain::user& to, time_point now) {
    const auto room = accepted(from, to, now);
    EXPECT_TRUE(db_->join(room, from.id, now + 2s));
    auto j = db_->join(room, to.id, now + 2s);
    EXPECT_TRUE(j && j->started);
    return room;
  }

  domain::interview find(const std::string& room) {
    auto iv = db_->find_interview(room);
    EXPECT_TRUE(iv) << room;
    return iv.value_or(domain::interview{});
  }

  static std::vector<std::string> rooms_of(const std::vector<domain::interview>& list) {
    std::vector<std::string> out;
    for (const auto& iv : list) out.push_back(iv.room_id);
    return out;
  }

  std::string next_room() {
    char buf[16];
    std::snprintf(buf, sizeof buf, "r_%04d", ++rooms_);
    return buf;
  }

  std::vector<std::string> question_ids_;

private:
  std::string id_;
  std::unique_ptr<store::store> db_;
  int rooms_ = 0;
};

inline std::string backend_name(const ::testing::TestParamInfo<backend>& info) { return info.param.name; }

} // namespace mm::test
