// The trust migration on a SQLite file written by the version before it (store/sqlite/
// migrations.cpp): join records are backfilled from what the rows kept, and absent only where
// those records tell who was missing.
#include "store/backends.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "domain/reliability.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>

namespace mm::test {
namespace {

TEST(sqlite_trust_migration, backfills_join_records_and_leaves_absent_null_where_nothing_tells) {
  const auto path = detail::sqlite_path(unique_test_id("trust_migration"));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    store::sqlite::database db(path);
    db.exec(std::string(store::sqlite::migrations()[0]));
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO users (id, email, name, password_hash, created_at) VALUES "
            "('u_a', 'a@x', 'A', 'h', 0), ('u_b', 'b@x', 'B', 'h', 0)");
    // An abandoned no_show and left as the old version wrote them (presence flags cleared), a
    // completed one, and an accepted one where A is in the room.
    db.exec("INSERT INTO interviews (room_id, inviter_id, invitee_id, status, reason, created_at, expires_at, responded_at, "
            "started_at, ended_at, grace_deadline, inviter_present, invitee_present) VALUES "
            "('r_noshow', 'u_a', 'u_b', 'abandoned', 'no_show', 0, 100, 10, NULL, 200, NULL, 0, 0), "
            "('r_left', 'u_a', 'u_b', 'abandoned', 'left', 0, 100, 10, 20, 200, NULL, 0, 0), "
            "('r_done', 'u_a', 'u_b', 'completed', 'completed', 0, 100, 10, 20, 200, NULL, 0, 0), "
            "('r_open', 'u_b', 'u_a', 'accepted', NULL, 300, 400, 310, NULL, NULL, 500, 0, 1)");
  }
  {
    auto s = store::create_store("sqlite:" + path);
    s->migrate();
    auto noshow = s->find_interview("r_noshow");
    ASSERT_TRUE(noshow);
    EXPECT_FALSE(noshow->inviter_joined || noshow->invitee_joined);
    EXPECT_EQ(noshow->absent, std::nullopt) << "the old rows kept nothing that tells";
    auto left = s->find_interview("r_left");
    EXPECT_TRUE(left->inviter_joined && left->invitee_joined) << "both joined when it started";
    EXPECT_EQ(left->absent, std::nullopt);
    auto open = s->find_interview("r_open");
    EXPECT_FALSE(open->inviter_joined);
    EXPECT_TRUE(open->invitee_joined) << "in the room: joined";
    auto r = s->reliability_of({"u_a", "u_b"});
    EXPECT_EQ(r.at("u_a"), domain::make_reliability(1, 0, 0)) << "the old abandoned rows count for nobody";
    EXPECT_EQ(r.at("u_b"), domain::make_reliability(1, 0, 0));
    // The open one, abandoned after the upgrade, blames its inviter, who never joined.
    auto gone = s->abandon_if_due("r_open", domain::from_millis(1'000));
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->reason, domain::end_reason::no_show);
    EXPECT_EQ(gone->absent, "u_b");
    r = s->reliability_of({"u_b"});
    EXPECT_EQ(r.at("u_b"), domain::make_reliability(1, 1, 0));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

} // namespace
} // namespace mm::test
