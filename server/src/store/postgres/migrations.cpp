#include "store/postgres/migrations.hpp"

#include <array>

namespace mm::store::postgres {
namespace {
// The same schema as SQLite's (store/sqlite/migrations.cpp), in PostgreSQL's types: times are
// BIGINT milliseconds since the epoch, UTC; flags are BOOLEAN; ids compare bytewise (COLLATE "C")
// so ordering and cursors match SQLite whatever the database's locale. Never edit a migration
// that shipped: add one.
constexpr std::array<std::string_view, 6> all{
    R"sql(
CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  headline TEXT,
  target_role TEXT,
  experience_level TEXT,
  topics TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  timezone TEXT,
  bio TEXT,
  available BOOLEAN NOT NULL DEFAULT TRUE,
  profile_complete BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX users_partners ON users (profile_complete, available);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  email TEXT NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);

CREATE TABLE questions (
  id TEXT COLLATE "C" PRIMARY KEY,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL,
  difficulty TEXT NOT NULL,
  hints TEXT NOT NULL
);

CREATE TABLE interviews (
  room_id TEXT COLLATE "C" PRIMARY KEY,
  inviter_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  invitee_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  status TEXT NOT NULL,
  reason TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  responded_at BIGINT,
  started_at BIGINT,
  ended_at BIGINT,
  grace_deadline BIGINT,
  inviter_present BOOLEAN NOT NULL DEFAULT FALSE,
  invitee_present BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX interviews_inviter ON interviews (inviter_id, status);
CREATE INDEX interviews_invitee ON interviews (invitee_id, status);
CREATE INDEX interviews_status ON interviews (status);
CREATE INDEX interviews_created ON interviews (created_at, room_id);

CREATE TABLE interview_questions (
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  position INTEGER NOT NULL,
  question_id TEXT COLLATE "C" NOT NULL REFERENCES questions (id),
  PRIMARY KEY (room_id, position)
);

CREATE TABLE feedback (
  id TEXT COLLATE "C" PRIMARY KEY,
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  from_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  rating INTEGER NOT NULL,
  problem_solving INTEGER,
  communication INTEGER,
  code_quality INTEGER,
  comments TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (room_id, from_id)
);
)sql",
    // Trust (API.md v2, "Blocking, reports, reliability"): blocks, reports, join records, absent.
    R"sql(
-- Blocks (a pair is blocked when either row exists) and reports.
CREATE TABLE blocks (
  blocker_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  blocked_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id, blocker_id);

CREATE TABLE reports (
  id TEXT COLLATE "C" PRIMARY KEY,
  reporter_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  reported_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  room_id TEXT COLLATE "C" REFERENCES interviews (room_id),
  reason TEXT NOT NULL,
  details TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX reports_reporter ON reports (reporter_id, created_at);
CREATE INDEX reports_created ON reports (created_at, id);

-- Join records: when each participant first joined the room (kept after the interview ends).
-- Rows from before: both joined when the interview started; in an open interview, a participant
-- whose presence flag is set has joined (at acceptance, the closest time known).
ALTER TABLE interviews ADD COLUMN inviter_joined_at BIGINT;
ALTER TABLE interviews ADD COLUMN invitee_joined_at BIGINT;
UPDATE interviews SET inviter_joined_at = COALESCE(started_at, CASE WHEN inviter_present THEN responded_at END),
                      invitee_joined_at = COALESCE(started_at, CASE WHEN invitee_present THEN responded_at END);

-- absent of an abandoned interview (domain::abandonment_of): no_show -> the one participant who
-- never joined, left -> the one not in the room; null when both or neither. The backfill applies
-- the same rule to the join records the rows kept. Abandonment used to clear the presence flags
-- (they were the only join record), so rows abandoned before this migration keep absent null:
-- nothing left in them tells who was missing, and guessing would blame someone.
ALTER TABLE interviews ADD COLUMN absent_id TEXT COLLATE "C" REFERENCES users (id);
ALTER TABLE interviews ADD COLUMN absent_reason TEXT;
UPDATE interviews SET absent_id = CASE
    WHEN reason = 'no_show' AND (inviter_joined_at IS NULL) <> (invitee_joined_at IS NULL)
      THEN CASE WHEN inviter_joined_at IS NULL THEN inviter_id ELSE invitee_id END
    WHEN reason = 'left' AND inviter_present <> invitee_present
      THEN CASE WHEN inviter_present THEN invitee_id ELSE inviter_id END
  END
WHERE status = 'abandoned';
UPDATE interviews SET absent_reason = reason WHERE status = 'abandoned' AND absent_id IS NOT NULL;
CREATE INDEX interviews_absent ON interviews (absent_id, absent_reason);
)sql",
    // Rounds and roles, and where an interview came from; the backfill as on SQLite.
    R"sql(
ALTER TABLE interviews ADD COLUMN origin TEXT NOT NULL DEFAULT 'invitation';

CREATE TABLE interview_rounds (
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  number INTEGER NOT NULL,
  interviewer_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  candidate_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  planned_minutes INTEGER NOT NULL,
  PRIMARY KEY (room_id, number)
);

CREATE TABLE round_questions (
  room_id TEXT COLLATE "C" NOT NULL,
  number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  question_id TEXT COLLATE "C" NOT NULL REFERENCES questions (id),
  PRIMARY KEY (room_id, number, position),
  FOREIGN KEY (room_id, number) REFERENCES interview_rounds (room_id, number)
);

INSERT INTO interview_rounds (room_id, number, interviewer_id, candidate_id, started_at, ended_at, planned_minutes)
SELECT room_id, 1, inviter_id, invitee_id, started_at, ended_at, 30 FROM interviews WHERE started_at IS NOT NULL;
INSERT INTO round_questions (room_id, number, position, question_id)
SELECT iq.room_id, 1, iq.position, iq.question_id FROM interview_questions iq
JOIN interview_rounds r ON r.room_id = iq.room_id AND r.number = 1;
)sql",
    // Web Push subscriptions (API.md v2): a subscription goes with its session; a notice says an
    // invitation was pushed to a subscription, for the invitation-closed push.
    R"sql(
CREATE TABLE push_subscriptions (
  id TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  session_hash TEXT NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
  endpoint TEXT COLLATE "C" NOT NULL UNIQUE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  expiration_time BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id, created_at);
CREATE INDEX push_subscriptions_session ON push_subscriptions (session_hash);

CREATE TABLE push_notices (
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  subscription_id TEXT COLLATE "C" NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
  PRIMARY KEY (room_id, subscription_id)
);
CREATE INDEX push_notices_subscription ON push_notices (subscription_id);
)sql",
    // The shared editor (docs/decisions/0015-workspace-store.md): each round's current document,
    // and the log of the updates that made it, one row per version.
    R"sql(
