#include "services/run_service.hpp"

#include "domain/interview_rules.hpp"
#include "domain/round_rules.hpp"
#include "services/secrets.hpp"
#include "services/views.hpp"
#include "store/question_tests.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

namespace mm::services {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

struct run_service::pending {
  domain::run run;
  bool with_stdin = false;
};

namespace {

struct round_choice {
  int number = 1;
  std::vector<domain::question> questions;
};

// The round a run is for: the request's, which must have started (round 1 always counts, so code
// runs while `accepted`), else the current one (domain::current_round); with that round's
// questions. The one place this service decides the round.
outcome<round_choice> round_of(const domain::interview& iv, std::optional<int> requested) {
  const auto current = domain::current_round(iv);
  if (!requested || *requested == current.number) return round_choice{current.number, current.questions};
  if (*requested < 1 || *requested > current.number) return fail(errc::validation_failed, "round has not started.");
  for (const auto& r : iv.rounds)
    if (r.number == *requested) return round_choice{r.number, r.questions};
  return round_choice{*requested, iv.questions};
}

void log_failure(std::exception_ptr e, const char* what) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    spdlog::error("{}: {}", what, ex.what());
  } catch (...) {
    spdlog::error("{}: an exception that is not a std::exception", what);
  }
}

// The run as the sandbox's result finishes it (API.md: verdicts and the comparison rule are
// domain/run_verdict.hpp's). Output shown is of the one execution with stdin, else of the first
// test that did not pass (the last test when all passed); a failed compile shows its diagnostics.
domain::run finished(domain::run r, bool with_stdin, const sandbox::job_result& result, domain::time_point now) {
  std::int64_t wall = result.compile ? result.compile->wall_time.count() : 0;
  for (const auto& e : result.executions) wall += e.wall_time.count();
  const sandbox::execution_result* shown = nullptr;
  if (with_stdin || r.tests.empty()) {
    if (!result.executions.empty()) shown = &result.executions.front();
    r.verdict = domain::single_run_verdict(shown ? shown->outcome : domain::execution_outcome::not_run);
  } else {
    std::vector<domain::test_execution> judged;
    for (std::size_t i = 0; i < r.tests.size(); ++i) {
      const auto* e = i < result.executions.size() ? &result.executions[i] : nullptr;
      judged.push_back({e ? e->outcome : domain::execution_outcome::not_run, e ? std::string_view(e->stdout_text) : "",
                        r.tests[i].expected_output});
      r.tests[i].passed = domain::test_passed(judged.back());
      r.tests[i].actual_output = e ? domain::displayable_output(e->stdout_text) : "";
      if (e && !shown && !r.tests[i].passed) shown = e;
    }
    if (!shown && !result.executions.empty()) shown = &result.executions.back();
    r.verdict = domain::tests_run_verdict(judged);
  }
  if (result.compile && result.compile->outcome == domain::execution_outcome::compile_error) {
    r.stdout_text = domain::displayable_output(result.compile->stdout_text);
    r.stderr_text = domain::displayable_output(result.compile->stderr_text);
    if (r.stderr_text.empty()) r.stderr_text = result.compile->message;
    r.truncated = result.compile->stdout_truncated || result.compile->stderr_truncated;
    r.exit_code = result.compile->exit_code;
  } else if (shown) {
    r.stdout_text = domain::displayable_output(shown->stdout_text);
    r.stderr_text = domain::displayable_output(shown->stderr_text);
    // The sandbox's reason ("stopped: more than 5 s of CPU time") when the program said nothing.
    if (r.stderr_text.empty()) r.stderr_text = shown->message;
    r.truncated = shown->stdout_truncated || shown->stderr_truncated;
    r.exit_code = shown->exit_code;
  }
  r.status = domain::run_status::finished;
  r.duration_ms = wall;
  r.finished_at = now;
  return r;
}

} // namespace

run_service::run_service(context& ctx)
    : ctx_(ctx), checked_(std::make_unique<asio::steady_timer>(ctx.io, asio::steady_timer::time_point::max())) {}

run_service::~run_service() = default;

void run_service::checking() { checking_ = true; }

void run_service::attach(sandbox::pool* workers, sandbox::self_test_report report) {
  workers_ = workers;
  report_ = std::move(report);
  checking_ = false;
  checked_->cancel();
}

awaitable<void> run_service::wait_for_check() {
  if (!checking_) co_return;
  boost::system::error_code ec;
  co_await checked_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
}

awaitable<json::object> run_service::runtimes() {
  co_await wait_for_check();
  json::array out;
  if (report_ && report_->confined)
    for (const auto& r : report_->runtimes)
      out.push_back(json::object{{"language", domain::to_string(r.language)}, {"version", r.version}});
  co_return json::object{{"runtimes", std::move(out)}};
}

