#pragma once
// The contract's JSON objects (API.md, "Objects"), built in one place for HTTP and Socket.IO.
#include "domain/chat.hpp"
#include "domain/error.hpp"
#include "domain/run.hpp"
#include "domain/types.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace mm::services {

boost::json::object user_json(const domain::user& u, bool with_email);
boost::json::object profile_json(const domain::profile& p);
boost::json::object partner_json(const domain::partner& p);
boost::json::object question_json(const domain::question& q);
// `now` gives expiresInMs while pending.
boost::json::object interview_json(const domain::interview& iv, domain::time_point now);
// {questionId: [hint]}: what the interviewer (the inviter) sees beside the questions; never
// part of `question`, so the candidate's copy carries none.
boost::json::object hints_json(const domain::interview& iv);
boost::json::object feedback_json(const domain::feedback& f);
// {id, roomId, from: {id, name}, text, sentAt} (API.md v2, "In-room chat")
boost::json::object chat_message_json(const domain::chat_message& m);
// The contract's `run` (API.md v2, "Running code").
boost::json::object run_json(const domain::run& r);
// {"code": ..., "message": ...} (plus retryAfterSeconds for rate_limited)
boost::json::object error_json(const domain::failure& f);

} // namespace mm::services
