// The scheduled interview's .ics (services/calendar_ics.hpp): the whole file as a golden string,
// and RFC 5545's folding, TEXT escaping, UTC times and triggers on their own.
#include "services/calendar_ics.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace mm::services;
using mm::domain::from_iso8601;

calendar_event sample() {
  calendar_event e;
  e.uid = "s_7f3a@mockmate";
  e.dtstamp = *from_iso8601("2026-11-20T08:15:30.999Z");
  e.start = *from_iso8601("2026-11-23T19:00:00.000Z");
  e.end = *from_iso8601("2026-11-23T20:00:00.000Z");
  e.summary = "Mock interview: Ada and Grace";
  e.description = ics_description({"Two Sum", "LRU cache, with O(1) get; put"}, "https://mockmate.example/schedules/s_7f3a");
  e.url = "https://mockmate.example/schedules/s_7f3a";
  e.sequence = 1;
  e.status = calendar_status::confirmed;
  return e;
}

TEST(render_ics, golden_file) {
  const std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//mockmate//mockmate scheduled interviews//EN\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:s_7f3a@mockmate\r\n"
      "DTSTAMP:20261120T081530Z\r\n"
      "DTSTART:20261123T190000Z\r\n"
      "DTEND:20261123T200000Z\r\n"
      "SEQUENCE:1\r\n"
      "STATUS:CONFIRMED\r\n"
      "SUMMARY:Mock interview: Ada and Grace\r\n"
      "DESCRIPTION:Questions:\\n- Two Sum\\n- LRU cache\\, with O(1) get\\; put\\n\\nhtt\r\n"
      " ps://mockmate.example/schedules/s_7f3a\r\n"
      "URL:https://mockmate.example/schedules/s_7f3a\r\n"
      "BEGIN:VALARM\r\n"
      "ACTION:DISPLAY\r\n"
      "TRIGGER:-PT10M\r\n"
      "DESCRIPTION:Mock interview: Ada and Grace\r\n"
      "END:VALARM\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  EXPECT_EQ(render_ics(sample()), expected);
}

