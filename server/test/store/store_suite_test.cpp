// The store's contract (store/store.hpp) for users, profiles, sessions, login failures and
// questions, on every backend. Interviews: store_interviews_test.cpp; races: store_concurrency_test.cpp.
#include "store/question_bank.hpp"
#include "store/store_fixture.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace mm::test {
namespace {

INSTANTIATE_TEST_SUITE_P(backends, store_suite, ::testing::ValuesIn(test_backends()), backend_name);

// ---- users --------------------------------------------------------------------------------

TEST_P(store_suite, creates_a_user_and_finds_it_by_id_and_email) {
  const domain::user u{"u_ada", "ada@example.com", "Ada Lovelace", t0};
  auto created = db().create_user(u, "argon2-hash");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->id, "u_ada");

  auto found = db().find_user("u_ada");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, "u_ada");
  EXPECT_EQ(found->email, "ada@example.com");
  EXPECT_EQ(found->name, "Ada Lovelace");
  EXPECT_EQ(found->created_at, t0);

  auto creds = db().find_credentials("ada@example.com");
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds->user.id, "u_ada");
  EXPECT_EQ(creds->user.name, "Ada Lovelace");
  EXPECT_EQ(creds->user.created_at, t0);
  EXPECT_EQ(creds->password_hash, "argon2-hash");
}

TEST_P(store_suite, a_taken_email_is_a_conflict_and_changes_nothing) {
  ASSERT_TRUE(db().create_user({"u_1", "same@example.com", "First", t0}, "h1"));
  auto again = db().create_user({"u_2", "same@example.com", "Second", t0}, "h2");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, errc::conflict);
  EXPECT_FALSE(db().find_user("u_2"));
  EXPECT_EQ(db().find_credentials("same@example.com")->password_hash, "h1");
}

TEST_P(store_suite, unknown_users_are_not_found) {
  EXPECT_FALSE(db().find_user("u_nobody"));
  EXPECT_FALSE(db().find_credentials("nobody@example.com"));
  add_user("ada");
  EXPECT_FALSE(db().find_user(""));
  EXPECT_FALSE(db().find_credentials("ADA@example.com")) << "the store matches the normalized email exactly";
}

TEST_P(store_suite, users_keep_unicode_names) {
  const std::string name = "Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80";
  ASSERT_TRUE(db().create_user({"u_zoe", "zoe@example.com", name, t0}, "h"));
  EXPECT_EQ(db().find_user("u_zoe")->name, name);
}

// ---- profiles -----------------------------------------------------------------------------

TEST_P(store_suite, a_new_users_profile_is_empty_and_available) {
  ASSERT_TRUE(db().create_user({"u_new", "new@example.com", "New", t0}, "h"));
  const auto p = db().get_profile("u_new");
  EXPECT_FALSE(p.headline);
  EXPECT_FALSE(p.target_role);
  EXPECT_FALSE(p.level);
  EXPECT_TRUE(p.topics.empty());
  EXPECT_TRUE(p.languages.empty());
  EXPECT_FALSE(p.timezone);
  EXPECT_FALSE(p.bio);
  EXPECT_TRUE(p.available);
}

TEST_P(store_suite, profiles_round_trip_every_field) {
  ASSERT_TRUE(db().create_user({"u_p", "p@example.com", "P", t0}, "h"));
  domain::profile p;
  p.headline = "Looking for system design practice";
  p.target_role = "Staff engineer";
  p.level = domain::experience_level::senior;
  p.topics = {"system design", "graphs", "C++ \xE2\x80\x94 templates"};
  p.languages = {"C++", "Rust", "Portugu\xC3\xAAs"};
  p.timezone = "America/Sao_Paulo";
  p.bio = "Line one\nLine two\twith a tab";
  p.available = false;
  db().put_profile("u_p", p);

  const auto back = db().get_profile("u_p");
  EXPECT_EQ(back.headline, p.headline);
  EXPECT_EQ(back.target_role, p.target_role);
  EXPECT_EQ(back.level, p.level);
  EXPECT_EQ(back.topics, p.topics);
  EXPECT_EQ(back.languages, p.languages);
  EXPECT_EQ(back.timezone, p.timezone);
  EXPECT_EQ(back.bio, p.bio);
  EXPECT_EQ(back.available, false);
}

