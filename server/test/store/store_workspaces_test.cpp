// The store's workspace contract (store/workspace_store.hpp, API.md "Shared code editor") on every
// backend: the empty document, pushes that apply, append and advance the version or change
// nothing, pulls from the log, the language, the access rule and the round, restarts, and racing
// pushes from separate connections (as from several nodes): exactly one wins each version.
#include "domain/utf16.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"

#include <atomic>
#include <barrier>
#include <mutex>
#include <thread>

namespace mm::test {
namespace {

using domain::change_section;
using domain::change_set;
using domain::code_language;
using kind = change_section::kind;

// Inserts `text` (one line) at `pos` of a document of `length` UTF-16 units.
change_set insert_at(std::size_t length, std::size_t pos, const std::u16string& text) {
  change_set cs;
  if (pos > 0) cs.sections.push_back({kind::keep, pos, {}});
  cs.sections.push_back({kind::replace, 0, {text}});
  if (length > pos) cs.sections.push_back({kind::keep, length - pos, {}});
  return cs;
}

// A JSON text for `cs` good enough for the log (the store keeps it as given).
std::string json_of(const change_set& cs) {
  std::string out = "[";
  for (const auto& s : cs.sections) {
    if (out.size() > 1) out += ",";
    if (s.op == kind::keep) {
      out += std::to_string(s.length);
      continue;
    }
    out += "[" + std::to_string(s.length);
    for (const auto& line : s.lines) out += ",\"" + domain::utf16_to_utf8(line).value() + "\""; // no quotes in these tests
    out += "]";
  }
  return out + "]";
}

class workspace_suite : public store_suite {
protected:
  void SetUp() override {
    store_suite::SetUp();
    if (IsSkipped()) return;
    ada = add_user("ada");
    bob = add_user("bob");
    room = started(ada, bob, t0);
  }

  store::workspace_target at(const domain::user& who, std::optional<std::int64_t> round = std::nullopt,
                             std::string in_room = "") {
    return {in_room.empty() ? room : in_room, who.id, round, now};
  }

  store::workspace_push push_of(const domain::user& who, std::int64_t version, std::vector<change_set> changes,
                                std::optional<std::int64_t> round = std::nullopt, const std::string& client = "client-a") {
    store::workspace_push p{at(who, round), version, {}, {}};
    for (auto& cs : changes) {
      p.changes_json.push_back(json_of(cs));
      p.updates.push_back({client, std::move(cs)});
    }
    return p;
  }

  domain::outcome<store::push_result> push(const domain::user& who, std::int64_t version, std::vector<change_set> changes,
                                           std::optional<std::int64_t> round = std::nullopt) {
    return db().push_workspace(push_of(who, version, std::move(changes), round));
  }

  store::workspace_doc opened(const domain::user& who, std::optional<std::int64_t> round = std::nullopt) {
    auto r = db().open_workspace(at(who, round));
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? r->ws : store::workspace_doc{};
  }

  domain::user ada, bob;
  std::string room;
  time_point now = t0 + 10s;
};

INSTANTIATE_TEST_SUITE_P(backends, workspace_suite, ::testing::ValuesIn(test_backends()), backend_name);

TEST_P(workspace_suite, a_round_nobody_wrote_in_is_the_empty_python_document_and_opening_writes_nothing) {
  auto r = db().open_workspace(at(ada));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->iv.room_id, room);
  EXPECT_EQ(r->ws.room_id, room);
  EXPECT_EQ(r->ws.round, 1);
  EXPECT_EQ(r->ws.language, code_language::python);
  EXPECT_EQ(r->ws.doc, "");
  EXPECT_EQ(r->ws.version, 0);
  EXPECT_FALSE(r->ws.updated_at);
  EXPECT_TRUE(db().list_workspaces(room).empty());
}

TEST_P(workspace_suite, a_push_applies_its_updates_in_order_appends_them_and_advances_the_version) {
  auto pushed = push(ada, 0, {insert_at(0, 0, u"def f():"), insert_at(8, 8, u" pass")});
  ASSERT_TRUE(pushed) << pushed.error().message;
  EXPECT_EQ(pushed->version, 2);
  EXPECT_EQ(pushed->round, 1);
  EXPECT_EQ(pushed->iv.inviter.id, ada.id);

  const auto ws = opened(bob);
  EXPECT_EQ(ws.doc, "def f(): pass");
  EXPECT_EQ(ws.version, 2);
  ASSERT_TRUE(ws.updated_at);
  EXPECT_EQ(*ws.updated_at, now);

  auto all = db().pull_workspace(at(bob), 0);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->version, 2);
  ASSERT_EQ(all->updates.size(), 2u);
  EXPECT_EQ(all->updates[0].client_id, "client-a");
  EXPECT_EQ(all->updates[0].changes, R"([[0,"def f():"]])");
  EXPECT_EQ(all->updates[1].changes, R"([8,[0," pass"]])");

