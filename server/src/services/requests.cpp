#include "services/requests.hpp"

#include "domain/code_language.hpp"
#include "domain/enum_names.hpp"
#include "domain/profile_rules.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>

namespace mm::services {

namespace json = boost::json;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {

constexpr auto invalid = domain::invalid_field;

outcome<const json::object*> as_object(const json::value& v) {
  if (!v.is_object()) return fail(errc::validation_failed, "body must be a JSON object.");
  return &v.get_object();
}

outcome<std::string> required_string(const json::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return invalid(field, "is required.");
  if (!it->value().is_string()) return invalid(field, "must be a string.");
  return std::string(it->value().get_string());
}

// nullopt: absent; optional<nullopt>: null.
outcome<std::optional<std::optional<std::string>>> optional_text(const json::object& o, std::string_view field,
                                                                 std::size_t max) {
  auto it = o.find(field);
  if (it == o.end()) return std::optional<std::optional<std::string>>{};
  if (it->value().is_null()) return std::optional<std::optional<std::string>>{std::optional<std::string>{}};
  if (!it->value().is_string()) return invalid(field, "must be a string or null.");
  std::string s(it->value().get_string());
  if (auto f = domain::check_text(field, s, 0, max)) return *f;
  if (s.empty()) return std::optional<std::optional<std::string>>{std::optional<std::string>{}};
  return std::optional<std::optional<std::string>>{std::optional<std::string>{std::move(s)}};
}

outcome<std::vector<std::string>> string_list(const json::value& v, std::string_view field) {
  if (!v.is_array()) return invalid(field, "must be an array of strings.");
  std::vector<std::string> out;
  for (const auto& item : v.get_array()) {
    if (!item.is_string()) return invalid(field, "must be an array of strings.");
    out.emplace_back(item.get_string());
  }
  return out;
}

outcome<std::optional<int>> score(const json::object& o, std::string_view field, std::string_view name, bool required) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) {
    if (required) return invalid(name, "is required.");
    return std::optional<int>{};
  }
  const auto& v = it->value();
  std::int64_t n = 0;
  if (v.is_int64()) n = v.get_int64();
  else if (v.is_uint64() && v.get_uint64() < 100) n = static_cast<std::int64_t>(v.get_uint64());
  else if (v.is_double() && v.get_double() >= 1 && v.get_double() <= 5 &&
           v.get_double() == static_cast<double>(static_cast<std::int64_t>(v.get_double())))
    n = static_cast<std::int64_t>(v.get_double());
  else return invalid(name, "must be a whole number from 1 to 5.");
  if (n < 1 || n > 5) return invalid(name, "must be a whole number from 1 to 5.");
  return std::optional<int>{static_cast<int>(n)};
}

} // namespace

outcome<register_request> parse_register(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  register_request r;
  for (auto [field, target] : {std::pair{"email", &r.email}, {"password", &r.password}, {"name", &r.name}}) {
    auto s = required_string(**o, field);
    if (!s) return s.error();
    *target = std::move(*s);
  }
  return r;
}

outcome<login_request> parse_login(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  auto email = required_string(**o, "email");
  if (!email) return email.error();
  auto password = required_string(**o, "password");
  if (!password) return password.error();
  return login_request{std::move(*email), std::move(*password)};
}

outcome<profile_patch> parse_profile_patch(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  const auto& obj = **o;
  profile_patch p;
  for (auto [field, target, max] :
       {std::tuple{"headline", &p.headline, domain::limits::headline}, {"targetRole", &p.target_role, domain::limits::target_role},
        {"timezone", &p.timezone, std::size_t{64}}, {"bio", &p.bio, domain::limits::bio}}) {
    auto t = optional_text(obj, field, max);
    if (!t) return t.error();
    *target = std::move(*t);
  }
  if (auto it = obj.find("experienceLevel"); it != obj.end()) {
    if (it->value().is_null()) p.level = std::optional<domain::experience_level>{};
    else if (!it->value().is_string()) return invalid("experienceLevel", "must be one of student, junior, mid, senior, staff.");
    else if (auto level = domain::parse_experience_level(it->value().get_string())) p.level = level;
    else return invalid("experienceLevel", "must be one of student, junior, mid, senior, staff.");
  }
  for (auto [field, target, max_items, max_item] :
       {std::tuple{"topics", &p.topics, domain::limits::topics, domain::limits::topic},
        {"languages", &p.languages, domain::limits::languages, domain::limits::language}}) {
    auto it = obj.find(field);
    if (it == obj.end()) continue;
    if (it->value().is_null()) {
      *target = std::vector<std::string>{};
      continue;
    }
    auto list = string_list(it->value(), field);
    if (!list) return list.error();
    if (auto f = domain::check_list(field, *list, max_items, max_item)) return *f;
    std::vector<std::string> unique;
    for (auto& item : *list)
      if (std::find(unique.begin(), unique.end(), item) == unique.end()) unique.push_back(std::move(item));
    *target = std::move(unique);
  }
  if (auto it = obj.find("available"); it != obj.end()) {
    if (!it->value().is_bool()) return invalid("available", "must be true or false.");
    p.available = it->value().get_bool();
  }
  return p;
}

namespace {
// `questionIds` of an invitation or a round: 1 to 5 distinct strings (whether they name
// questions is the store's, inside its transaction).
outcome<std::vector<std::string>> question_ids(const json::object& o) {
  auto it = o.find("questionIds");
  if (it == o.end() || it->value().is_null()) return invalid("questionIds", "is required.");
  auto ids = string_list(it->value(), "questionIds");
  if (!ids) return ids.error();
  if (ids->empty() || ids->size() > domain::limits::question_ids_max)
    return invalid("questionIds", "must list 1 to 5 questions.");
  if (std::set<std::string>(ids->begin(), ids->end()).size() != ids->size())
    return invalid("questionIds", "must not repeat a question.");
  return ids;
}
} // namespace