TEST_P(store_suite, putting_a_profile_replaces_it_including_nulls_and_empty_lists) {
  ASSERT_TRUE(db().create_user({"u_p", "p@example.com", "P", t0}, "h"));
  domain::profile full;
  full.headline = "h";
  full.target_role = "r";
  full.level = domain::experience_level::student;
  full.topics = {"a", "b"};
  full.languages = {"x"};
  full.timezone = "Europe/Berlin";
  full.bio = "b";
  db().put_profile("u_p", full);
  db().put_profile("u_p", domain::profile{});
  const auto back = db().get_profile("u_p");
  EXPECT_FALSE(back.headline);
  EXPECT_FALSE(back.target_role);
  EXPECT_FALSE(back.level);
  EXPECT_TRUE(back.topics.empty());
  EXPECT_TRUE(back.languages.empty());
  EXPECT_FALSE(back.timezone);
  EXPECT_FALSE(back.bio);
  EXPECT_TRUE(back.available);
}

TEST_P(store_suite, every_experience_level_round_trips) {
  ASSERT_TRUE(db().create_user({"u_p", "p@example.com", "P", t0}, "h"));
  for (auto level : {domain::experience_level::student, domain::experience_level::junior, domain::experience_level::mid,
                     domain::experience_level::senior, domain::experience_level::staff}) {
    domain::profile p;
    p.level = level;
    db().put_profile("u_p", p);
    EXPECT_EQ(db().get_profile("u_p").level, level) << domain::to_string(level);
  }
}

TEST_P(store_suite, a_single_empty_list_entry_is_not_confused_with_no_entries) {
  // Validation never lets an empty topic in; a one-entry list must still come back as one entry.
  ASSERT_TRUE(db().create_user({"u_p", "p@example.com", "P", t0}, "h"));
  domain::profile p;
  p.topics = {"only"};
  db().put_profile("u_p", p);
  EXPECT_EQ(db().get_profile("u_p").topics, std::vector<std::string>{"only"});
}

TEST_P(store_suite, partner_candidates_are_complete_available_users_but_not_the_caller) {
  const auto me = add_user("me");
  const auto good = add_user("good");
  const auto also_good = add_user("alsogood");
  add_user("incomplete", false, true);
  add_user("away", true, false);
  add_user("incompleteaway", false, false);

  auto found = db().partner_candidates(me.id);
  std::set<std::string> ids;
  for (const auto& c : found) ids.insert(c.user.id);
  EXPECT_EQ(ids, (std::set<std::string>{good.id, also_good.id}));
  for (const auto& c : found) {
    EXPECT_EQ(c.user.name, c.user.id.substr(2));
    EXPECT_TRUE(domain::profile_complete(c.prof));
    EXPECT_TRUE(c.prof.available);
    EXPECT_EQ(c.prof.topics, std::vector<std::string>{"graphs"});
  }
}

TEST_P(store_suite, a_profile_becoming_incomplete_or_unavailable_leaves_the_candidates) {
  const auto me = add_user("me");
  const auto other = add_user("other");
  ASSERT_EQ(db().partner_candidates(me.id).size(), 1u);
  auto p = db().get_profile(other.id);
  p.available = false;
  db().put_profile(other.id, p);
  EXPECT_TRUE(db().partner_candidates(me.id).empty());
  p.available = true;
  p.topics.clear();
  db().put_profile(other.id, p);
  EXPECT_TRUE(db().partner_candidates(me.id).empty());
  p.topics = {"dp"};
  db().put_profile(other.id, p);
  EXPECT_EQ(db().partner_candidates(me.id).size(), 1u);
}

