// The store's contract for Web Push subscriptions and notices (store/push_store.hpp), on every
// backend.
#include "store/store_fixture.hpp"

namespace mm::test {
namespace {

using store::push_subscription_record;

constexpr int limit = 10;

class push_subscriptions : public store_suite {
protected:
  // A session `hash` of `u`, ending 30 days after t0.
  void session(const domain::user& u, const std::string& hash, time_point ends = t0 + 24h * 30) {
    db().create_session(hash, {u.id, t0, t0, ends});
  }

  push_subscription_record record(const domain::user& u, const std::string& hash, const std::string& endpoint,
                                  std::string id = "", time_point at = t0) {
    if (id.empty()) id = "ps_" + std::to_string(++ids_);
    return {id, u.id, hash, endpoint, "p256dh-of-" + endpoint, "auth-of-" + endpoint, std::nullopt, at};
  }

  store::saved_push_subscription save(const push_subscription_record& r) {
    auto saved = db().save_push_subscription(r, limit);
    EXPECT_TRUE(saved) << (saved ? "" : saved.error().message);
    return saved ? *saved : store::saved_push_subscription{};
  }

  static std::vector<std::string> ids_of(const std::vector<push_subscription_record>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
  }

private:
  int ids_ = 0;
};

INSTANTIATE_TEST_SUITE_P(backends, push_subscriptions, ::testing::ValuesIn(test_backends()), backend_name);

TEST_P(push_subscriptions, are_saved_listed_oldest_first_and_keep_every_field) {
  const auto ada = add_user("ada");
  session(ada, "s1");
  auto first = record(ada, "s1", "https://push.example/a", "ps_a", t0 + 2s);
  first.expiration_time = domain::to_millis(t0 + 24h);
  const auto saved = save(first);
  EXPECT_FALSE(saved.replaced);
  EXPECT_EQ(saved.subscription.id, "ps_a");
  save(record(ada, "s1", "https://push.example/b", "ps_b", t0 + 1s));

  const auto list = db().push_subscriptions(ada.id);
  ASSERT_EQ(ids_of(list), (std::vector<std::string>{"ps_b", "ps_a"}));
  const auto& a = list[1];
  EXPECT_EQ(a.user_id, ada.id);
  EXPECT_EQ(a.session_hash, "s1");
  EXPECT_EQ(a.endpoint, "https://push.example/a");
  EXPECT_EQ(a.p256dh, "p256dh-of-https://push.example/a");
  EXPECT_EQ(a.auth, "auth-of-https://push.example/a");
  EXPECT_EQ(a.expiration_time, domain::to_millis(t0 + 24h));
  EXPECT_EQ(a.created_at, t0 + 2s);
  EXPECT_FALSE(list[0].expiration_time);
  EXPECT_TRUE(db().push_subscriptions("u_nobody").empty());
}

TEST_P(push_subscriptions, the_same_endpoint_again_replaces_it_and_keeps_its_id) {
  const auto ada = add_user("ada");
  session(ada, "s1");
  session(ada, "s2");
  save(record(ada, "s1", "https://push.example/a", "ps_a"));
  auto again = record(ada, "s2", "https://push.example/a", "ps_new", t0 + 5s);
  again.p256dh = "new-p256dh";
  again.auth = "new-auth";
  const auto saved = save(again);
  EXPECT_TRUE(saved.replaced);
  EXPECT_EQ(saved.subscription.id, "ps_a");
  const auto list = db().push_subscriptions(ada.id);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, "ps_a");
  EXPECT_EQ(list[0].session_hash, "s2");
  EXPECT_EQ(list[0].p256dh, "new-p256dh");
  EXPECT_EQ(list[0].auth, "new-auth");
  EXPECT_EQ(list[0].created_at, t0 + 5s);
}

TEST_P(push_subscriptions, an_endpoint_another_user_subscribes_moves_to_them) {
  const auto ada = add_user("ada");
  const auto bob = add_user("bob");
  session(ada, "sa");
  session(bob, "sb");
  save(record(ada, "sa", "https://push.example/shared", "ps_ada"));
  const auto saved = save(record(bob, "sb", "https://push.example/shared", "ps_bob"));
  EXPECT_FALSE(saved.replaced);
  EXPECT_TRUE(db().push_subscriptions(ada.id).empty());
  EXPECT_EQ(ids_of(db().push_subscriptions(bob.id)), (std::vector<std::string>{"ps_bob"}));
}

TEST_P(push_subscriptions, at_most_ten_per_user_and_the_eleventh_changes_nothing) {
  const auto ada = add_user("ada");
  const auto bob = add_user("bob");
  session(ada, "sa");
  session(bob, "sb");
  for (int i = 0; i < limit; ++i) save(record(ada, "sa", "https://push.example/" + std::to_string(i), "", t0 + milliseconds{i}));
  save(record(bob, "sb", "https://push.example/bob", "ps_bob"));

  // The eleventh, which would also have taken bob's endpoint: refused, bob keeps it.
  auto over = db().save_push_subscription(record(ada, "sa", "https://push.example/bob", "ps_over"), limit);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, errc::conflict);
  EXPECT_EQ(db().push_subscriptions(ada.id).size(), 10u);
  EXPECT_EQ(ids_of(db().push_subscriptions(bob.id)), (std::vector<std::string>{"ps_bob"}));

