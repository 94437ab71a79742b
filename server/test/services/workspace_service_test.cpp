// workspace_service (API.md, "Shared code editor") on a real SQLite store with the fake clock:
// open, push, pull, language and cursor, what each tells the other participant's place in the
// room, what a refused call leaves, and the documents GET /api/interviews/:roomId shows.
#include "service_fixture.hpp"

#include "services/workspace_service.hpp"
#include "services/workspace_views.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace mm::test {
namespace {

namespace json = boost::json;
using bus::place_topic;

class workspace_service : public service_fixture {
protected:
  domain::user ada = add_user("ada"), bob = add_user("bob");
  services::workspace_service workspaces{ctx};

  // An interview both have joined.
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

  static services::workspace_push_request push_of(const std::string& room, std::int64_t version, const std::string& updates,
                                                  std::optional<std::int64_t> round = std::nullopt) {
    json::object payload{{"roomId", room}, {"version", version}, {"updates", json::parse(updates)}};
    if (round) payload["round"] = *round;
    auto r = services::parse_workspace_push(payload);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? std::move(*r) : services::workspace_push_request{};
  }

  domain::outcome<std::int64_t> push(const domain::user& who, const std::string& room, std::int64_t version,
                                     const std::string& updates) {
    return run(workspaces.push(who.id, push_of(room, version, updates)));
  }

  store::workspace_doc open(const domain::user& who, const std::string& room) {
    auto ws = run(workspaces.open(who.id, {room, std::nullopt}));
    EXPECT_TRUE(ws) << (ws ? "" : ws.error().message);
    return ws ? *ws : store::workspace_doc{};
  }
};

TEST_F(workspace_service, opening_answers_the_empty_python_document_of_round_one) {
  const auto room = started();
  const auto ws = open(ada, room);
  EXPECT_EQ(json::serialize(services::workspace_json(ws)),
            json::serialize(json::object{{"roomId", room}, {"round", 1}, {"language", "python"}, {"doc", ""}, {"version", 0},
                                         {"updatedAt", nullptr}}));
  EXPECT_TRUE(published.empty());
}

TEST_F(workspace_service, a_push_is_stored_then_sent_to_the_other_participants_place_only) {
  const auto room = started();
  const std::string updates = R"([{"clientID":"ada-1","changes":[[0,"x = 1","y"]]},{"clientID":"ada-1","changes":[7,[0,"!"]]}])";
  auto v = push(ada, room, 0, updates);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(*v, 2);

  const auto ws = open(bob, room);
  EXPECT_EQ(ws.doc, "x = 1\ny!");
  EXPECT_EQ(ws.version, 2);
  ASSERT_TRUE(ws.updated_at);
  EXPECT_EQ(*ws.updated_at, clock.now());

  EXPECT_EQ(events_to(place_topic{room, bob.id}), std::vector<std::string>{"workspace-updates"});
  EXPECT_TRUE(events_to(place_topic{room, ada.id}).empty()) << "never back to the sender";
  EXPECT_TRUE(events_to(bus::user_topic{ada.id}).empty());
  EXPECT_TRUE(events_to(bus::user_topic{bob.id}).empty());
  const auto sent = last_payload(place_topic{room, bob.id}, "workspace-updates");
  EXPECT_EQ(json::serialize(sent), json::serialize(json::object{
                                       {"roomId", room}, {"round", 1}, {"version", 2}, {"updates", json::parse(updates)}}));
}

TEST_F(workspace_service, a_pull_answers_the_updates_after_a_version_as_they_were_pushed) {
  const auto room = started();
  ASSERT_TRUE(push(ada, room, 0, R"([{"clientID":"a","changes":[[0,"ab"]]}])"));
  ASSERT_TRUE(push(bob, room, 1, R"([{"clientID":"b","changes":[1,[1],[0,"\u00e9\ud83d\ude00"]]}])"));
  auto pulled = run(workspaces.pull(ada.id, {{room, std::nullopt}, 1}));
  ASSERT_TRUE(pulled) << pulled.error().message;
  EXPECT_EQ(pulled->version, 2);
  EXPECT_EQ(json::serialize(pulled->updates),
            json::serialize(json::parse(R"([{"clientID":"b","changes":[1,[1],[0,"\u00e9\ud83d\ude00"]]}])")));
  EXPECT_EQ(open(ada, room).doc, "a\xC3\xA9\xF0\x9F\x98\x80");

  auto all = run(workspaces.pull(bob.id, {{room, 1}, 0}));
  ASSERT_TRUE(all);
  EXPECT_EQ(all->version, 2);
  EXPECT_EQ(all->updates.size(), 2u);
}

TEST_F(workspace_service, a_refused_push_changes_nothing_and_tells_nobody) {
  const auto room = started();
  ASSERT_TRUE(push(ada, room, 0, R"([{"clientID":"a","changes":[[0,"abc"]]}])"));
  published.clear();
  clock.advance(5s);
  const auto before = open(ada, room);

  auto stale = push(bob, room, 0, R"([{"clientID":"b","changes":[[0,"z"]]}])");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, errc::conflict);
  auto wrong_length = push(bob, room, 1, R"([{"clientID":"b","changes":[3,[0,"d"]]},{"clientID":"b","changes":[2,[0,"e"]]}])");
  ASSERT_FALSE(wrong_length);
  EXPECT_EQ(wrong_length.error().code, errc::validation_failed);

