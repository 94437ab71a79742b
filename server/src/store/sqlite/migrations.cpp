#include "store/sqlite/migrations.hpp"

#include <array>

namespace mm::store::sqlite {
namespace {
// Times are integer milliseconds since the epoch, UTC. Never edit a migration that shipped: add one.
constexpr std::array<std::string_view, 2> all{
    R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  headline TEXT,
  target_role TEXT,
  experience_level TEXT,
  topics TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  timezone TEXT,
  bio TEXT,
  available INTEGER NOT NULL DEFAULT 1,
  profile_complete INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX users_partners ON users (profile_complete, available);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  email TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);

CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL,
  difficulty TEXT NOT NULL,
  hints TEXT NOT NULL
);

CREATE TABLE interviews (
  room_id TEXT PRIMARY KEY,
  inviter_id TEXT NOT NULL REFERENCES users (id),
  invitee_id TEXT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL,
  reason TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  responded_at INTEGER,
  started_at INTEGER,
  ended_at INTEGER,
  grace_deadline INTEGER,
  inviter_present INTEGER NOT NULL DEFAULT 0,
  invitee_present INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX interviews_inviter ON interviews (inviter_id, status);
CREATE INDEX interviews_invitee ON interviews (invitee_id, status);
CREATE INDEX interviews_status ON interviews (status);
CREATE INDEX interviews_created ON interviews (created_at, room_id);

CREATE TABLE interview_questions (
  room_id TEXT NOT NULL REFERENCES interviews (room_id),
  position INTEGER NOT NULL,
  question_id TEXT NOT NULL REFERENCES questions (id),
  PRIMARY KEY (room_id, position)
);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES interviews (room_id),
  from_id TEXT NOT NULL REFERENCES users (id),
  rating INTEGER NOT NULL,
  problem_solving INTEGER,
  communication INTEGER,
  code_quality INTEGER,
  comments TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (room_id, from_id)
);
)sql",
    // In-room chat and code runs: seq orders a room's messages and runs as they were accepted
    // (the chat history's cursor; runs newest first). A run's tests are JSON (run_tests_json.hpp).
    R"sql(
CREATE TABLE chat_messages (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES interviews (room_id),
  seq INTEGER NOT NULL,
  from_id TEXT NOT NULL REFERENCES users (id),
  text TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  UNIQUE (room_id, seq)
);
CREATE INDEX chat_messages_sender ON chat_messages (from_id, sent_at);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES interviews (room_id),
  seq INTEGER NOT NULL,
  round INTEGER NOT NULL,
  by_id TEXT NOT NULL REFERENCES users (id),
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  verdict TEXT,
  exit_code INTEGER,
  stdout TEXT NOT NULL DEFAULT '',
  stderr TEXT NOT NULL DEFAULT '',
  truncated INTEGER NOT NULL DEFAULT 0,
  tests TEXT NOT NULL DEFAULT '[]',
  duration_ms INTEGER,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  UNIQUE (room_id, seq)
);
CREATE INDEX runs_unfinished ON runs (status);
)sql",
};
} // namespace

std::span<const std::string_view> migrations() { return all; }

} // namespace mm::store::sqlite
