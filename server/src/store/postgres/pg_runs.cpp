// Code runs on PostgreSQL: create is one READ COMMITTED transaction that locks the interview row
// (so "one queued or running run per interview", the rate limit and the room's seq hold across
// nodes), then reads and inserts.
#include "domain/enum_names.hpp"
#include "domain/interview_rules.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/transact.hpp"
#include "store/run_tests_json.hpp"

namespace mm::store::postgres {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::to_millis;

namespace {
constexpr std::string_view select_run =
    "SELECT r.id, r.room_id, r.round, r.by_id, u.name, r.language, r.status, r.verdict, r.exit_code, r.stdout, r.stderr, "
    "r.truncated, r.tests, r.duration_ms, r.created_at, r.finished_at FROM runs r JOIN users u ON u.id = r.by_id ";

std::vector<domain::run> read_runs(const result& q) {
  std::vector<domain::run> out;
  for (int i = 0; i < q.rows(); ++i) {
    domain::run r;
    r.id = q.text(i, 0);
    r.room_id = q.text(i, 1);
    r.round = static_cast<int>(q.integer(i, 2));
    r.by = {q.text(i, 3), q.text(i, 4)};
    r.language = domain::parse_code_language(q.text(i, 5)).value_or(domain::code_language::python);
    r.status = domain::parse_run_status(q.text(i, 6)).value_or(domain::run_status::queued);
    if (auto v = q.opt_text(i, 7)) r.verdict = domain::parse_run_verdict(*v);
    if (auto v = q.opt_integer(i, 8)) r.exit_code = static_cast<int>(*v);
    r.stdout_text = q.text(i, 9);
    r.stderr_text = q.text(i, 10);
    r.truncated = q.boolean(i, 11);
    r.tests = run_tests_from_json(q.text(i, 12));
    r.duration_ms = q.opt_integer(i, 13);
    r.created_at = from_millis(q.integer(i, 14));
    if (auto v = q.opt_integer(i, 15)) r.finished_at = from_millis(*v);
    out.push_back(std::move(r));
  }
  return out;
}
} // namespace

outcome<domain::run> pg_store::create_run(const domain::run& r, const domain::rate_window& limit) {
  return write(pool_, [&](connection& c) -> outcome<domain::run> {
    const auto q = c.exec("SELECT i.status, i.inviter_id, a.name, i.invitee_id, b.name FROM interviews i "
                          "JOIN users a ON a.id = i.inviter_id JOIN users b ON b.id = i.invitee_id "
                          "WHERE i.room_id = $1 FOR UPDATE OF i",
                          r.room_id);
    if (q.empty()) return fail(errc::not_found, "No interview with that room id.");
    domain::interview iv;
    iv.status = domain::parse_interview_status(q.text(0, 0)).value_or(domain::interview_status::pending);
    iv.inviter = {q.text(0, 1), q.text(0, 2)};
    iv.invitee = {q.text(0, 3), q.text(0, 4)};
    const auto role = domain::role_of(iv, r.by.id);
    if (role == domain::role::none) return fail(errc::not_found, "No interview with that room id.");
    if (!domain::is_active(iv.status)) return fail(errc::conflict, "The interview is over: code no longer runs here.");
    if (!c.exec("SELECT 1 FROM runs WHERE room_id = $1 AND status <> 'finished'", r.room_id).empty())
      return fail(errc::conflict, "A run of this interview is under way; wait for its verdict.");

    std::vector<domain::time_point> recent;
    if (limit.count > 0) {
      const auto rq = c.exec("SELECT created_at FROM runs WHERE room_id = $1 AND created_at > $2 ORDER BY created_at", r.room_id,
                             to_millis(r.created_at - limit.window));
      for (int i = 0; i < rq.rows(); ++i) recent.push_back(from_millis(rq.integer(i, 0)));
    }
    if (auto limited = domain::check_rate(recent, limit, r.created_at, "Too many runs in this interview; wait a little."))
      return *limited;

    const auto seq = c.exec("SELECT COALESCE(MAX(seq), 0) + 1 FROM runs WHERE room_id = $1", r.room_id).integer(0, 0);
    auto saved = r;
    saved.status = domain::run_status::queued;
    saved.by.name = role == domain::role::inviter ? iv.inviter.name : iv.invitee.name;
    c.exec("INSERT INTO runs (id, room_id, seq, round, by_id, language, status, tests, created_at) "
           "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
           saved.id, saved.room_id, seq, saved.round, saved.by.id, std::string(domain::to_string(saved.language)),
           std::string(domain::to_string(saved.status)), run_tests_to_json(saved.tests), to_millis(saved.created_at));
    return saved;
  });
}

bool pg_store::start_run(const std::string& run_id) {
  return write(pool_, [&](connection& c) {
    return c.exec("UPDATE runs SET status = 'running' WHERE id = $1 AND status = 'queued'", run_id).affected() > 0;
  });
}

std::optional<domain::run> pg_store::finish_run(const domain::run& r) {
  return write(pool_, [&](connection& c) -> std::optional<domain::run> {
    std::optional<std::string> verdict;
    if (r.verdict) verdict = std::string(domain::to_string(*r.verdict));
    std::optional<std::int64_t> finished;
    if (r.finished_at) finished = to_millis(*r.finished_at);
    const auto changed = c.exec("UPDATE runs SET status = 'finished', verdict = $1, exit_code = $2, stdout = $3, stderr = $4, "
                                "truncated = $5, tests = $6, duration_ms = $7, finished_at = $8 "
                                "WHERE id = $9 AND status <> 'finished'",
                                verdict, r.exit_code, r.stdout_text, r.stderr_text, r.truncated, run_tests_to_json(r.tests),
                                r.duration_ms, finished, r.id);
    if (changed.affected() == 0) return std::nullopt;
    auto rows = read_runs(c.exec(std::string(select_run) + "WHERE r.id = $1", r.id));
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  });
}

std::optional<domain::run> pg_store::find_run(const std::string& room_id, const std::string& run_id) {
  return read(pool_, [&](connection& c) -> std::optional<domain::run> {
    auto rows = read_runs(c.exec(std::string(select_run) + "WHERE r.room_id = $1 AND r.id = $2", room_id, run_id));
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  });
}

std::vector<domain::run> pg_store::list_runs(const std::string& room_id) {
  return read(pool_, [&](connection& c) {
    return read_runs(c.exec(std::string(select_run) + "WHERE r.room_id = $1 ORDER BY r.seq DESC", room_id));
  });
}

int pg_store::finish_orphaned_runs(const std::string& message, domain::time_point now) {
  return write(pool_, [&](connection& c) {
    return static_cast<int>(c.exec("UPDATE runs SET status = 'finished', verdict = 'runtime_error', stderr = $1, finished_at = $2 "
                                   "WHERE status <> 'finished'",
                                   message, to_millis(now))
                                .affected());
  });
}

} // namespace mm::store::postgres
