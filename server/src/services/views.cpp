#include "services/views.hpp"

#include "domain/enum_names.hpp"
#include "domain/trust_rules.hpp"
#include "domain/round_rules.hpp"
#include "store/question_tests.hpp"

#include <boost/json/array.hpp>
#include <cmath>

namespace mm::services {

namespace json = boost::json;
using domain::to_iso8601;

namespace {
json::value opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value opt(const std::optional<domain::time_point>& t) { return t ? json::value(to_iso8601(*t)) : json::value(nullptr); }
json::value opt(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}
json::object party_json(const domain::party& p) { return {{"id", p.id}, {"name", p.name}}; }
} // namespace

json::object user_json(const domain::user& u, bool with_email) {
  json::object o{{"id", u.id}, {"name", u.name}, {"createdAt", to_iso8601(u.created_at)}};
  if (with_email) o["email"] = u.email;
  return o;
}

json::object profile_json(const domain::profile& p) {
  return {
      {"headline", opt(p.headline)},
      {"targetRole", opt(p.target_role)},
      {"experienceLevel", p.level ? json::value(domain::to_string(*p.level)) : json::value(nullptr)},
      {"topics", strings(p.topics)},
      {"languages", strings(p.languages)},
      {"timezone", opt(p.timezone)},
      {"bio", opt(p.bio)},
      {"available", p.available},
  };
}

json::object partner_json(const domain::partner& p) {
  return {{"id", p.id},         {"name", p.name}, {"profile", profile_json(p.prof)},
          {"online", p.online}, {"busy", p.busy}, {"matchScore", p.match_score},
          {"reliability", reliability_json(p.record)}};
}

json::object reliability_json(const domain::reliability& r) {
  return {{"completed", r.completed},
          {"noShows", r.no_shows},
          {"left", r.left},
          {"score", r.score ? json::value(*r.score) : json::value(nullptr)}};
}

// `tests` come from the bank's examples (store/question_tests.hpp), keyed by the slug that is the
// question's id: [] for questions that are not coding questions.
json::object question_json(const domain::question& q) {
  json::array tests;
  for (const auto& t : store::question_tests(q.id))
    tests.push_back(json::object{{"name", t.name}, {"input", t.input}, {"expectedOutput", t.expected_output}});
  return {{"id", q.id},         {"title", q.title},           {"body", q.body},
          {"category", q.category}, {"difficulty", q.difficulty}, {"tests", std::move(tests)}};
}

json::object round_json(const domain::interview_round& r, domain::time_point now) {
  json::array questions;
  for (const auto& q : r.questions) questions.push_back(question_json(q));
  const auto elapsed = domain::round_elapsed_ms(r.started_at, r.ended_at, now);
  return {
      {"number", r.number},
      {"interviewer", party_json(r.interviewer)},
      {"candidate", party_json(r.candidate)},
      {"questions", std::move(questions)},
      {"startedAt", to_iso8601(r.started_at)},
      {"endedAt", opt(r.ended_at)},
      {"elapsedMs", elapsed ? json::value(*elapsed) : json::value(nullptr)},
      {"plannedMinutes", r.planned_minutes},
  };
}

json::object interview_json(const domain::interview& iv, domain::time_point now) {
  json::array questions;
  for (const auto& q : iv.questions) questions.push_back(question_json(q));
  json::array rounds;
  for (const auto& r : iv.rounds) rounds.push_back(round_json(r, now));
  const bool pending = iv.status == domain::interview_status::pending;
  json::value expires_in = nullptr;
  if (pending) expires_in = std::max<std::int64_t>(0, (iv.expires_at - now).count());
  const auto reason = domain::to_string(iv.reason);
  return {
      {"roomId", iv.room_id},
      {"status", domain::to_string(iv.status)},
      {"inviter", party_json(iv.inviter)},
      {"invitee", party_json(iv.invitee)},
      {"questions", std::move(questions)},
      {"createdAt", to_iso8601(iv.created_at)},
      {"expiresAt", to_iso8601(iv.expires_at)},
      {"expiresInMs", expires_in},
      {"respondedAt", opt(iv.responded_at)},
      {"startedAt", opt(iv.started_at)},
      {"endedAt", opt(iv.ended_at)},
      {"reason", reason.empty() ? json::value(nullptr) : json::value(reason)},
      {"absent", iv.status == domain::interview_status::abandoned ? opt(iv.absent) : json::value(nullptr)},
      {"origin", domain::to_string(iv.origin)},
      {"rounds", std::move(rounds)},
  };
}

json::object hints_json(const domain::interview& iv) { return hints_json(iv.questions); }

json::object hints_json(const std::vector<domain::question>& questions) {
  json::object out;
  for (const auto& q : questions) out[q.id] = strings(q.hints);
  return out;
}

json::object feedback_json(const domain::feedback& f) {
  return {
      {"id", f.id},
      {"roomId", f.room_id},
      {"from", party_json(f.from)},
      {"rating", f.rating},
      {"rubric",
       json::object{{"problemSolving", opt(f.scores.problem_solving)},
                    {"communication", opt(f.scores.communication)},
                    {"codeQuality", opt(f.scores.code_quality)}}},
      {"comments", opt(f.comments)},
      {"createdAt", to_iso8601(f.created_at)},
  };
}

json::object block_json(const domain::block& b) {
  return {{"user", party_json(b.user)}, {"createdAt", to_iso8601(b.created_at)}};
}

json::object report_json(const domain::report& r) {
  return {{"id", r.id},
          {"reporter", party_json(r.reporter)},
          {"reported", party_json(r.reported)},
          {"roomId", opt(r.room_id)},
          {"reason", domain::to_string(r.reason)},
          {"details", opt(r.details)},
          {"createdAt", to_iso8601(r.created_at)}};
}

json::object chat_message_json(const domain::chat_message& m) {
  return {{"id", m.id}, {"roomId", m.room_id}, {"from", party_json(m.from)}, {"text", m.text}, {"sentAt", to_iso8601(m.sent_at)}};
}

json::object run_json(const domain::run& r) {
  json::array tests;
  for (const auto& t : r.tests)
    tests.push_back(json::object{{"name", t.name},
                                 {"passed", t.passed},
                                 {"input", t.input},
                                 {"expectedOutput", t.expected_output},
                                 {"actualOutput", r.status == domain::run_status::finished ? json::value(t.actual_output) : nullptr}});
  return {
      {"id", r.id},
      {"roomId", r.room_id},
      {"round", r.round},
      {"by", party_json(r.by)},
      {"language", domain::to_string(r.language)},
      {"status", domain::to_string(r.status)},
      {"verdict", r.verdict ? json::value(domain::to_string(*r.verdict)) : nullptr},
      {"exitCode", r.exit_code ? json::value(*r.exit_code) : nullptr},
      {"stdout", r.stdout_text},
      {"stderr", r.stderr_text},
      {"truncated", r.truncated},
      {"tests", std::move(tests)},
      {"durationMs", r.duration_ms ? json::value(*r.duration_ms) : nullptr},
      {"createdAt", to_iso8601(r.created_at)},
      {"finishedAt", r.finished_at ? json::value(to_iso8601(*r.finished_at)) : nullptr},
  };
}

json::object error_json(const domain::failure& f) {
  json::object o{{"code", domain::code_name(f.code)}, {"message", f.message}};
  if (f.code == domain::errc::rate_limited) o["retryAfterSeconds"] = static_cast<std::int64_t>(std::ceil(f.retry_after_seconds));
  return o;
}

} // namespace mm::services
