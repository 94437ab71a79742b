#pragma once
// The contract's JSON objects (API.md, "Objects"), built in one place for HTTP and Socket.IO.
#include "domain/chat.hpp"
#include "domain/error.hpp"
#include "domain/trust_rules.hpp"
#include "domain/run.hpp"
#include "domain/types.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace mm::services {

boost::json::object user_json(const domain::user& u, bool with_email);
boost::json::object profile_json(const domain::profile& p);
boost::json::object partner_json(const domain::partner& p);
// {completed, noShows, left, score}
boost::json::object reliability_json(const domain::reliability& r);
// With `tests`: the bank's examples for coding questions, [] for the others.
boost::json::object question_json(const domain::question& q);
// {number, interviewer, candidate, questions, startedAt, endedAt, elapsedMs, plannedMinutes};
// elapsedMs counts to `now` while the round runs, else null.
boost::json::object round_json(const domain::interview_round& r, domain::time_point now);
// `now` gives expiresInMs while pending and the running round's elapsedMs; with `origin` and
// `rounds` (the participants are the only ones who ever see an interview).
boost::json::object interview_json(const domain::interview& iv, domain::time_point now);
// {questionId: [hint]}: what the interviewer (the inviter) sees beside the questions; never
// part of `question`, so the candidate's copy carries none.
boost::json::object hints_json(const domain::interview& iv);
// The same for some questions: the current round's (round_service::hints).
boost::json::object hints_json(const std::vector<domain::question>& questions);
boost::json::object feedback_json(const domain::feedback& f);
// {user: {id, name}, createdAt}
boost::json::object block_json(const domain::block& b);
// Everything a moderator reads: {id, reporter, reported, roomId, reason, details, createdAt}.
boost::json::object report_json(const domain::report& r);
// {id, roomId, from: {id, name}, text, sentAt} (API.md v2, "In-room chat")
boost::json::object chat_message_json(const domain::chat_message& m);
// The contract's `run` (API.md v2, "Running code").
boost::json::object run_json(const domain::run& r);
// {"code": ..., "message": ...} (plus retryAfterSeconds for rate_limited)
boost::json::object error_json(const domain::failure& f);

} // namespace mm::services