  // Replacing one of the ten is no eleventh; after a delete there is room again.
  auto replaced = db().save_push_subscription(record(ada, "sa", "https://push.example/3"), limit);
  ASSERT_TRUE(replaced);
  EXPECT_TRUE(replaced->replaced);
  ASSERT_TRUE(db().delete_push_subscription(ada.id, db().push_subscriptions(ada.id)[0].id));
  EXPECT_TRUE(db().save_push_subscription(record(ada, "sa", "https://push.example/new"), limit));
  EXPECT_EQ(db().push_subscriptions(ada.id).size(), 10u);
}

TEST_P(push_subscriptions, only_the_owner_deletes_and_a_dead_one_is_dropped_once) {
  const auto ada = add_user("ada");
  const auto bob = add_user("bob");
  session(ada, "sa");
  save(record(ada, "sa", "https://push.example/a", "ps_a"));
  save(record(ada, "sa", "https://push.example/b", "ps_b"));
  EXPECT_FALSE(db().delete_push_subscription(bob.id, "ps_a"));
  EXPECT_FALSE(db().delete_push_subscription(ada.id, "ps_nope"));
  EXPECT_TRUE(db().delete_push_subscription(ada.id, "ps_a"));
  EXPECT_FALSE(db().delete_push_subscription(ada.id, "ps_a"));
  EXPECT_TRUE(db().drop_push_subscription("ps_b"));
  EXPECT_FALSE(db().drop_push_subscription("ps_b"));
  EXPECT_TRUE(db().push_subscriptions(ada.id).empty());
}

TEST_P(push_subscriptions, go_with_the_session_that_created_them) {
  const auto ada = add_user("ada");
  session(ada, "s1");
  session(ada, "s2");
  save(record(ada, "s1", "https://push.example/1", "ps_1"));
  save(record(ada, "s2", "https://push.example/2", "ps_2"));
  db().delete_session("s1");
  EXPECT_EQ(ids_of(db().push_subscriptions(ada.id)), (std::vector<std::string>{"ps_2"}));
}

TEST_P(push_subscriptions, an_invitation_notifies_the_live_ones_and_its_closing_takes_them_once) {
  const auto ada = add_user("ada");
  const auto bob = add_user("bob");
  session(bob, "live");
  session(bob, "ended", t0 + 1s);
  save(record(bob, "live", "https://push.example/1", "ps_1"));
  auto lapsed = record(bob, "live", "https://push.example/2", "ps_2");
  lapsed.expiration_time = domain::to_millis(t0 + 5s);
  save(lapsed);
  save(record(bob, "ended", "https://push.example/3", "ps_3"));
  save(record(bob, "live", "https://push.example/4", "ps_4"));

  const auto room = invite(ada, bob, t0 + 10s);
  // Past the session's end and the browser's expirationTime: not pushed.
  const auto notified = db().notify_push_subscriptions(bob.id, room, t0 + 10s);
  EXPECT_EQ(ids_of(notified), (std::vector<std::string>{"ps_1", "ps_4"}));
  EXPECT_EQ(notified[0].endpoint, "https://push.example/1");
  EXPECT_EQ(notified[0].p256dh, "p256dh-of-https://push.example/1");
  EXPECT_TRUE(db().notify_push_subscriptions(ada.id, room, t0 + 10s).empty()) << "ada has none";

  db().forget_push_notice(room, "ps_4"); // its push was not delivered
  ASSERT_TRUE(db().cancel(room, ada.id, t0 + 20s));
  EXPECT_EQ(ids_of(db().take_push_notices(room)), (std::vector<std::string>{"ps_1"}));
  EXPECT_TRUE(db().take_push_notices(room).empty()) << "taken once";
}

TEST_P(push_subscriptions, nothing_is_noted_for_an_invitation_no_longer_pending) {
  const auto ada = add_user("ada");
  const auto bob = add_user("bob");
  session(bob, "s");
  save(record(bob, "s", "https://push.example/1", "ps_1"));
  const auto room = invite(ada, bob, t0);
  ASSERT_TRUE(db().reject(room, bob.id, t0 + 1s));
  EXPECT_TRUE(db().notify_push_subscriptions(bob.id, room, t0 + 2s).empty());
  EXPECT_TRUE(db().take_push_notices(room).empty());
  EXPECT_TRUE(db().notify_push_subscriptions(bob.id, "r_unknown", t0 + 2s).empty());
}

TEST_P(push_subscriptions, a_dropped_subscription_gets_no_closing_push) {
  const auto ada = add_user("ada");
  const auto bob = add_user("bob");
  session(bob, "s");
  save(record(bob, "s", "https://push.example/1", "ps_1"));
  save(record(bob, "s", "https://push.example/2", "ps_2"));
  const auto room = invite(ada, bob, t0);
  ASSERT_EQ(db().notify_push_subscriptions(bob.id, room, t0).size(), 2u);
  ASSERT_TRUE(db().drop_push_subscription("ps_1")); // 410 from the push service
  ASSERT_TRUE(db().expire(room, t0 + ttl));
  EXPECT_EQ(ids_of(db().take_push_notices(room)), (std::vector<std::string>{"ps_2"}));
}

} // namespace
} // namespace mm::test
