// Races between separate store instances on one database, as between server nodes: every
// transition is one transaction that re-checks the state, so exactly one racer wins.
#include "store/store_fixture.hpp"
#include "store/store_error.hpp"

#include <algorithm>
#include <barrier>
#include <iostream>
#include <latch>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace mm::test {
namespace {

enum class move { accept, reject, cancel, expire };
const char* move_name(move m) {
  switch (m) {
  case move::accept: return "accept";
  case move::reject: return "reject";
  case move::cancel: return "cancel";
  case move::expire: return "expire";
  }
  return "?";
}

// Calls `f` until it does not throw a busy store_error (the caller's retry); counts the retries.
template <class F>
auto retry_busy(F&& f, std::atomic<int>& retries) {
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const store::store_error& e) {
      if (!e.busy || attempt > 100) throw;
      ++retries;
    }
  }
}

struct attempt {
  move m;
  bool won;
  std::optional<errc> error;
};

TEST_P(store_suite, racing_answers_and_expiry_from_separate_connections_have_exactly_one_winner) {
  constexpr int invitations = 24;
  constexpr int racers_per_move = 2;
  std::vector<std::pair<domain::user, domain::user>> pairs;
  std::vector<std::string> rooms;
  for (int i = 0; i < invitations; ++i) {
    pairs.emplace_back(add_user("from" + std::to_string(i)), add_user("to" + std::to_string(i)));
    rooms.push_back(invite(pairs.back().first, pairs.back().second, t0));
  }
  const auto deadline = t0 + ttl;

  const std::vector<move> moves{move::accept, move::reject, move::cancel, move::expire};
  std::vector<std::unique_ptr<store::store>> nodes;
  std::vector<move> roles;
  for (int k = 0; k < racers_per_move; ++k)
    for (auto m : moves) {
      nodes.push_back(open_another());
      roles.push_back(m);
    }

  std::mutex mutex;
  std::map<std::string, std::vector<attempt>> results;
  std::atomic<int> retries{0};
  // All racers meet before each invitation, so every one is a real race.
  std::barrier round(static_cast<std::ptrdiff_t>(nodes.size()));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < nodes.size(); ++t) {
    threads.emplace_back([&, t] {
      auto& db = *nodes[t];
      const move m = roles[t];
      for (int i = 0; i < invitations; ++i) {
        round.arrive_and_wait();
        const auto& room = rooms[static_cast<std::size_t>(i)];
        const auto& [inviter, invitee] = pairs[static_cast<std::size_t>(i)];
        attempt a{m, false, std::nullopt};
        // Answers arrive 1 ms before the deadline; the expiry timer fires at it.
        const auto just_before = deadline - 1ms;
        switch (m) {
        case move::accept: {
          auto r = retry_busy([&] { return db.accept(room, invitee.id, just_before, just_before + grace); }, retries);
          a.won = static_cast<bool>(r);
          if (!r) a.error = r.error().code;
          break;
        }
        case move::reject: {
          auto r = retry_busy([&] { return db.reject(room, invitee.id, just_before); }, retries);
          a.won = static_cast<bool>(r);
          if (!r) a.error = r.error().code;
          break;
        }
        case move::cancel: {
          auto r = retry_busy([&] { return db.cancel(room, inviter.id, just_before); }, retries);
          a.won = static_cast<bool>(r);
          if (!r) a.error = r.error().code;
          break;
        }
        case move::expire:
          a.won = retry_busy([&] { return db.expire(room, deadline); }, retries).has_value();
          break;
        }
        std::lock_guard lock(mutex);
        results[room].push_back(a);
      }
    });
  }
  for (auto& th : threads) th.join();

  std::map<std::string, int> mix;
  for (const auto& room : rooms) {
    const auto& tries = results[room];
    ASSERT_EQ(tries.size(), nodes.size()) << room;
    const auto winners = std::count_if(tries.begin(), tries.end(), [](const attempt& a) { return a.won; });
    ASSERT_EQ(winners, 1) << room;
    const auto winner = std::find_if(tries.begin(), tries.end(), [](const attempt& a) { return a.won; })->m;
    ++mix[move_name(winner)];
    for (const auto& a : tries) {
      if (a.won || a.m == move::expire) continue; // expire answers no error code
      ASSERT_TRUE(a.error) << room << ": " << move_name(a.m) << " lost without an error";
      EXPECT_TRUE(*a.error == errc::conflict || *a.error == errc::invitation_expired)
          << room << ": " << move_name(a.m) << " lost with " << domain::code_name(*a.error);
    }
    const auto iv = find(room);
    switch (winner) {
    case move::accept: EXPECT_EQ(iv.status, interview_status::accepted) << room; break;
    case move::reject:
      EXPECT_EQ(iv.status, interview_status::rejected) << room;
      EXPECT_EQ(iv.reason, end_reason::declined) << room;
      break;
    case move::cancel:
      EXPECT_EQ(iv.status, interview_status::cancelled) << room;
      EXPECT_EQ(iv.reason, end_reason::cancelled) << room;
      break;
    case move::expire:
      EXPECT_EQ(iv.status, interview_status::expired) << room;
      EXPECT_EQ(iv.reason, end_reason::invite_timeout) << room;
      break;
    }
  }
  std::ostringstream summary;
  for (const auto& [name, n] : mix) summary << name << "=" << n << " ";
  summary << "busy-retries=" << retries.load();
  RecordProperty("winners", summary.str());
  std::cout << "[          ] winners: " << summary.str() << '\n';
}

