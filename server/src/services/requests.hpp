#pragma once
// Typed requests parsed from JSON bodies and Socket.IO payloads, shared by the HTTP and
// real-time adapters. Each parser checks presence and JSON types and answers
// validation_failed naming the field; limits that need no database are checked here too.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mm::services {

struct register_request {
  std::string email, password, name;
};
struct login_request {
  std::string email, password;
};

// Absent fields stay as they are; null clears an optional text field.
struct profile_patch {
  std::optional<std::optional<std::string>> headline, target_role, timezone, bio;
  std::optional<std::optional<domain::experience_level>> level;
  std::optional<std::vector<std::string>> topics, languages;
  std::optional<bool> available;
};

struct invitation_request {
  std::string invitee_id;
  std::vector<std::string> question_ids;
};
struct room_request {
  std::string room_id;
};
struct answer_request {
  std::string room_id;
  bool accept = false;
};
struct signal_request {
  std::string room_id;
  boost::json::value data; // sdp: a string; candidate: an object
};
struct feedback_request {
  int rating = 0;
  domain::rubric scores;
  std::optional<std::string> comments;
};
struct watch_request {
  std::vector<std::string> user_ids;
};
struct start_round_request {
  std::string room_id;
  std::vector<std::string> question_ids;
};

// chat-message {roomId, text}: both strings (the text's rules are domain::check_chat_text).
struct chat_request {
  std::string room_id;
  std::string text;
};

// POST .../runs {round?, language?, code?, stdin?}: round 1 or 2; language python,
// javascript or cpp; code at most 200,000 characters and stdin at most 1 MiB
// (payload_too_large beyond).
struct run_request {
  std::optional<int> round;
  std::optional<std::string> language;
  std::optional<std::string> code;
  std::optional<std::string> stdin_text;
};

domain::outcome<register_request> parse_register(const boost::json::value& v);
domain::outcome<login_request> parse_login(const boost::json::value& v);
domain::outcome<profile_patch> parse_profile_patch(const boost::json::value& v);
domain::outcome<invitation_request> parse_invitation(const boost::json::value& v);
domain::outcome<room_request> parse_room(const boost::json::value& v);
domain::outcome<answer_request> parse_answer(const boost::json::value& v);
// field: "sdp" (string, at most 64 KiB) or "candidate" (object, at most 2 KiB as JSON);
// payload_too_large beyond.
domain::outcome<signal_request> parse_signal(const boost::json::value& v, std::string_view field);
domain::outcome<feedback_request> parse_feedback(const boost::json::value& v);
domain::outcome<watch_request> parse_watch(const boost::json::value& v);
// start-round {roomId, questionIds}: questionIds as an invitation's.
domain::outcome<start_round_request> parse_start_round(const boost::json::value& v);
domain::outcome<chat_request> parse_chat(const boost::json::value& v);
domain::outcome<run_request> parse_run(const boost::json::value& v);

} // namespace mm::services