awaitable<outcome<domain::run>> run_service::start(std::string user_id, std::string room_id, run_request req) {
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv || domain::role_of(*iv, user_id) == domain::role::none) co_return fail(errc::not_found, "No interview with that room id.");
  if (!domain::is_active(iv->status)) co_return fail(errc::conflict, "The interview is over: code no longer runs here.");
  auto round = round_of(*iv, req.round);
  if (!round) co_return round.error();
  // `language` and `code` default to the round's shared document at the time of the request.
  if (!req.code || !req.language) {
    auto doc = co_await ctx_.executor.run(
        [&] { return ctx_.db.open_workspace({room_id, user_id, round->number, ctx_.clock.now()}); });
    if (!doc) co_return doc.error();
    if (!req.code) req.code = std::move(doc->ws.doc);
    if (!req.language) req.language = std::string(domain::to_string(doc->ws.language));
  }
  const auto language = *domain::parse_code_language(*req.language);
  co_await wait_for_check();
  if (!workers_ || stopping_ || !report_ || !report_->confined || !report_->available(language))
    co_return fail(errc::unavailable, "Code runs are not available on this server right now.");
  if (workers_->queued() >= 900) co_return fail(errc::unavailable, "Every code runner is busy; try again in a moment.");

  auto p = std::make_shared<pending>();
  auto& r = p->run;
  r.id = new_id("run");
  r.room_id = room_id;
  r.round = round->number;
  r.by.id = user_id;
  r.language = language;
  r.created_at = ctx_.clock.now();
  sandbox::job job{language, std::move(*req.code), {}};
  if (req.stdin_text) {
    p->with_stdin = true;
    job.inputs.push_back(std::move(*req.stdin_text));
  } else {
    for (const auto& q : round->questions)
      for (const auto& t : store::question_tests(q.id)) {
        r.tests.push_back({std::string(t.name), false, std::string(t.input), std::string(t.expected_output), ""});
        job.inputs.emplace_back(t.input);
      }
    if (job.inputs.empty()) job.inputs.emplace_back(); // once on empty input
  }
  auto created = co_await ctx_.executor.run([&] { return ctx_.db.create_run(r, domain::run_rate); });
  if (!created) co_return created.error();
  r = *created;
  const std::string other = domain::other_participant(*iv, user_id);
  const auto started_payload = json::serialize(json::object{{"run", run_json(r)}});
  for (const std::string* id : {static_cast<const std::string*>(&user_id), &other}) ctx_.events.publish({bus::user_topic{*id}, "run-started", started_payload});

  ++unfinished_;
  auto io = ctx_.io;
  const auto run_id = r.id;
  const auto accepted = workers_->submit(
      std::move(job),
      [this, io, p](sandbox::job_result result) {
        asio::post(io, [this, io, p, result = std::move(result)]() mutable {
          asio::co_spawn(io, finish(p, std::move(result)), [](std::exception_ptr e) { log_failure(e, "finishing a run"); });
        });
      },
      [this, io, run_id] {
        asio::post(io, [this, io, run_id] {
          asio::co_spawn(io, mark_running(run_id), [](std::exception_ptr e) { log_failure(e, "starting a run"); });
        });
      });
  if (accepted != sandbox::pool::submit_status::accepted) {
    sandbox::job none{language, {}, std::vector<std::string>(r.tests.empty() ? 1 : r.tests.size())};
    auto result = sandbox::uniform_result(none, domain::execution_outcome::not_run, "not run: every code runner was busy; run it again");
    asio::co_spawn(ctx_.io, finish(p, std::move(result)), [](std::exception_ptr e) { log_failure(e, "finishing a run"); });
  }
  co_return r;
}

awaitable<void> run_service::mark_running(std::string run_id) {
  co_await ctx_.executor.run([&] { return ctx_.db.start_run(run_id); });
}

awaitable<void> run_service::finish(std::shared_ptr<pending> p, sandbox::job_result result) {
  struct countdown {
    std::size_t& n;
    ~countdown() { --n; }
  } done{unfinished_};
  const auto out = finished(p->run, p->with_stdin, result, ctx_.clock.now());
  auto saved = co_await ctx_.executor.run([&] { return ctx_.db.finish_run(out); });
  if (!saved) co_return;
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(saved->room_id); });
  if (!iv) co_return;
  const auto payload = json::serialize(json::object{{"run", run_json(*saved)}});
  for (const auto* id : {&iv->inviter.id, &iv->invitee.id}) ctx_.events.publish({bus::user_topic{*id}, "run-finished", payload});
}

awaitable<void> run_service::stop() {
  stopping_ = true;
  if (workers_) workers_->shutdown(); // kills what runs; what waits completes as not run
  // The completions were posted here; let them write their verdicts (bounded: the database).
  asio::steady_timer timer{ctx_.io};
  for (int i = 0; i < 100 && unfinished_ > 0; ++i) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(asio::use_awaitable);
  }
}

awaitable<outcome<std::vector<domain::run>>> run_service::list(std::string user_id, std::string room_id) {
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv || domain::role_of(*iv, user_id) == domain::role::none) co_return fail(errc::not_found, "No interview with that room id.");
  co_return co_await ctx_.executor.run([&] { return ctx_.db.list_runs(room_id); });
}

awaitable<outcome<domain::run>> run_service::find(std::string user_id, std::string room_id, std::string run_id) {
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv || domain::role_of(*iv, user_id) == domain::role::none) co_return fail(errc::not_found, "No interview with that room id.");
  auto found = co_await ctx_.executor.run([&] { return ctx_.db.find_run(room_id, run_id); });
  if (!found) co_return fail(errc::not_found, "No run with that id in this interview.");
  co_return std::move(*found);
}

} // namespace mm::services