  const auto after = open(ada, room);
  EXPECT_EQ(after.doc, "abc");
  EXPECT_EQ(after.version, 1);
  EXPECT_EQ(after.updated_at, before.updated_at);
  EXPECT_TRUE(published.empty());
}

TEST_F(workspace_service, the_language_is_kept_and_sent_to_the_other_participant) {
  const auto room = started();
  clock.advance(2s);
  auto ws = run(workspaces.set_language(bob.id, {{room, std::nullopt}, domain::code_language::cpp}));
  ASSERT_TRUE(ws) << ws.error().message;
  EXPECT_EQ(ws->language, domain::code_language::cpp);
  EXPECT_EQ(ws->version, 0);
  EXPECT_EQ(*ws->updated_at, clock.now());
  EXPECT_EQ(open(ada, room).language, domain::code_language::cpp);
  EXPECT_EQ(events_to(place_topic{room, ada.id}), std::vector<std::string>{"workspace-language"});
  EXPECT_TRUE(events_to(place_topic{room, bob.id}).empty());
  EXPECT_EQ(json::serialize(last_payload(place_topic{room, ada.id}, "workspace-language")),
            json::serialize(json::object{{"roomId", room}, {"round", 1}, {"language", "cpp"}}));
}

TEST_F(workspace_service, a_cursor_goes_to_the_other_participant_with_its_sender_and_is_never_stored) {
  const auto room = started();
  auto sent = run(workspaces.cursor(ada.id, {{room, 2}, 3, 7}));
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(json::serialize(last_payload(place_topic{room, bob.id}, "workspace-cursor")),
            json::serialize(json::object{{"roomId", room}, {"round", 2}, {"from", ada.id}, {"anchor", 3}, {"head", 7}}));
  EXPECT_TRUE(events_to(place_topic{room, ada.id}).empty());
  EXPECT_TRUE(db().list_workspaces(room).empty());
}

TEST_F(workspace_service, strangers_get_not_found_and_an_ended_interview_conflict_everywhere) {
  const auto room = started();
  const auto eve = add_user("eve");
  EXPECT_EQ(run(workspaces.open(eve.id, {room, std::nullopt})).error().code, errc::not_found);
  EXPECT_EQ(push(eve, room, 0, R"([{"clientID":"e","changes":[[0,"x"]]}])").error().code, errc::not_found);
  EXPECT_EQ(run(workspaces.cursor(eve.id, {{room, std::nullopt}, 0, 0})).error().code, errc::not_found);
  EXPECT_EQ(run(workspaces.open(ada.id, {"r_nosuch", std::nullopt})).error().code, errc::not_found);

  ASSERT_TRUE(push(ada, room, 0, R"([{"clientID":"a","changes":[[0,"final"]]}])"));
  ASSERT_TRUE(run(rooms.complete(bob.id, room)));
  published.clear();
  EXPECT_EQ(run(workspaces.open(ada.id, {room, std::nullopt})).error().code, errc::conflict);
  EXPECT_EQ(push(ada, room, 1, R"([{"clientID":"a","changes":[5,[0,"!"]]}])").error().code, errc::conflict);
  EXPECT_EQ(run(workspaces.pull(ada.id, {{room, std::nullopt}, 0})).error().code, errc::conflict);
  EXPECT_EQ(run(workspaces.set_language(ada.id, {{room, std::nullopt}, domain::code_language::cpp})).error().code,
            errc::conflict);
  EXPECT_EQ(run(workspaces.cursor(ada.id, {{room, std::nullopt}, 0, 0})).error().code, errc::conflict);
  EXPECT_TRUE(published.empty());

  auto d = run(invitations.detail(bob.id, room));
  ASSERT_TRUE(d);
  ASSERT_EQ(d->workspaces.size(), 1u);
  EXPECT_EQ(d->workspaces[0].doc, "final");
  EXPECT_EQ(d->workspaces[0].version, 1);
}