outcome<invitation_request> parse_invitation(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  auto invitee = required_string(**o, "inviteeId");
  if (!invitee) return invitee.error();
  if (invitee->empty()) return invalid("inviteeId", "is required.");
  auto ids = question_ids(**o);
  if (!ids) return ids.error();
  return invitation_request{std::move(*invitee), std::move(*ids)};
}

outcome<start_round_request> parse_start_round(const json::value& v) {
  auto room = parse_room(v);
  if (!room) return room.error();
  auto ids = question_ids(v.get_object());
  if (!ids) return ids.error();
  return start_round_request{std::move(room->room_id), std::move(*ids)};
}

outcome<room_request> parse_room(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  auto room = required_string(**o, "roomId");
  if (!room) return room.error();
  if (room->empty() || room->size() > 128) return invalid("roomId", "must be a room id.");
  return room_request{std::move(*room)};
}

outcome<answer_request> parse_answer(const json::value& v) {
  auto room = parse_room(v);
  if (!room) return room.error();
  auto it = v.get_object().find("accept");
  if (it == v.get_object().end() || !it->value().is_bool()) return invalid("accept", "must be true or false.");
  return answer_request{std::move(room->room_id), it->value().get_bool()};
}

outcome<signal_request> parse_signal(const json::value& v, std::string_view field) {
  auto room = parse_room(v);
  if (!room) return room.error();
  auto it = v.get_object().find(field);
  if (it == v.get_object().end() || it->value().is_null()) return invalid(field, "is required.");
  if (field == "sdp") {
    if (!it->value().is_string()) return invalid("sdp", "must be a string.");
    if (it->value().get_string().size() > 64 * 1024) return fail(errc::payload_too_large, "sdp must be at most 64 KiB.");
  } else {
    if (!it->value().is_object()) return invalid("candidate", "must be an object.");
    if (json::serialize(it->value()).size() > 2 * 1024) return fail(errc::payload_too_large, "candidate must be at most 2 KiB.");
  }
  return signal_request{std::move(room->room_id), it->value()};
}

outcome<feedback_request> parse_feedback(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  const auto& obj = **o;
  feedback_request r;
  auto rating = score(obj, "rating", "rating", true);
  if (!rating) return rating.error();
  r.rating = **rating;
  if (auto it = obj.find("rubric"); it != obj.end() && !it->value().is_null()) {
    if (!it->value().is_object()) return invalid("rubric", "must be an object.");
    const auto& rub = it->value().get_object();
    for (auto [field, name, target] :
         {std::tuple{"problemSolving", "rubric.problemSolving", &r.scores.problem_solving},
          {"communication", "rubric.communication", &r.scores.communication},
          {"codeQuality", "rubric.codeQuality", &r.scores.code_quality}}) {
      auto s = score(rub, field, name, false);
      if (!s) return s.error();
      *target = *s;
    }
  }
  auto comments = optional_text(obj, "comments", 4000);
  if (!comments) return comments.error();
  if (*comments) r.comments = **comments;
  return r;
}

outcome<watch_request> parse_watch(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  auto it = (*o)->find("userIds");
  if (it == (*o)->end()) return invalid("userIds", "is required.");
  auto ids = string_list(it->value(), "userIds");
  if (!ids) return ids.error();
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& id : *ids)
    if (seen.insert(id).second) unique.push_back(std::move(id));
  if (unique.size() > 200) return invalid("userIds", "must list at most 200 users.");
  return watch_request{std::move(unique)};
}

outcome<chat_request> parse_chat(const json::value& v) {
  auto room = parse_room(v);
  if (!room) return room.error();
  auto text = required_string(v.get_object(), "text");
  if (!text) return text.error();
  return chat_request{std::move(room->room_id), std::move(*text)};
}

outcome<run_request> parse_run(const json::value& v) {
  auto o = as_object(v);
  if (!o) return o.error();
  run_request r;
  if (auto it = (*o)->find("round"); it != (*o)->end() && !it->value().is_null()) {
    const auto& n = it->value();
    const bool one = (n.is_int64() && n.get_int64() == 1) || (n.is_uint64() && n.get_uint64() == 1) || (n.is_double() && n.get_double() == 1);
    const bool two = (n.is_int64() && n.get_int64() == 2) || (n.is_uint64() && n.get_uint64() == 2) || (n.is_double() && n.get_double() == 2);
    if (!one && !two) return invalid("round", "must be 1 or 2.");
    r.round = one ? 1 : 2;
  }
  auto text = [&](std::string_view field, std::optional<std::string>& out) -> std::optional<domain::failure> {
    auto it = (*o)->find(field);
    if (it == (*o)->end() || it->value().is_null()) return std::nullopt;
    if (!it->value().is_string()) return invalid(field, "must be a string.");
    out = std::string(it->value().get_string());
    return std::nullopt;
  };
  for (auto [field, target] : {std::pair{"language", &r.language}, {"code", &r.code}, {"stdin", &r.stdin_text}})
    if (auto f = text(field, *target)) return *f;
  if (r.language && !domain::parse_code_language(*r.language))
    return invalid("language", "must be one of python, javascript, cpp.");
  if (r.code && domain::utf8_length(*r.code) > 200'000)
    return fail(errc::payload_too_large, "code must be at most 200000 characters.");
  if (r.stdin_text && r.stdin_text->size() > 1024 * 1024) return fail(errc::payload_too_large, "stdin must be at most 1 MiB.");
  return r;
}

} // namespace mm::services