TEST_P(store_suite, crossing_invitations_from_separate_connections_meet_exactly_once) {
  constexpr int pairs_count = 12;
  std::vector<std::pair<store::send_request, store::send_request>> crossing;
  for (int i = 0; i < pairs_count; ++i) {
    const auto a = add_user("a" + std::to_string(i)), b = add_user("b" + std::to_string(i));
    crossing.emplace_back(request(a, b, t0), request(b, a, t0));
  }
  auto node_a = open_another();
  auto node_b = open_another();
  std::vector<domain::outcome<store::send_result>> from_a, from_b;
  std::atomic<int> retries{0};
  std::latch start(2);
  std::thread ta([&] {
    start.arrive_and_wait();
    for (const auto& [ra, rb] : crossing) from_a.push_back(retry_busy([&] { return node_a->send_invitation(ra); }, retries));
  });
  std::thread tb([&] {
    start.arrive_and_wait();
    for (const auto& [ra, rb] : crossing) from_b.push_back(retry_busy([&] { return node_b->send_invitation(rb); }, retries));
  });
  ta.join();
  tb.join();

  for (int i = 0; i < pairs_count; ++i) {
    const auto& a = from_a[static_cast<std::size_t>(i)];
    const auto& b = from_b[static_cast<std::size_t>(i)];
    ASSERT_TRUE(a) << a.error().message;
    ASSERT_TRUE(b) << b.error().message;
    ASSERT_NE(a->met, b->met) << "pair " << i << ": exactly one of the two requests meets the other";
    const auto& created = a->met ? *b : *a;
    const auto& met = a->met ? *a : *b;
    EXPECT_EQ(met.iv.room_id, created.iv.room_id);
    EXPECT_EQ(met.iv.status, interview_status::accepted);
    const auto& loser_room = a->met ? crossing[static_cast<std::size_t>(i)].first.room_id
                                    : crossing[static_cast<std::size_t>(i)].second.room_id;
    EXPECT_FALSE(db().find_interview(loser_room));
    EXPECT_EQ(find(created.iv.room_id).status, interview_status::accepted);
  }
}

TEST_P(store_suite, racing_invitations_from_one_inviter_leave_one_pending) {
  constexpr int racers = 4;
  const auto ada = add_user("ada");
  std::vector<store::send_request> requests;
  for (int i = 0; i < racers; ++i) requests.push_back(request(ada, add_user("p" + std::to_string(i)), t0));
  std::vector<std::unique_ptr<store::store>> nodes;
  for (int i = 0; i < racers; ++i) nodes.push_back(open_another());
  std::vector<std::optional<errc>> outcome(racers);
  std::atomic<int> retries{0};
  std::latch start(racers);
  std::vector<std::thread> threads;
  for (int i = 0; i < racers; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      auto r = retry_busy([&] { return nodes[static_cast<std::size_t>(i)]->send_invitation(requests[static_cast<std::size_t>(i)]); },
                          retries);
      if (!r) outcome[static_cast<std::size_t>(i)] = r.error().code;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(std::count(outcome.begin(), outcome.end(), std::nullopt), 1);
  EXPECT_EQ(std::count(outcome.begin(), outcome.end(), std::optional<errc>{errc::conflict}), racers - 1);
  store::history_filter sent;
  sent.as_inviter = true;
  EXPECT_EQ(db().history(ada.id, sent).size(), 1u);
}

TEST_P(store_suite, racing_joins_from_separate_connections_start_the_interview_once) {
  constexpr int rooms_count = 12;
  std::vector<std::tuple<std::string, domain::user, domain::user>> rooms;
  for (int i = 0; i < rooms_count; ++i) {
    const auto a = add_user("a" + std::to_string(i)), b = add_user("b" + std::to_string(i));
    rooms.emplace_back(accepted(a, b, t0), a, b);
  }
  auto node_a = open_another();
  auto node_b = open_another();
  std::vector<int> starts(rooms_count, 0);
  std::mutex mutex;
  std::atomic<int> retries{0};
  std::latch start(2);
  auto run = [&](store::store& node, bool inviter) {
    start.arrive_and_wait();
    for (int i = 0; i < rooms_count; ++i) {
      const auto& [room, a, b] = rooms[static_cast<std::size_t>(i)];
      auto j = retry_busy([&] { return node.join(room, inviter ? a.id : b.id, t0 + 5s); }, retries);
      ASSERT_TRUE(j) << j.error().message;
      std::lock_guard lock(mutex);
      starts[static_cast<std::size_t>(i)] += j->started ? 1 : 0;
    }
  };
  std::thread ta([&] { run(*node_a, true); });
  std::thread tb([&] { run(*node_b, false); });
  ta.join();
  tb.join();
  for (int i = 0; i < rooms_count; ++i) {
    EXPECT_EQ(starts[static_cast<std::size_t>(i)], 1) << "room " << i;
    const auto iv = find(std::get<0>(rooms[static_cast<std::size_t>(i)]));
    EXPECT_EQ(iv.status, interview_status::in_progress);
    EXPECT_TRUE(iv.inviter_present && iv.invitee_present);
  }
}

} // namespace
} // namespace mm::test
