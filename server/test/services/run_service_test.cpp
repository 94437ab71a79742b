// run_service (API.md v2, "Running code") on a real SQLite store and a real worker pool over a
// scripted runner (the bubblewrap runner has its own suite, server/test/sandbox): the run as
// queued, running and finished, run-started and run-finished to both participants, verdicts
// from the round's question tests, stdin runs, and unavailable without a sandbox.
#include "service_fixture.hpp"

#include "services/run_service.hpp"
#include "store/question_tests.hpp"

#include <chrono>
#include <map>
#include <thread>

namespace mm::test {
namespace {

using bus::user_topic;
using domain::execution_outcome;
using domain::run_verdict;

// Scripted programs: "solve" prints the expected output of the test whose input it reads (from
// `answers`); "echo" prints its input; "wrong" prints "nope"; "broken" does not compile (the
// compile fails); "crash" exits 1 with a message on stderr.
class scripted_runner final : public sandbox::runner {
public:
  sandbox::self_test_report self_test(std::span<const domain::code_language>) override { return report(); }
  sandbox::self_test_report report() const override {
    sandbox::self_test_report r;
    r.confined = true;
    r.runtimes = {{domain::code_language::python, "3.11.2"}, {domain::code_language::cpp, "12.2.0"}};
    return r;
  }
  sandbox::job_result run(const sandbox::job& j, std::stop_token) override {
    sandbox::job_result out;
    if (j.code == "broken") {
      out.compile = sandbox::execution_result{};
      out.compile->outcome = execution_outcome::compile_error;
      out.compile->exit_code = 1;
      out.compile->stderr_text = "main.cpp:1:1: error: expected unqualified-id";
      for (std::size_t i = 0; i < j.inputs.size(); ++i) out.executions.push_back({.outcome = execution_outcome::compile_error});
      return out;
    }
    for (const auto& input : j.inputs) {
      sandbox::execution_result e;
      e.wall_time = domain::milliseconds{10};
      if (j.code == "crash") {
        e.outcome = execution_outcome::nonzero_exit;
        e.exit_code = 1;
        e.stderr_text = "Traceback: boom";
      } else {
        e.outcome = execution_outcome::ok;
        e.exit_code = 0;
        e.stdout_text = j.code == "solve" ? answers.at(input) : j.code == "echo" ? input : "nope\n";
      }
      out.executions.push_back(std::move(e));
    }
    return out;
  }
  std::map<std::string, std::string> answers; // input -> expected output; written before any run
};

class run_service : public service_fixture {
protected:
  run_service() {
    for (std::size_t i = 0; i < 2; ++i)
      for (const auto& t : store::question_tests(question_ids[i])) runner.answers[std::string(t.input)] = std::string(t.expected_output);
    runs.attach(&workers, runner.report());
  }
  ~run_service() override { workers.shutdown(); }

  scripted_runner runner;
  sandbox::pool workers{runner, 1};
  services::run_service runs{ctx};
  domain::user ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");

  std::string accepted() {
    auto sent = run(invitations.send(ada.id, invitation_to(bob)));
    EXPECT_TRUE(sent);
    EXPECT_TRUE(run(invitations.answer(bob.id, sent->iv.room_id, true)));
    published.clear();
    return sent->iv.room_id;
  }
  // Drives the io_context until run-finished reached both participants (5 s at most).
  boost::json::value finished_run() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < until) {
      if (!events_to(user_topic{ada.id}).empty() && events_to(user_topic{ada.id}).back() == "run-finished" &&
          events_to(user_topic{bob.id}).back() == "run-finished")
        return last_payload(user_topic{bob.id}, "run-finished").at("run");
      io.restart();
      io.run_for(std::chrono::milliseconds(5));
    }
    ADD_FAILURE() << "no run-finished within 5 s";
    return nullptr;
  }
  std::size_t test_count() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < 2; ++i) n += store::question_tests(question_ids[i]).size();
    return n;
  }
  services::run_request code(std::string program, std::optional<std::string> language = std::nullopt) {
    services::run_request r;
    r.code = std::move(program);
    r.language = std::move(language);
    return r;
  }
};

TEST_F(run_service, a_run_over_the_questions_tests_is_queued_then_passed_and_both_hear_of_it) {
  const auto room = accepted();
  auto queued = run(runs.start(bob.id, room, code("solve")));
  ASSERT_TRUE(queued) << queued.error().message;
  EXPECT_EQ(queued->status, domain::run_status::queued);
  EXPECT_EQ(queued->round, 1);
  EXPECT_EQ(queued->language, domain::code_language::python);
  EXPECT_EQ(queued->by.name, "bob");
  ASSERT_GT(test_count(), 0u); // the first two questions of the bank are coding questions
  EXPECT_EQ(queued->tests.size(), test_count());
  for (const auto* id : {&ada.id, &bob.id}) EXPECT_EQ(events_to(user_topic{*id}).front(), "run-started");
  const auto started = last_payload(user_topic{ada.id}, "run-started").at("run");
  EXPECT_EQ(started.at("status").as_string(), "queued");

  const auto done = finished_run();
  ASSERT_TRUE(done.is_object());
  EXPECT_EQ(done.at("status").as_string(), "finished");
  EXPECT_EQ(done.at("id").as_string(), queued->id);
  EXPECT_EQ(done.at("verdict").as_string(), "passed");
  ASSERT_EQ(done.at("tests").as_array().size(), test_count());
  EXPECT_TRUE(done.at("tests").as_array()[0].at("passed").as_bool());
  EXPECT_EQ(done.at("tests").as_array()[0].at("actualOutput"), done.at("tests").as_array()[0].at("expectedOutput"));
  auto stored = run(runs.find(ada.id, room, queued->id));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, domain::run_status::finished);
  EXPECT_TRUE(stored->duration_ms);
}