TEST(render_ics, status_sequence_and_alarm_follow_the_event) {
  auto e = sample();
  e.status = calendar_status::cancelled;
  e.sequence = 3;
  e.alarm_minutes_before = 15;
  e.description.clear();
  e.url.clear();
  const auto ics = render_ics(e);
  EXPECT_NE(ics.find("\r\nSTATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nSEQUENCE:3\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nTRIGGER:-PT15M\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("URL:"), std::string::npos);
  EXPECT_EQ(ics.find("\r\nDESCRIPTION:", ics.find("BEGIN:VEVENT")), ics.find("\r\nDESCRIPTION:", ics.find("BEGIN:VALARM")));
  e.status = calendar_status::tentative;
  EXPECT_NE(render_ics(e).find("\r\nSTATUS:TENTATIVE\r\n"), std::string::npos);
}

TEST(calendar_event_for, a_schedule_becomes_its_event) {
  using mm::domain::schedule_status;
  mm::domain::schedule s;
  s.id = "s_7f3a";
  s.status = schedule_status::accepted;
  s.proposer = {"u_1", "Ada"};
  s.invitee = {"u_2", "Grace"};
  s.starts_at = *from_iso8601("2026-11-23T19:00:00.000Z");
  s.duration_minutes = 45;
  s.questions = {{"q_1", "Two Sum", "", "algorithms", "easy", {}}, {"q_2", "LRU cache", "", "algorithms", "medium", {}}};
  s.sequence = 4;
  const auto e = calendar_event_for(s, *from_iso8601("2026-11-20T08:15:30.000Z"), "https://m.example/schedules/s_7f3a");
  EXPECT_EQ(e.uid, "s_7f3a@mockmate");
  EXPECT_EQ(ics_utc(e.start), "20261123T190000Z");
  EXPECT_EQ(ics_utc(e.end), "20261123T194500Z");
  EXPECT_EQ(ics_utc(e.dtstamp), "20261120T081530Z");
  EXPECT_EQ(e.summary, "Mock interview: Ada and Grace");
  EXPECT_EQ(e.description, "Questions:\n- Two Sum\n- LRU cache\n\nhttps://m.example/schedules/s_7f3a");
  EXPECT_EQ(e.url, "https://m.example/schedules/s_7f3a");
  EXPECT_EQ(e.sequence, 4);
  EXPECT_EQ(e.status, calendar_status::confirmed);
  EXPECT_EQ(e.alarm_minutes_before, 10);
}

TEST(calendar_status_of, every_schedule_status) {
  using mm::domain::schedule_status;
  const std::pair<schedule_status, calendar_status> rows[] = {
      {schedule_status::proposed, calendar_status::tentative},  {schedule_status::accepted, calendar_status::confirmed},
      {schedule_status::started, calendar_status::confirmed},   {schedule_status::declined, calendar_status::cancelled},
      {schedule_status::cancelled, calendar_status::cancelled}, {schedule_status::missed, calendar_status::cancelled},
  };
  for (auto [s, c] : rows) EXPECT_EQ(calendar_status_of(s), c) << mm::domain::to_string(s);
}

TEST(ics_escape_text, escapes_what_text_must_escape) {
  EXPECT_EQ(ics_escape_text("plain words: ok"), "plain words: ok");
  EXPECT_EQ(ics_escape_text("a\\b;c,d"), "a\\\\b\\;c\\,d");
  EXPECT_EQ(ics_escape_text("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  EXPECT_EQ(ics_escape_text("tab\there"), "tab\there");
  EXPECT_EQ(ics_escape_text(std::string("nul\0bell\x07" "del\x7f", 13)), "nulbelldel");
  EXPECT_EQ(ics_escape_text("caf\xC3\xA9 \xF0\x9F\x98\x80"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(ics_escape_text("\\n"), "\\\\n"); // a backslash and an n stay two characters
}

TEST(ics_fold, leaves_lines_of_75_octets_alone) {
  const std::string line(75, 'x');
  EXPECT_EQ(ics_fold(line), line + "\r\n");
  EXPECT_EQ(ics_fold(""), "\r\n");
}

TEST(ics_fold, folds_at_75_then_74_octets_after_the_space) {
  const std::string line = std::string(75, 'a') + std::string(74, 'b') + std::string(3, 'c');
  EXPECT_EQ(ics_fold(line), std::string(75, 'a') + "\r\n " + std::string(74, 'b') + "\r\n ccc\r\n");
  EXPECT_EQ(ics_fold(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
}

TEST(ics_fold, never_splits_a_utf8_sequence) {
  // 74 ASCII octets, then "é" (2 octets) would straddle octet 75: it moves to the next line.
  const std::string e_acute = "\xC3\xA9";
  EXPECT_EQ(ics_fold(std::string(74, 'a') + e_acute + "z"), std::string(74, 'a') + "\r\n " + e_acute + "z\r\n");
  // 73 + a four-byte emoji: octets 74..77, cut before it.
  const std::string smile = "\xF0\x9F\x98\x80";
  EXPECT_EQ(ics_fold(std::string(73, 'a') + smile), std::string(73, 'a') + "\r\n " + smile + "\r\n");
  // Exactly filling 75 octets is fine.
  EXPECT_EQ(ics_fold(std::string(71, 'a') + smile), std::string(71, 'a') + smile + "\r\n");
  // A long run of three-byte characters: 25 per first line (75 octets), 24 per continuation (72).
  std::string cjk;
  for (int i = 0; i < 60; ++i) cjk += "\xE4\xB8\xAD";
  std::string expected;
  for (int i = 0; i < 25; ++i) expected += "\xE4\xB8\xAD";
  expected += "\r\n ";
  for (int i = 0; i < 24; ++i) expected += "\xE4\xB8\xAD";
  expected += "\r\n ";
  for (int i = 0; i < 11; ++i) expected += "\xE4\xB8\xAD";
  expected += "\r\n";
  EXPECT_EQ(ics_fold(cjk), expected);
}

TEST(ics_fold, every_physical_line_fits_and_unfolds_to_the_original) {
  std::string line = "DESCRIPTION:";
  for (int i = 0; i < 200; ++i) line += (i % 3 == 0) ? "\xF0\x9F\x98\x80" : (i % 3 == 1 ? "\xC3\xA9" : "x");
  const auto folded = ics_fold(line);
  std::vector<std::string> physical;
  for (std::size_t pos = 0; pos < folded.size();) {
    const auto end = folded.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    physical.push_back(folded.substr(pos, end - pos));
    pos = end + 2;
  }
  ASSERT_GT(physical.size(), 5u);
  std::string unfolded = physical[0];
  for (std::size_t i = 1; i < physical.size(); ++i) {
    EXPECT_EQ(physical[i][0], ' ');
    unfolded += physical[i].substr(1);
  }
  for (const auto& p : physical) EXPECT_LE(p.size(), 75u);
  EXPECT_EQ(unfolded, line);
}

TEST(ics_utc, writes_utc_date_times_without_milliseconds) {
  EXPECT_EQ(ics_utc(*from_iso8601("2026-11-23T19:04:41.123Z")), "20261123T190441Z");
  EXPECT_EQ(ics_utc(*from_iso8601("2027-01-01T00:00:00.000Z")), "20270101T000000Z");
  EXPECT_EQ(ics_utc(*from_iso8601("2028-02-29T23:59:59.999Z")), "20280229T235959Z");
}

TEST(ics_trigger, counts_minutes_before_the_start) {
  EXPECT_EQ(ics_trigger(10), "-PT10M");
  EXPECT_EQ(ics_trigger(90), "-PT90M");
  EXPECT_EQ(ics_trigger(0), "PT0M");
}

TEST(ics_description, lists_the_titles_then_the_link) {
  EXPECT_EQ(ics_description({"Two Sum"}, "https://x.example/s/1"), "Question:\n- Two Sum\n\nhttps://x.example/s/1");
  EXPECT_EQ(ics_description({"A", "B"}, ""), "Questions:\n- A\n- B");
}

} // namespace