CREATE TABLE workspaces (
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  round INTEGER NOT NULL,
  language TEXT NOT NULL,
  doc TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT,
  PRIMARY KEY (room_id, round)
);

CREATE TABLE workspace_updates (
  room_id TEXT COLLATE "C" NOT NULL,
  round INTEGER NOT NULL,
  version BIGINT NOT NULL,
  client_id TEXT NOT NULL,
  changes TEXT NOT NULL,
  PRIMARY KEY (room_id, round, version),
  FOREIGN KEY (room_id, round) REFERENCES workspaces (room_id, round)
);
)sql",
    // In-room chat and code runs: seq orders a room's messages and runs as they were accepted
    // (the chat history's cursor; runs newest first). A run's tests are JSON (run_tests_json.hpp).
    R"sql(
CREATE TABLE chat_messages (
  id TEXT COLLATE "C" PRIMARY KEY,
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  seq BIGINT NOT NULL,
  from_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  text TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  UNIQUE (room_id, seq)
);
CREATE INDEX chat_messages_sender ON chat_messages (from_id, sent_at);

CREATE TABLE runs (
  id TEXT COLLATE "C" PRIMARY KEY,
  room_id TEXT COLLATE "C" NOT NULL REFERENCES interviews (room_id),
  seq BIGINT NOT NULL,
  round INTEGER NOT NULL,
  by_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  verdict TEXT,
  exit_code INTEGER,
  stdout TEXT NOT NULL DEFAULT '',
  stderr TEXT NOT NULL DEFAULT '',
  truncated BOOLEAN NOT NULL DEFAULT FALSE,
  tests TEXT NOT NULL DEFAULT '[]',
  duration_ms BIGINT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  UNIQUE (room_id, seq)
);
CREATE INDEX runs_unfinished ON runs (status);
)sql",
};
} // namespace

std::span<const std::string_view> migrations() { return all; }

} // namespace mm::store::postgres
