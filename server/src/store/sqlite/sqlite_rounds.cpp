// Rounds on SQLite: round 1 beside the move to in_progress, the switch to round 2, the end of
// the running round beside the interview's end. Every write runs inside an IMMEDIATE
// transaction, so a switch re-reads the rounds after every other writer finished.
#include "domain/round_rules.hpp"
#include "store/list_codec.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace mm::store::sqlite {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::interview;
using domain::to_millis;

namespace {
const domain::party& party_of(const interview& iv, const std::string& user_id) {
  return user_id == iv.inviter.id ? iv.inviter : iv.invitee;
}
} // namespace

void sqlite_store::read_rounds(interview& iv) {
  auto q = db_.query("SELECT number, interviewer_id, candidate_id, started_at, ended_at, planned_minutes "
                     "FROM interview_rounds WHERE room_id = ? ORDER BY number");
  q.bind(1, iv.room_id);
  while (q.step()) {
    domain::interview_round r;
    r.number = static_cast<int>(q.integer(0));
    r.interviewer = party_of(iv, q.text(1));
    r.candidate = party_of(iv, q.text(2));
    r.started_at = from_millis(q.integer(3));
    if (auto end = q.opt_integer(4)) r.ended_at = from_millis(*end);
    r.planned_minutes = static_cast<int>(q.integer(5));
    iv.rounds.push_back(std::move(r));
  }
  if (iv.rounds.empty()) return;
  auto qq = db_.query("SELECT rq.number, q.id, q.title, q.body, q.category, q.difficulty, q.hints FROM round_questions rq "
                      "JOIN questions q ON q.id = rq.question_id WHERE rq.room_id = ? ORDER BY rq.number, rq.position");
  qq.bind(1, iv.room_id);
  while (qq.step()) {
    const auto number = qq.integer(0);
    for (auto& r : iv.rounds)
      if (r.number == number)
        r.questions.push_back({qq.text(1), qq.text(2), qq.text(3), qq.text(4), qq.text(5), split_list(qq.text(6))});
  }
}

void sqlite_store::start_first_round(const interview& iv, time_point now, int planned_minutes) {
  db_.query("INSERT OR IGNORE INTO interview_rounds (room_id, number, interviewer_id, candidate_id, started_at, "
            "planned_minutes) VALUES (?, 1, ?, ?, ?, ?)")
      .bind_all(iv.room_id, domain::interviewer_in(iv, 1).id, domain::candidate_in(iv, 1).id, to_millis(now), planned_minutes)
      .run();
  db_.query("INSERT OR IGNORE INTO round_questions (room_id, number, position, question_id) "
            "SELECT room_id, 1, position, question_id FROM interview_questions WHERE room_id = ?")
      .bind(1, iv.room_id)
      .run();
}

void sqlite_store::end_running_round(const std::string& room_id, time_point now) {
  db_.query("UPDATE interview_rounds SET ended_at = ? WHERE room_id = ? AND ended_at IS NULL")
      .bind_all(to_millis(now), room_id)
      .run();
}

outcome<interview> sqlite_store::start_round(const start_round_request& r) {
  transaction tx(db_);
  auto iv = find_interview(r.room_id);
  if (!iv) return fail(errc::not_found, "No interview with that room id.");
  const int current = domain::current_round(*iv).number;
  if (auto ok = domain::check_start_round(*iv, r.user_id, current); !ok) return ok.error();
  if (find_questions(r.question_ids).size() != r.question_ids.size())
    return fail(errc::validation_failed, "questionIds must name existing questions.");
  end_running_round(r.room_id, r.now);
  const int next = current + 1;
  auto inserted = db_.query("INSERT OR IGNORE INTO interview_rounds (room_id, number, interviewer_id, candidate_id, "
                            "started_at, planned_minutes) VALUES (?, ?, ?, ?, ?, ?)");
  inserted
      .bind_all(r.room_id, next, domain::interviewer_in(*iv, next).id, domain::candidate_in(*iv, next).id, to_millis(r.now),
                r.planned_minutes)
      .run();
  if (inserted.changes() == 0) return fail(errc::conflict, "That round has started already.");
  int position = 0;
  for (const auto& qid : r.question_ids)
    db_.query("INSERT INTO round_questions (room_id, number, position, question_id) VALUES (?, ?, ?, ?)")
        .bind_all(r.room_id, next, position++, qid)
        .run();
  auto done = find_interview(r.room_id);
  tx.commit();
  return std::move(*done);
}

std::optional<domain::current_round_info> sqlite_store::current_round(const std::string& room_id) {
  auto iv = find_interview(room_id);
  if (!iv) return std::nullopt;
  return domain::current_round(*iv);
}

} // namespace mm::store::sqlite