TEST_F(run_service, a_wrong_answer_fails_and_a_compile_error_is_itself) {
  const auto room = accepted();
  ASSERT_TRUE(run(runs.start(ada.id, room, code("wrong"))));
  auto failed = finished_run();
  ASSERT_TRUE(failed.is_object());
  EXPECT_EQ(failed.at("verdict").as_string(), "failed");
  EXPECT_EQ(failed.at("stdout").as_string(), "nope\n");
  published.clear();
  ASSERT_TRUE(run(runs.start(ada.id, room, code("broken", "cpp"))));
  auto broken = finished_run();
  ASSERT_TRUE(broken.is_object());
  EXPECT_EQ(broken.at("verdict").as_string(), "compile_error");
  EXPECT_NE(std::string(broken.at("stderr").as_string()).find("expected unqualified-id"), std::string::npos);
}

TEST_F(run_service, with_stdin_it_runs_once_and_a_crash_is_a_runtime_error) {
  const auto room = accepted();
  auto r = code("echo");
  r.stdin_text = "hello\n";
  auto queued = run(runs.start(ada.id, room, std::move(r)));
  ASSERT_TRUE(queued);
  EXPECT_TRUE(queued->tests.empty());
  auto ok = finished_run();
  ASSERT_TRUE(ok.is_object());
  EXPECT_EQ(ok.at("verdict").as_string(), "ok");
  EXPECT_EQ(ok.at("stdout").as_string(), "hello\n");
  EXPECT_EQ(ok.at("exitCode").as_int64(), 0);
  published.clear();
  auto c = code("crash");
  c.stdin_text = "";
  ASSERT_TRUE(run(runs.start(ada.id, room, std::move(c))));
  auto crashed = finished_run();
  ASSERT_TRUE(crashed.is_object());
  EXPECT_EQ(crashed.at("verdict").as_string(), "runtime_error");
  EXPECT_EQ(crashed.at("exitCode").as_int64(), 1);
  EXPECT_EQ(crashed.at("stderr").as_string(), "Traceback: boom");
}

TEST_F(run_service, strangers_are_not_found) {
  const auto room = accepted();
  EXPECT_EQ(run(runs.start(eve.id, room, code("echo"))).error().code, errc::not_found);
  EXPECT_EQ(run(runs.list(eve.id, room)).error().code, errc::not_found);
  EXPECT_EQ(run(runs.find(eve.id, room, "run_x")).error().code, errc::not_found);
  EXPECT_TRUE(published.empty());
}

TEST_F(run_service, code_and_language_default_to_the_rounds_document) {
  const auto room = accepted();
  ASSERT_TRUE(ctx.db.set_workspace_language({room, ada.id, 1, clock.now()}, domain::code_language::cpp));
  auto queued = run(runs.start(ada.id, room, services::run_request{}));
  ASSERT_TRUE(queued) << queued.error().message;
  EXPECT_EQ(queued->language, domain::code_language::cpp); // the document's, not python
  const auto done = finished_run();
  ASSERT_TRUE(done.is_object());
  EXPECT_EQ(done.at("verdict").as_string(), "failed"); // the empty document prints "nope"
}

TEST_F(run_service, a_round_that_has_not_started_is_refused) {
  const auto room = accepted();
  auto r = code("echo");
  r.round = 2;
  auto refused = run(runs.start(ada.id, room, std::move(r)));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::validation_failed);
  EXPECT_TRUE(published.empty());
}

TEST_F(run_service, a_language_the_sandbox_cannot_run_is_unavailable) {
  const auto room = accepted();
  auto js = run(runs.start(ada.id, room, code("echo", "javascript")));
  ASSERT_FALSE(js);
  EXPECT_EQ(js.error().code, errc::unavailable);
  services::run_service off{ctx};
  off.attach(nullptr, {});
  EXPECT_EQ(run(off.start(ada.id, room, code("echo"))).error().code, errc::unavailable);
  EXPECT_TRUE(run(off.runtimes()).at("runtimes").as_array().empty());
  EXPECT_EQ(run(runs.runtimes()).at("runtimes").as_array().size(), 2u);
}

} // namespace
} // namespace mm::test