TEST_F(workspace_service, the_interview_shows_round_one_once_accepted_and_every_stored_round) {
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_TRUE(sent);
  const auto room = sent->iv.room_id;
  auto pending = run(invitations.detail(ada.id, room));
  ASSERT_TRUE(pending);
  EXPECT_TRUE(pending->workspaces.empty()) << "no round before the interview is accepted";

  ASSERT_TRUE(run(invitations.answer(bob.id, room, true)));
  auto accepted = run(invitations.detail(ada.id, room));
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->workspaces.size(), 1u);
  EXPECT_EQ(accepted->workspaces[0].round, 1);
  EXPECT_EQ(accepted->workspaces[0].version, 0);
  EXPECT_FALSE(accepted->workspaces[0].updated_at);

  ASSERT_TRUE(run(workspaces.push(bob.id, push_of(room, 0, R"([{"clientID":"b","changes":[[0,"two"]]}])", 2))));
  auto both = run(invitations.detail(bob.id, room));
  ASSERT_TRUE(both);
  ASSERT_EQ(both->workspaces.size(), 2u);
  EXPECT_EQ(both->workspaces[0].round, 1);
  EXPECT_EQ(both->workspaces[0].doc, "");
  EXPECT_EQ(both->workspaces[1].round, 2);
  EXPECT_EQ(both->workspaces[1].doc, "two");
}

TEST(workspace_requests, payloads_are_checked_field_by_field) {
  using services::parse_workspace_push;
  auto bad = [](const char* text) {
    auto r = parse_workspace_push(json::parse(text));
    return r ? std::string("ok") : std::string(domain::code_name(r.error().code)) + ": " + r.error().message;
  };
  EXPECT_EQ(bad(R"({"roomId":"r_1","version":0,"updates":[]})"), "ok");
  EXPECT_EQ(bad(R"({"roomId":"r_1","round":null,"version":3.0,"updates":[]})"), "ok");
  EXPECT_EQ(bad(R"({"version":0,"updates":[]})").rfind("validation_failed: roomId", 0), 0u);
  EXPECT_EQ(bad(R"({"roomId":"r_1","updates":[]})").rfind("validation_failed: version", 0), 0u);
  EXPECT_EQ(bad(R"({"roomId":"r_1","version":-1,"updates":[]})").rfind("validation_failed: version", 0), 0u);
  EXPECT_EQ(bad(R"({"roomId":"r_1","version":1.5,"updates":[]})").rfind("validation_failed: version", 0), 0u);
  EXPECT_EQ(bad(R"({"roomId":"r_1","round":"1","version":0,"updates":[]})").rfind("validation_failed: round", 0), 0u);
  EXPECT_EQ(bad(R"({"roomId":"r_1","version":0})").rfind("validation_failed: updates", 0), 0u);
  EXPECT_EQ(bad(R"({"roomId":"r_1","version":0,"updates":[{"clientID":"a","changes":[-1]}]})")
                .rfind("validation_failed: updates[0].changes[0]", 0),
            0u);

  auto cursor = services::parse_workspace_cursor(json::parse(R"({"roomId":"r_1","anchor":200001,"head":0})"));
  ASSERT_FALSE(cursor);
  EXPECT_EQ(cursor.error().code, errc::validation_failed);
  auto language = services::parse_workspace_language(json::parse(R"({"roomId":"r_1","language":"rust"})"));
  ASSERT_FALSE(language);
  EXPECT_EQ(language.error().message, "language must be python, javascript or cpp.");
}

} // namespace
} // namespace mm::test
