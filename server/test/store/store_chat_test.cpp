// The store's chat (store/chat_store.hpp) on every backend: who may post when, the room's order,
// paging by seq, and the per-user rate limit inside the transaction.
#include "store/store_fixture.hpp"

namespace mm::test {
namespace {

using domain::chat_message;

chat_message message(const std::string& id, const domain::user& from, const std::string& room, time_point at,
                     std::string text = "hello") {
  chat_message m;
  m.id = id;
  m.room_id = room;
  m.from.id = from.id;
  m.text = std::move(text);
  m.sent_at = at;
  return m;
}

constexpr domain::rate_window no_limit{0, milliseconds{0}};

TEST_P(store_suite, a_participant_posts_and_the_message_is_kept_in_the_room) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto posted = db().add_chat_message(message("m_1", ada, room, t0 + 1min, "Ready when you are \xF0\x9F\x98\x80"), no_limit);
  ASSERT_TRUE(posted) << posted.error().message;
  EXPECT_EQ(posted->message.seq, 1);
  EXPECT_EQ(posted->message.from.name, "ada");
  EXPECT_EQ(posted->to_user_id, bob.id);
  auto reply = db().add_chat_message(message("m_2", bob, room, t0 + 2min, "Go"), no_limit);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->message.seq, 2);
  EXPECT_EQ(reply->to_user_id, ada.id);

  const auto listed = db().list_chat(room, 0, 10);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, "m_1");
  EXPECT_EQ(listed[0].room_id, room);
  EXPECT_EQ(listed[0].from.id, ada.id);
  EXPECT_EQ(listed[0].from.name, "ada");
  EXPECT_EQ(listed[0].text, "Ready when you are \xF0\x9F\x98\x80");
  EXPECT_EQ(listed[0].sent_at, t0 + 1min);
  EXPECT_EQ(listed[1].id, "m_2");
  EXPECT_EQ(listed[1].from.name, "bob");
}

TEST_P(store_suite, chat_is_open_while_accepted_or_in_progress) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);
  EXPECT_TRUE(db().add_chat_message(message("m_1", bob, room, t0 + 1min), no_limit));
  ASSERT_TRUE(db().complete(room, ada.id, t0 + 2min));
  auto late = db().add_chat_message(message("m_2", bob, room, t0 + 3min), no_limit);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, errc::conflict);
  EXPECT_EQ(db().list_chat(room, 0, 10).size(), 1u); // the history stays after the end
}

TEST_P(store_suite, chat_is_closed_before_acceptance_and_to_strangers) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto pending = invite(ada, bob, t0);
  EXPECT_EQ(db().add_chat_message(message("m_1", ada, pending, t0 + 1s), no_limit).error().code, errc::conflict);
  ASSERT_TRUE(db().cancel(pending, ada.id, t0 + 2s));
  const auto room = accepted(ada, bob, t0 + 1min);
  EXPECT_EQ(db().add_chat_message(message("m_2", eve, room, t0 + 2min), no_limit).error().code, errc::not_found);
  EXPECT_EQ(db().add_chat_message(message("m_3", ada, "r_none", t0 + 2min), no_limit).error().code, errc::not_found);
  EXPECT_TRUE(db().list_chat(room, 0, 10).empty());
  EXPECT_TRUE(db().list_chat("r_none", 0, 10).empty());
}

TEST_P(store_suite, chat_pages_by_seq_in_order) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  for (int i = 1; i <= 5; ++i)
    ASSERT_TRUE(db().add_chat_message(message("m_" + std::to_string(i), i % 2 ? ada : bob, room, t0 + 1min), no_limit));
  const auto first = db().list_chat(room, 0, 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, "m_1");
  EXPECT_EQ(first[1].id, "m_2");
  const auto rest = db().list_chat(room, first.back().seq, 10);
  ASSERT_EQ(rest.size(), 3u);
  EXPECT_EQ(rest[0].id, "m_3");
  EXPECT_EQ(rest[2].id, "m_5");
  EXPECT_TRUE(db().list_chat(room, rest.back().seq, 10).empty());
}

TEST_P(store_suite, each_room_counts_its_own_seq) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto one = started(ada, bob, t0), two = started(cy, dee, t0);
  ASSERT_TRUE(db().add_chat_message(message("m_1", ada, one, t0 + 1min), no_limit));
  auto other = db().add_chat_message(message("m_2", cy, two, t0 + 1min), no_limit);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->message.seq, 1);
}

TEST_P(store_suite, chat_is_rate_limited_per_sender_in_a_sliding_window) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  const domain::rate_window limit{3, milliseconds{10'000}};
  const auto start = t0 + 1min;
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(db().add_chat_message(message("m_a" + std::to_string(i), ada, room, start + i * 1s), limit));
  auto refused = db().add_chat_message(message("m_a3", ada, room, start + 3s), limit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(refused.error().retry_after_seconds, 7.0);
  EXPECT_TRUE(db().add_chat_message(message("m_b0", bob, room, start + 3s), limit)); // per user
  EXPECT_TRUE(db().add_chat_message(message("m_a4", ada, room, start + 10s), limit)); // the first left the window
  EXPECT_EQ(db().list_chat(room, 0, 10).size(), 5u); // the refused one was not kept
}

} // namespace
} // namespace mm::test