  auto rest = db().pull_workspace(at(ada), 1);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->version, 2);
  ASSERT_EQ(rest->updates.size(), 1u);
  EXPECT_EQ(rest->updates[0].changes, R"([8,[0," pass"]])");

  auto none = db().pull_workspace(at(ada), 2);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->version, 2);
  EXPECT_TRUE(none->updates.empty());

  now += 5s;
  auto more = push(bob, 2, {insert_at(13, 0, u"# bob")});
  ASSERT_TRUE(more) << more.error().message;
  EXPECT_EQ(more->version, 3);
  EXPECT_EQ(opened(ada).doc, "# bobdef f(): pass");
  EXPECT_EQ(*opened(ada).updated_at, now);
}

TEST_P(workspace_suite, a_push_based_on_another_version_is_conflict_and_changes_nothing) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"x")}));
  for (std::int64_t stale : {0, 2, 7}) {
    auto r = push(bob, stale, {insert_at(1, 0, u"y")});
    ASSERT_FALSE(r) << stale;
    EXPECT_EQ(r.error().code, errc::conflict) << stale;
  }
  const auto ws = opened(ada);
  EXPECT_EQ(ws.doc, "x");
  EXPECT_EQ(ws.version, 1);
  EXPECT_EQ(db().pull_workspace(at(ada), 0)->updates.size(), 1u);
}

TEST_P(workspace_suite, lengths_that_do_not_add_up_to_the_document_are_validation_failed_and_nothing_is_applied) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"abc")}));
  // The first update is fine, the second is based on a document of 5 units instead of 4.
  auto r = push(ada, 1, {insert_at(3, 3, u"d"), insert_at(5, 0, u"e")});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::validation_failed);
  EXPECT_NE(r.error().message.find("updates[1]"), std::string::npos) << r.error().message;
  const auto ws = opened(ada);
  EXPECT_EQ(ws.doc, "abc");
  EXPECT_EQ(ws.version, 1);
  EXPECT_EQ(db().pull_workspace(at(ada), 0)->updates.size(), 1u);

  change_set too_short{{{kind::keep, 2, {}}}};
  auto short_one = push(ada, 1, {too_short});
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().code, errc::validation_failed);
}

TEST_P(workspace_suite, a_document_over_200000_units_is_payload_too_large_and_nothing_is_applied) {
  const std::u16string half(100'000, u'a');
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, half), insert_at(100'000, 0, half)}));
  EXPECT_EQ(opened(ada).version, 2);
  auto r = push(ada, 2, {insert_at(200'000, 0, u"b")});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::payload_too_large);
  const auto ws = opened(ada);
  EXPECT_EQ(ws.version, 2);
  EXPECT_EQ(ws.doc.size(), 200'000u);
}

TEST_P(workspace_suite, documents_count_utf16_units_and_store_utf8) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"\U0001F600!")}));               // an emoji is two units
  ASSERT_TRUE(push(ada, 1, {insert_at(3, 2, u"\u00e9")}));                      // after the emoji
  auto bad = push(ada, 2, {insert_at(4, 1, u"x")});                              // inside the emoji
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::validation_failed);
  EXPECT_EQ(opened(bob).doc, "\xF0\x9F\x98\x80\xC3\xA9!");
}

