#pragma once
// What the product is: the plain values every layer passes around. No I/O, no JSON.
#include "domain/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::domain {

struct user {
  std::string id;
  std::string email;
  std::string name;
  time_point created_at;
};

enum class experience_level { student, junior, mid, senior, staff };

struct profile {
  std::optional<std::string> headline;
  std::optional<std::string> target_role;
  std::optional<experience_level> level;
  std::vector<std::string> topics;
  std::vector<std::string> languages;
  std::optional<std::string> timezone;
  std::optional<std::string> bio;
  bool available = true;
};

// A complete profile has a target role, a level and at least one topic (API.md).
bool profile_complete(const profile& p);

struct question {
  std::string id;
  std::string title;
  std::string body;
  std::string category;   // algorithms | system-design | behavioral
  std::string difficulty; // easy | medium | hard
  std::vector<std::string> hints;
};

enum class interview_status { pending, accepted, in_progress, completed, rejected, cancelled, expired, abandoned };

// Why a final state was reached; none while the interview is not final.
enum class end_reason { none, declined, busy, cancelled, invite_timeout, completed, no_show, left, blocked };

struct party {
  std::string id;
  std::string name;
};

// Where an interview came from (API.md, "Rounds and roles": `origin`).
enum class interview_origin { invitation, match, schedule };

// One round of an interview (API.md, "Rounds and roles"): who interviews whom, on which
// questions, from when to when.
struct interview_round {
  int number = 1;
  party interviewer;
  party candidate;
  std::vector<question> questions;
  time_point started_at;
  std::optional<time_point> ended_at; // nullopt while it runs
  int planned_minutes = 30;           // --round-minutes when the round started
};

struct interview {
  std::string room_id;
  interview_status status = interview_status::pending;
  party inviter;
  party invitee;
  std::vector<question> questions;
  time_point created_at;
  time_point expires_at; // the invitation's deadline
  std::optional<time_point> responded_at;
  std::optional<time_point> started_at;
  std::optional<time_point> ended_at;
  end_reason reason = end_reason::none;
  // While accepted or in_progress: when the room is abandoned unless both participants are in it.
  std::optional<time_point> grace_deadline;
  bool inviter_present = false; // has a socket in the room
  bool invitee_present = false;
  // Join records and absence (API.md v2, `absent`): whether each participant ever joined the
  // room, and for an abandoned interview the participant who was missing, with why (no_show:
  // never joined; left: did not come back). absent is nullopt unless exactly one was missing.
  bool inviter_joined = false;
  bool invitee_joined = false;
  std::optional<std::string> absent;
  end_reason absent_reason = end_reason::none;
  interview_origin origin = interview_origin::invitation;
  // The rounds started so far, by number; round 1 from the move to in_progress on.
  std::vector<interview_round> rounds;
};

struct rubric {
  std::optional<int> problem_solving;
  std::optional<int> communication;
  std::optional<int> code_quality;
};

struct feedback {
  std::string id;
  std::string room_id;
  party from;
  int rating = 0;
  rubric scores;
  std::optional<std::string> comments;
  time_point created_at;
};

// A user's record of turning up (API.md v2, "Blocking, reports, reliability"): interviews they
// completed, and abandoned ones they were absent from by reason; score = completed / (completed +
// noShows + left), null below 3 of them (domain/reliability.hpp computes it).
struct reliability {
  int completed = 0;
  int no_shows = 0;
  int left = 0;
  std::optional<double> score;
  friend bool operator==(const reliability&, const reliability&) = default;
};

// A user as another user sees them when looking for a partner.
struct partner {
  std::string id;
  std::string name;
  profile prof;
  bool online = false;
  bool busy = false;
  int match_score = 0;
  reliability record;
};

} // namespace mm::domain
