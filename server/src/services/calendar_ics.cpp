#include "services/calendar_ics.hpp"

#include <chrono>
#include <cstdio>

namespace mm::services {

namespace {

constexpr std::size_t max_octets = 75;

std::string_view status_name(calendar_status s) {
  switch (s) {
  case calendar_status::tentative: return "TENTATIVE";
  case calendar_status::confirmed: return "CONFIRMED";
  case calendar_status::cancelled: return "CANCELLED";
  }
  return "TENTATIVE";
}

// A URI value is not TEXT: nothing to escape, but no control character may end up in the file.
std::string without_controls(std::string_view s) {
  std::string out;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  return out;
}

class writer {
public:
  void line(std::string_view name, std::string_view value) {
    std::string content(name);
    content += ':';
    content += value;
    out_ += ics_fold(content);
  }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
};

} // namespace

std::string ics_escape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
    case '\\': out += "\\\\"; break;
    case ';': out += "\\;"; break;
    case ',': out += "\\,"; break;
    case '\n': out += "\\n"; break;
    case '\r':
      out += "\\n";
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      break;
    default:
      if (c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  std::size_t budget = max_octets; // the first line has 75 octets, continuations 74 after the space
  while (line.size() > budget) {
    std::size_t cut = budget;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut; // not inside a sequence
    if (cut == 0) cut = budget; // not UTF-8 at all: any cut will do, but make progress
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    budget = max_octets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ics_utc(domain::time_point t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{floor<seconds>(t - day)};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string ics_trigger(int minutes_before) {
  if (minutes_before < 0) return "PT" + std::to_string(-minutes_before) + "M";
  if (minutes_before == 0) return "PT0M";
  return "-PT" + std::to_string(minutes_before) + "M";
}

std::string ics_description(const std::vector<std::string>& question_titles, std::string_view link) {
  std::string out = question_titles.size() == 1 ? "Question:" : "Questions:";
  for (const auto& title : question_titles) out += "\n- " + title;
  if (!link.empty()) {
    out += "\n\n";
    out += link;
  }
  return out;
}

calendar_status calendar_status_of(domain::schedule_status s) {
  using domain::schedule_status;
  switch (s) {
  case schedule_status::proposed: return calendar_status::tentative;
  case schedule_status::accepted:
  case schedule_status::started: return calendar_status::confirmed;
  case schedule_status::declined:
  case schedule_status::cancelled:
  case schedule_status::missed: return calendar_status::cancelled;
  }
  return calendar_status::tentative;
}

calendar_event calendar_event_for(const domain::schedule& s, domain::time_point dtstamp, std::string_view link) {
  std::vector<std::string> titles;
  for (const auto& q : s.questions) titles.push_back(q.title);
  calendar_event e;
  e.uid = s.id + "@mockmate";
  e.dtstamp = dtstamp;
  e.start = s.starts_at;
  e.end = domain::ends_at(s);
  e.summary = "Mock interview: " + s.proposer.name + " and " + s.invitee.name;
  e.description = ics_description(titles, link);
  e.url = std::string(link);
  e.sequence = s.sequence;
  e.status = calendar_status_of(s.status);
  e.alarm_minutes_before = 10;
  return e;
}

std::string render_ics(const calendar_event& e) {
  writer w;
  w.line("BEGIN", "VCALENDAR");
  w.line("VERSION", "2.0");
  w.line("PRODID", "-//mockmate//mockmate scheduled interviews//EN");
  w.line("CALSCALE", "GREGORIAN");
  w.line("BEGIN", "VEVENT");
  w.line("UID", ics_escape_text(e.uid));
  w.line("DTSTAMP", ics_utc(e.dtstamp));
  w.line("DTSTART", ics_utc(e.start));
  w.line("DTEND", ics_utc(e.end));
  w.line("SEQUENCE", std::to_string(e.sequence));
  w.line("STATUS", status_name(e.status));
  w.line("SUMMARY", ics_escape_text(e.summary));
  if (!e.description.empty()) w.line("DESCRIPTION", ics_escape_text(e.description));
  if (!e.url.empty()) w.line("URL", without_controls(e.url));
  w.line("BEGIN", "VALARM");
  w.line("ACTION", "DISPLAY");
  w.line("TRIGGER", ics_trigger(e.alarm_minutes_before));
  w.line("DESCRIPTION", ics_escape_text(e.summary));
  w.line("END", "VALARM");
  w.line("END", "VEVENT");
  w.line("END", "VCALENDAR");
  return w.take();
}

} // namespace mm::services
