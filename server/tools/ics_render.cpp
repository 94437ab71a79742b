// ics-render: writes the .ics of one event with the server's code, for the cross-check against an
// independent parser (tests/schedule/ics_crosscheck.test.js). Reads one JSON object on stdin:
//   {uid, dtstamp, start, end (ISO 8601 UTC with ms), summary, url, sequence,
//    status ("tentative" | "confirmed" | "cancelled"), alarmMinutes,
//    description | questions: [title] (then the description is ics_description(questions, url))}
// and writes the calendar to stdout; exit 1 with a message on stderr for bad input.
#include "services/calendar_ics.hpp"

#include <boost/json/parse.hpp>

#include <iostream>
#include <iterator>
#include <string>

namespace {

namespace json = boost::json;
using namespace mm;

std::string text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

domain::time_point time(const json::object& o, std::string_view key) {
  auto t = domain::from_iso8601(text(o, key));
  if (!t) throw std::invalid_argument(std::string(key) + " must be an ISO 8601 UTC time with milliseconds");
  return *t;
}

int number(const json::object& o, std::string_view key, int fallback) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? static_cast<int>(v->get_int64()) : fallback;
}

} // namespace

int main() try {
  const std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  const auto o = json::parse(input).as_object();
  services::calendar_event e;
  e.uid = text(o, "uid");
  e.dtstamp = time(o, "dtstamp");
  e.start = time(o, "start");
  e.end = time(o, "end");
  e.summary = text(o, "summary");
  e.url = text(o, "url");
  e.sequence = number(o, "sequence", 0);
  e.alarm_minutes_before = number(o, "alarmMinutes", 10);
  const auto status = text(o, "status");
  e.status = status == "cancelled"   ? services::calendar_status::cancelled
             : status == "confirmed" ? services::calendar_status::confirmed
                                     : services::calendar_status::tentative;
  if (const auto* questions = o.if_contains("questions")) {
    std::vector<std::string> titles;
    for (const auto& q : questions->as_array()) titles.emplace_back(q.as_string());
    e.description = services::ics_description(titles, e.url);
  } else {
    e.description = text(o, "description");
  }
  std::cout << services::render_ics(e);
  return std::cout.flush() ? 0 : 1;
} catch (const std::exception& ex) {
  std::cerr << "ics-render: " << ex.what() << '\n';
  return 1;
}