TEST_P(workspace_suite, a_pull_from_beyond_the_document_is_validation_failed) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"x")}));
  for (std::int64_t v : {2, -1}) {
    auto r = db().pull_workspace(at(bob), v);
    ASSERT_FALSE(r) << v;
    EXPECT_EQ(r.error().code, errc::validation_failed) << v;
  }
}

TEST_P(workspace_suite, the_language_changes_without_a_version_and_is_kept) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"int main() {}")}));
  now += 3s;
  auto r = db().set_workspace_language(at(bob), code_language::cpp);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->ws.language, code_language::cpp);
  EXPECT_EQ(r->ws.version, 1);
  EXPECT_EQ(r->ws.doc, "int main() {}");
  EXPECT_EQ(*r->ws.updated_at, now);
  EXPECT_EQ(opened(ada).language, code_language::cpp);

  // On a round nobody wrote in yet, too.
  auto fresh = db().set_workspace_language(at(ada, 2), code_language::javascript);
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_EQ(fresh->ws.version, 0);
  EXPECT_EQ(fresh->ws.doc, "");
  EXPECT_EQ(opened(bob, 2).language, code_language::javascript);
}

TEST_P(workspace_suite, each_round_has_its_own_document_and_rounds_outside_one_and_two_are_refused) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"one")}));
  ASSERT_TRUE(push(bob, 0, {insert_at(0, 0, u"two")}, 2));
  EXPECT_EQ(opened(ada).doc, "one");
  EXPECT_EQ(opened(ada, 1).doc, "one");
  EXPECT_EQ(opened(ada, 2).doc, "two");
  const auto list = db().list_workspaces(room);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].round, 1);
  EXPECT_EQ(list[0].doc, "one");
  EXPECT_EQ(list[1].round, 2);
  EXPECT_EQ(list[1].doc, "two");

  for (std::int64_t bad : {0, 3}) {
    EXPECT_EQ(db().open_workspace(at(ada, bad)).error().code, errc::validation_failed) << bad;
    EXPECT_EQ(push(ada, 1, {insert_at(3, 0, u"z")}, bad).error().code, errc::validation_failed) << bad;
    EXPECT_EQ(db().pull_workspace(at(ada, bad), 0).error().code, errc::validation_failed) << bad;
    EXPECT_EQ(db().set_workspace_language(at(ada, bad), code_language::cpp).error().code, errc::validation_failed) << bad;
  }
}

TEST_P(workspace_suite, strangers_and_unknown_rooms_are_not_found) {
  const auto eve = add_user("eve");
  for (const auto& t : {at(eve), at(ada, std::nullopt, "r_nosuch")}) {
    EXPECT_EQ(db().open_workspace(t).error().code, errc::not_found);
    EXPECT_EQ(db().pull_workspace(t, 0).error().code, errc::not_found);
    EXPECT_EQ(db().set_workspace_language(t, code_language::cpp).error().code, errc::not_found);
    store::workspace_push p{t, 0, {{"c", insert_at(0, 0, u"x")}}, {"[[0,\"x\"]]"}};
    EXPECT_EQ(db().push_workspace(p).error().code, errc::not_found);
  }
  EXPECT_TRUE(db().list_workspaces(room).empty());
}

TEST_P(workspace_suite, a_workspace_is_open_while_accepted_or_in_progress_and_conflict_otherwise) {
  const auto cy = add_user("cy"), di = add_user("di");
  const auto accepted_room = accepted(cy, di, t0);
  store::workspace_target t{accepted_room, cy.id, std::nullopt, now};
  store::workspace_push p{t, 0, {{"c", insert_at(0, 0, u"x")}}, {"[[0,\"x\"]]"}};
  ASSERT_TRUE(db().push_workspace(p)) << "accepted";

  const auto pending_room = invite(add_user("ed"), add_user("flo"), t0);
  const auto pending = find(pending_room);
  store::workspace_target tp{pending_room, pending.inviter.id, std::nullopt, now};
  EXPECT_EQ(db().open_workspace(tp).error().code, errc::conflict);

  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"kept")}));
  ASSERT_TRUE(db().complete(room, ada.id, now));
  EXPECT_EQ(db().open_workspace(at(ada)).error().code, errc::conflict);
  EXPECT_EQ(push(ada, 1, {insert_at(4, 0, u"x")}).error().code, errc::conflict);
  EXPECT_EQ(db().pull_workspace(at(bob), 0).error().code, errc::conflict);
  EXPECT_EQ(db().set_workspace_language(at(bob), code_language::cpp).error().code, errc::conflict);
  const auto list = db().list_workspaces(room);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].doc, "kept") << "the document stays readable after the end";
  EXPECT_EQ(list[0].version, 1);
}