TEST_P(store_suite, find_users_returns_the_existing_ones_with_profiles) {
  const auto a = add_user("a");
  const auto b = add_user("b", false, false);
  auto found = db().find_users({b.id, "u_missing", a.id});
  ASSERT_EQ(found.size(), 2u);
  std::set<std::string> ids;
  for (const auto& c : found) ids.insert(c.user.id);
  EXPECT_EQ(ids, (std::set<std::string>{a.id, b.id}));
  const auto found_b = std::find_if(found.begin(), found.end(), [&](const auto& c) { return c.user.id == b.id; });
  ASSERT_NE(found_b, found.end());
  EXPECT_FALSE(found_b->prof.available);
  EXPECT_FALSE(domain::profile_complete(found_b->prof));
  EXPECT_TRUE(db().find_users({}).empty());
}

// ---- sessions and login failures ----------------------------------------------------------

TEST_P(store_suite, sessions_are_created_found_touched_and_deleted) {
  const auto u = add_user("ada");
  const store::session_record s{u.id, t0, t0, t0 + 24h * 30};
  db().create_session("digest-1", s);

  auto found = db().find_session("digest-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, u.id);
  EXPECT_EQ(found->created_at, t0);
  EXPECT_EQ(found->last_seen_at, t0);
  EXPECT_EQ(found->expires_at, t0 + 24h * 30);

  db().touch_session("digest-1", t0 + 5min);
  found = db().find_session("digest-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->last_seen_at, t0 + 5min);
  EXPECT_EQ(found->created_at, t0);
  EXPECT_EQ(found->expires_at, t0 + 24h * 30);

  db().delete_session("digest-1");
  EXPECT_FALSE(db().find_session("digest-1"));
}

TEST_P(store_suite, sessions_are_independent_and_unknown_ones_are_not_found) {
  const auto u = add_user("ada");
  db().create_session("d1", {u.id, t0, t0, t0 + 1h});
  db().create_session("d2", {u.id, t0, t0, t0 + 2h});
  db().delete_session("d1");
  EXPECT_FALSE(db().find_session("d1"));
  ASSERT_TRUE(db().find_session("d2"));
  EXPECT_EQ(db().find_session("d2")->expires_at, t0 + 2h);
  EXPECT_FALSE(db().find_session("unknown"));
  db().delete_session("unknown");  // nothing to do, no error
  db().touch_session("unknown", t0);
  EXPECT_FALSE(db().find_session("unknown"));
}

TEST_P(store_suite, login_failures_since_a_moment_come_oldest_first) {
  db().record_login_failure("ada@example.com", t0 + 2s);
  db().record_login_failure("ada@example.com", t0);
  db().record_login_failure("ada@example.com", t0 + 1s);
  db().record_login_failure("bob@example.com", t0 + 1s);
  EXPECT_EQ(db().login_failures("ada@example.com", t0 + 500ms), (std::vector<time_point>{t0 + 1s, t0 + 2s}));
  EXPECT_EQ(db().login_failures("ada@example.com", t0 + 3s), std::vector<time_point>{});
  EXPECT_EQ(db().login_failures("bob@example.com", t0 - 1h), std::vector<time_point>{t0 + 1s});
  EXPECT_EQ(db().login_failures("carol@example.com", t0 - 1h), std::vector<time_point>{});
}

TEST_P(store_suite, clearing_login_failures_forgets_only_that_email) {
  db().record_login_failure("ada@example.com", t0);
  db().record_login_failure("bob@example.com", t0);
  db().clear_login_failures("ada@example.com");
  EXPECT_TRUE(db().login_failures("ada@example.com", t0 - 1h).empty());
  EXPECT_EQ(db().login_failures("bob@example.com", t0 - 1h).size(), 1u);
}

// ---- questions ----------------------------------------------------------------------------

TEST_P(store_suite, a_fresh_database_holds_the_whole_question_bank_in_its_order) {
  const auto all = db().list_questions({});
  const auto bank = store::question_bank();
  ASSERT_GE(all.size(), 60u);
  ASSERT_EQ(all.size(), bank.size());
  for (std::size_t i = 0; i < bank.size(); ++i) {
    EXPECT_EQ(all[i].id, bank[i].slug);
    EXPECT_EQ(all[i].title, bank[i].title);
    EXPECT_EQ(all[i].body, bank[i].body);
    EXPECT_EQ(all[i].category, bank[i].category);
    EXPECT_EQ(all[i].difficulty, bank[i].difficulty);
    EXPECT_EQ(all[i].hints, std::vector<std::string>(bank[i].hints.begin(), bank[i].hints.end())) << bank[i].slug;
  }
}

TEST_P(store_suite, migrating_again_changes_nothing) {
  const auto before = db().list_questions({}).size();
  db().migrate();
  db().migrate();
  EXPECT_EQ(db().list_questions({}).size(), before);
  EXPECT_TRUE(db().healthy());
}

TEST_P(store_suite, questions_filter_by_category_and_difficulty) {
  const auto all = db().list_questions({});
  for (const char* category : {"algorithms", "system-design", "behavioral"})
    for (const char* difficulty : {"easy", "medium", "hard"}) {
      store::question_filter f;
      f.category = category;
      f.difficulty = difficulty;
      const auto found = db().list_questions(f);
      const auto expected = std::count_if(all.begin(), all.end(), [&](const domain::question& q) {
        return q.category == category && q.difficulty == difficulty;
      });
      EXPECT_EQ(static_cast<long>(found.size()), expected) << category << "/" << difficulty;
      EXPECT_FALSE(found.empty()) << category << "/" << difficulty;
      for (const auto& q : found) {
        EXPECT_EQ(q.category, category);
        EXPECT_EQ(q.difficulty, difficulty);
      }
    }
  store::question_filter only_category;
  only_category.category = "behavioral";
  for (const auto& q : db().list_questions(only_category)) EXPECT_EQ(q.category, "behavioral");
  store::question_filter unknown;
  unknown.category = "cooking";
  EXPECT_TRUE(db().list_questions(unknown).empty());
}

TEST_P(store_suite, questions_filter_by_text_in_title_or_body_ignoring_case) {
  store::question_filter f;
  f.text = "pAIR wITH a tARGET";  // "Pair With a Target Sum"
  auto found = db().list_questions(f);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().id, "two-sum");

  const auto all = db().list_questions({});
  // A word from the middle of a body finds that question.
  const auto& sample = all[all.size() / 2];
  const auto word = sample.body.substr(sample.body.size() / 2, 12);
  f.text = word;
  found = db().list_questions(f);
  EXPECT_NE(std::find_if(found.begin(), found.end(), [&](const auto& q) { return q.id == sample.id; }), found.end())
      << "searching for \"" << word << "\"";
  for (const auto& q : found) {
    auto lower = [](std::string s) {
      std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return s;
    };
    EXPECT_TRUE(lower(q.title).find(lower(word)) != std::string::npos || lower(q.body).find(lower(word)) != std::string::npos);
  }
  f.text = "zzz-no-question-says-this-zzz";
  EXPECT_TRUE(db().list_questions(f).empty());
}

TEST_P(store_suite, finding_questions_keeps_the_given_order_and_leaves_out_missing_ids) {
  const auto& ids = question_ids_;
  const auto found = db().find_questions({ids[4], "no-such-question", ids[1], ids[3]});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, ids[4]);
  EXPECT_EQ(found[1].id, ids[1]);
  EXPECT_EQ(found[2].id, ids[3]);
  EXPECT_FALSE(found[0].title.empty());
  EXPECT_FALSE(found[0].hints.empty());
  EXPECT_TRUE(db().find_questions({}).empty());
}

TEST_P(store_suite, is_healthy) { EXPECT_TRUE(db().healthy()); }

} // namespace
} // namespace mm::test
