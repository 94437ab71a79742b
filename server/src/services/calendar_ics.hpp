#pragma once
// The `.ics` of a scheduled interview (API.md, "Scheduled interviews"; RFC 5545): one VEVENT with
// a VALARM, times in UTC. Pure.
//
// Written by hand rather than with Debian's libical: we only ever generate one fixed shape of
// about twenty lines, in UTC (no VTIMEZONE, recurrence or parsing, where libical earns its
// keep), and the golden tests pin every byte of it. With libical the bytes (property order,
// where a line is folded) would be the library version's choice, behind a C API with its own
// memory and global error rules. The two rules that need care, folding at 75 octets without
// splitting a UTF-8 sequence and TEXT escaping, are small functions below with their own golden
// tests, and tests/schedule/ics_crosscheck.test.js parses the output with an independent parser
// (python3-icalendar).
//
// No METHOD: with one the file becomes an iTIP message (RFC 5546), whose PUBLISH, REQUEST and
// CANCEL forms require an ORGANIZER cal-address (an e-mail address in practice), and the contract
// rules out e-mail addresses. Without it calendars import the event and, on a later import of
// the same UID with a higher SEQUENCE, update it.
#include "domain/schedule_rules.hpp"
#include "domain/time.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mm::services {

enum class calendar_status { tentative, confirmed, cancelled };

struct calendar_event {
  std::string uid;            // stable for the schedule, e.g. "<scheduleId>@mockmate"
  domain::time_point dtstamp; // when this version was made (milliseconds dropped)
  domain::time_point start, end;
  std::string summary, description; // plain text: escaped here
  std::string url;                  // an absolute URI, written as is; omitted when empty
  int sequence = 0;
  calendar_status status = calendar_status::tentative;
  int alarm_minutes_before = 10;
};

// BEGIN:VCALENDAR, VERSION:2.0, PRODID, CALSCALE:GREGORIAN, one VEVENT (UID, DTSTAMP, DTSTART,
// DTEND, SEQUENCE, STATUS, SUMMARY, DESCRIPTION, URL) with one VALARM (ACTION:DISPLAY,
// TRIGGER:-PT<n>M, DESCRIPTION = the summary). Every line ends in CRLF and is folded.
std::string render_ics(const calendar_event& e);

// The building blocks, each a rule of RFC 5545:
// TEXT (3.3.11): backslash, semicolon and comma escaped, a line break (CRLF, LF or CR) as "\n";
// other control characters, which TEXT may not hold, dropped.
std::string ics_escape_text(std::string_view s);
// One content line (3.1), unfolded and without its CRLF, as physical lines of at most 75 octets
// each ending in CRLF; continuations start with one space. Never splits a UTF-8 sequence.
std::string ics_fold(std::string_view content_line);
// UTC DATE-TIME (3.3.5) "YYYYMMDDTHHMMSSZ", milliseconds dropped.
std::string ics_utc(domain::time_point t);
// A DURATION for TRIGGER (3.3.6): "-PT10M" for 10 minutes before, "PT0M" for 0.
std::string ics_trigger(int minutes_before);

// The event's description: the questions' titles, one a line, then the link.
std::string ics_description(const std::vector<std::string>& question_titles, std::string_view link);

// proposed: TENTATIVE; accepted, started: CONFIRMED; declined, cancelled, missed: CANCELLED.
calendar_status calendar_status_of(domain::schedule_status s);
// The event of a schedule: UID "<id>@mockmate", its times, SEQUENCE and status, a summary with
// both names, the questions' titles and `link` (the page to join from), an alarm 10 minutes
// before. `dtstamp`: when the schedule last changed, so a version always renders the same bytes.
calendar_event calendar_event_for(const domain::schedule& s, domain::time_point dtstamp, std::string_view link);

} // namespace mm::services