TEST_P(workspace_suite, the_document_and_its_version_survive_reopening_the_database) {
  ASSERT_TRUE(push(ada, 0, {insert_at(0, 0, u"print(1)")}));
  ASSERT_TRUE(db().set_workspace_language(at(ada), code_language::javascript));
  auto other = open_another();
  auto r = other->open_workspace(at(bob));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->ws.doc, "print(1)");
  EXPECT_EQ(r->ws.version, 1);
  EXPECT_EQ(r->ws.language, code_language::javascript);
  auto p = other->pull_workspace(at(bob), 0);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->updates.size(), 1u);
}

// Calls `f` until it does not throw a busy store_error (SQLite connections sharing a file wait
// out the busy timeout; the server answers such a call `unavailable` and the client retries).
template <class F>
auto retry_busy(F&& f) {
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const store::store_error& e) {
      if (!e.busy || attempt > 100) throw;
    }
  }
}

TEST_P(workspace_suite, racing_pushes_on_one_version_from_separate_connections_have_exactly_one_winner) {
  constexpr int racers = 4;
  constexpr int versions = 12;
  std::vector<std::unique_ptr<store::store>> nodes;
  for (int i = 0; i < racers; ++i) nodes.push_back(open_another());
  std::barrier meet(racers);
  std::mutex mutex;
  std::vector<std::vector<int>> winners(versions); // per version: the racers that won it
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < racers; ++t) {
    threads.emplace_back([&, t] {
      const auto& who = t % 2 == 0 ? ada : bob;
      for (int v = 0; v < versions; ++v) {
        meet.arrive_and_wait();
        // Every racer pushes "<t>" at the front, based on version v of a document of v units.
        auto p = push_of(who, v, {insert_at(static_cast<std::size_t>(v), 0, std::u16string(1, u'0' + t))}, std::nullopt,
                         "racer-" + std::to_string(t));
        auto r = retry_busy([&] { return nodes[static_cast<std::size_t>(t)]->push_workspace(p); });
        {
          std::lock_guard lock(mutex);
          if (r) {
            winners[static_cast<std::size_t>(v)].push_back(t);
            if (r->version != v + 1) failures.push_back("racer " + std::to_string(t) + " got version " + std::to_string(r->version));
          } else if (r.error().code != errc::conflict) {
            failures.push_back("racer " + std::to_string(t) + ": " + r.error().message);
          }
        }
        // The next version only once this one is decided.
        meet.arrive_and_wait();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_TRUE(failures.empty()) << failures.front();

  std::string expected; // the winners' marks, newest first
  for (int v = 0; v < versions; ++v) {
    ASSERT_EQ(winners[static_cast<std::size_t>(v)].size(), 1u) << "version " << v + 1;
    expected.insert(expected.begin(), static_cast<char>('0' + winners[static_cast<std::size_t>(v)].front()));
  }
  const auto ws = opened(ada);
  EXPECT_EQ(ws.version, versions);
  EXPECT_EQ(ws.doc, expected);
  auto log = db().pull_workspace(at(ada), 0);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->updates.size(), static_cast<std::size_t>(versions));
  for (int v = 0; v < versions; ++v)
    EXPECT_EQ(log->updates[static_cast<std::size_t>(v)].client_id,
              "racer-" + std::to_string(winners[static_cast<std::size_t>(v)].front()));
}

} // namespace
} // namespace mm::test
