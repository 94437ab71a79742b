// Code runs on SQLite: create is one IMMEDIATE transaction (a savepoint inside a group commit)
// that reads the interview, its unfinished runs and its recent runs before it inserts.
#include "domain/enum_names.hpp"
#include "domain/interview_rules.hpp"
#include "store/run_tests_json.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace mm::store::sqlite {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::to_millis;

namespace {
constexpr std::string_view select_run =
    "SELECT r.id, r.room_id, r.round, r.by_id, u.name, r.language, r.status, r.verdict, r.exit_code, r.stdout, r.stderr, "
    "r.truncated, r.tests, r.duration_ms, r.created_at, r.finished_at FROM runs r JOIN users u ON u.id = r.by_id ";

std::vector<domain::run> read_runs(statement& q) {
  std::vector<domain::run> out;
  while (q.step()) {
    domain::run r;
    r.id = q.text(0);
    r.room_id = q.text(1);
    r.round = static_cast<int>(q.integer(2));
    r.by = {q.text(3), q.text(4)};
    r.language = domain::parse_code_language(q.text(5)).value_or(domain::code_language::python);
    r.status = domain::parse_run_status(q.text(6)).value_or(domain::run_status::queued);
    if (auto v = q.opt_text(7)) r.verdict = domain::parse_run_verdict(*v);
    if (auto v = q.opt_integer(8)) r.exit_code = static_cast<int>(*v);
    r.stdout_text = q.text(9);
    r.stderr_text = q.text(10);
    r.truncated = q.integer(11) != 0;
    r.tests = run_tests_from_json(q.text(12));
    r.duration_ms = q.opt_integer(13);
    r.created_at = from_millis(q.integer(14));
    if (auto v = q.opt_integer(15)) r.finished_at = from_millis(*v);
    out.push_back(std::move(r));
  }
  return out;
}
} // namespace

outcome<domain::run> sqlite_store::create_run(const domain::run& r, const domain::rate_window& limit) {
  transaction tx(db_);
  auto q = db_.query("SELECT i.status, i.inviter_id, a.name, i.invitee_id, b.name FROM interviews i "
                     "JOIN users a ON a.id = i.inviter_id JOIN users b ON b.id = i.invitee_id WHERE i.room_id = ?");
  if (!q.bind_all(r.room_id).step()) return fail(errc::not_found, "No interview with that room id.");
  domain::interview iv;
  iv.status = domain::parse_interview_status(q.text(0)).value_or(domain::interview_status::pending);
  iv.inviter = {q.text(1), q.text(2)};
  iv.invitee = {q.text(3), q.text(4)};
  const auto role = domain::role_of(iv, r.by.id);
  if (role == domain::role::none) return fail(errc::not_found, "No interview with that room id.");
  if (!domain::is_active(iv.status)) return fail(errc::conflict, "The interview is over: code no longer runs here.");
  auto busy = db_.query("SELECT 1 FROM runs WHERE room_id = ? AND status <> 'finished'");
  if (busy.bind_all(r.room_id).step()) return fail(errc::conflict, "A run of this interview is under way; wait for its verdict.");

  std::vector<domain::time_point> recent;
  if (limit.count > 0) {
    auto rq = db_.query("SELECT created_at FROM runs WHERE room_id = ? AND created_at > ? ORDER BY created_at");
    rq.bind_all(r.room_id, to_millis(r.created_at - limit.window));
    while (rq.step()) recent.push_back(from_millis(rq.integer(0)));
  }
  if (auto limited = domain::check_rate(recent, limit, r.created_at, "Too many runs in this interview; wait a little."))
    return *limited;

  auto last = db_.query("SELECT COALESCE(MAX(seq), 0) FROM runs WHERE room_id = ?");
  last.bind_all(r.room_id).step();
  const auto seq = last.integer(0) + 1;
  auto saved = r;
  saved.status = domain::run_status::queued;
  saved.by.name = role == domain::role::inviter ? iv.inviter.name : iv.invitee.name;
  db_.query("INSERT INTO runs (id, room_id, seq, round, by_id, language, status, tests, created_at) VALUES (?,?,?,?,?,?,?,?,?)")
      .bind_all(saved.id, saved.room_id, seq, saved.round, saved.by.id, domain::to_string(saved.language),
                domain::to_string(saved.status), run_tests_to_json(saved.tests), to_millis(saved.created_at))
      .run();
  tx.commit();
  return saved;
}

bool sqlite_store::start_run(const std::string& run_id) {
  transaction tx(db_);
  auto q = db_.query("UPDATE runs SET status = 'running' WHERE id = ? AND status = 'queued'");
  q.bind_all(run_id).run();
  const bool changed = q.changes() > 0;
  tx.commit();
  return changed;
}

std::optional<domain::run> sqlite_store::finish_run(const domain::run& r) {
  transaction tx(db_);
  auto q = db_.query("UPDATE runs SET status = 'finished', verdict = ?, exit_code = ?, stdout = ?, stderr = ?, truncated = ?, "
                     "tests = ?, duration_ms = ?, finished_at = ? WHERE id = ? AND status <> 'finished'");
  std::optional<std::string> verdict;
  if (r.verdict) verdict = std::string(domain::to_string(*r.verdict));
  std::optional<std::int64_t> finished;
  if (r.finished_at) finished = to_millis(*r.finished_at);
  q.bind_all(verdict, r.exit_code, r.stdout_text, r.stderr_text, r.truncated, run_tests_to_json(r.tests), r.duration_ms, finished,
             r.id)
      .run();
  if (q.changes() == 0) return std::nullopt;
  tx.commit();
  auto found = db_.query(std::string(select_run) + "WHERE r.id = ?");
  found.bind_all(r.id);
  auto rows = read_runs(found);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<domain::run> sqlite_store::find_run(const std::string& room_id, const std::string& run_id) {
  auto q = db_.query(std::string(select_run) + "WHERE r.room_id = ? AND r.id = ?");
  q.bind_all(room_id, run_id);
  auto rows = read_runs(q);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<domain::run> sqlite_store::list_runs(const std::string& room_id) {
  auto q = db_.query(std::string(select_run) + "WHERE r.room_id = ? ORDER BY r.seq DESC");
  q.bind_all(room_id);
  return read_runs(q);
}

int sqlite_store::finish_orphaned_runs(const std::string& message, domain::time_point now) {
  transaction tx(db_);
  auto q = db_.query("UPDATE runs SET status = 'finished', verdict = 'runtime_error', stderr = ?, finished_at = ? "
                     "WHERE status <> 'finished'");
  q.bind_all(message, to_millis(now)).run();
  const int n = q.changes();
  tx.commit();
  return n;
}

} // namespace mm::store::sqlite
