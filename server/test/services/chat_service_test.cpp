// chat_service (API.md v2, "In-room chat") on a real SQLite store with the fake clock: the
// message as stored and announced, the text rules, 30 per user in any 10 s, and the history.
#include "service_fixture.hpp"

#include "services/chat_service.hpp"

namespace mm::test {
namespace {

using bus::place_topic;

class chat_service : public service_fixture {
protected:
  services::chat_service chat{ctx};
  domain::user ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");

  std::string started() {
    auto sent = run(invitations.send(ada.id, invitation_to(bob)));
    EXPECT_TRUE(sent);
    const auto room = sent->iv.room_id;
    EXPECT_TRUE(run(invitations.answer(bob.id, room, true)));
    EXPECT_TRUE(run(rooms.join(ada.id, room)));
    EXPECT_TRUE(run(rooms.join(bob.id, room)));
    published.clear();
    return room;
  }
};

TEST_F(chat_service, a_message_is_stored_trimmed_and_sent_to_the_other_participants_place) {
  const auto room = started();
  auto sent = run(chat.send(ada.id, room, "  hi bob  "));
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(sent->text, "hi bob");
  EXPECT_EQ(sent->from.name, "ada");
  EXPECT_EQ(sent->sent_at, clock.now());
  EXPECT_EQ(sent->id.rfind("m_", 0), 0u);
  EXPECT_EQ(events_to(place_topic{room, bob.id}), std::vector<std::string>{"chat-message"});
  EXPECT_TRUE(events_to(place_topic{room, ada.id}).empty());
  const auto payload = last_payload(place_topic{room, bob.id}, "chat-message");
  EXPECT_EQ(payload.at("message").at("id").as_string(), sent->id);
  EXPECT_EQ(payload.at("message").at("text").as_string(), "hi bob");
  EXPECT_EQ(payload.at("message").at("from").at("name").as_string(), "ada");
  EXPECT_EQ(payload.at("message").at("roomId").as_string(), room);
}

TEST_F(chat_service, bad_text_is_validation_failed_and_announces_nothing) {
  const auto room = started();
  auto empty = run(chat.send(ada.id, room, " \n "));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, errc::validation_failed);
  EXPECT_FALSE(run(chat.send(ada.id, room, std::string(2001, 'x'))));
  EXPECT_TRUE(published.empty());
}

TEST_F(chat_service, thirty_messages_per_user_in_any_ten_seconds) {
  const auto room = started();
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(run(chat.send(ada.id, room, "m" + std::to_string(i)))) << i;
    clock.advance(100ms);
  }
  // 3 s after the first: the 31st waits until the first is 10 s old.
  auto refused = run(chat.send(ada.id, room, "one too many"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(refused.error().retry_after_seconds, 7.0);
  EXPECT_TRUE(run(chat.send(bob.id, room, "I may still talk")));
  clock.advance(7s);
  EXPECT_TRUE(run(chat.send(ada.id, room, "and now again")));
}

TEST_F(chat_service, history_pages_oldest_first_for_participants_only) {
  const auto room = started();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(run(chat.send(i % 2 ? bob.id : ada.id, room, "m" + std::to_string(i))));
  auto first = run(chat.history(bob.id, room, std::nullopt, 2));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->messages.size(), 2u);
  EXPECT_EQ(first->messages[0].text, "m0");
  ASSERT_TRUE(first->next_cursor);
  auto rest = run(chat.history(ada.id, room, first->next_cursor, 3));
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->messages.size(), 3u);
  EXPECT_EQ(rest->messages[2].text, "m4");
  EXPECT_FALSE(rest->next_cursor);
  EXPECT_EQ(run(chat.history(eve.id, room, std::nullopt, 10)).error().code, errc::not_found);
  EXPECT_EQ(run(chat.history(ada.id, room, std::string("bm90IG91cnM"), 10)).error().code, errc::validation_failed);
  EXPECT_EQ(run(chat.history(ada.id, room, std::nullopt, 101)).error().code, errc::validation_failed);
}

TEST_F(chat_service, history_stays_after_the_end_and_sending_does_not) {
  const auto room = started();
  ASSERT_TRUE(run(chat.send(ada.id, room, "bye")));
  ASSERT_TRUE(run(rooms.complete(bob.id, room)));
  EXPECT_EQ(run(chat.send(ada.id, room, "too late")).error().code, errc::conflict);
  auto page = run(chat.history(bob.id, room, std::nullopt, 50));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->messages.size(), 1u);
}

} // namespace
} // namespace mm::test
