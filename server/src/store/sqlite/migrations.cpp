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
    // The shared editor (docs/decisions/0014-workspace-store.md): each round's current document,
    // and the log of the updates that made it, one row per version.
    R"sql(
CREATE TABLE workspaces (
  room_id TEXT NOT NULL REFERENCES interviews (room_id),
  round INTEGER NOT NULL,
  language TEXT NOT NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER,
  PRIMARY KEY (room_id, round)
);

CREATE TABLE workspace_updates (
  room_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  version INTEGER NOT NULL,
  client_id TEXT NOT NULL,
  changes TEXT NOT NULL,
  PRIMARY KEY (room_id, round, version),
  FOREIGN KEY (room_id, round) REFERENCES workspaces (room_id, round)
) WITHOUT ROWID;
)sql",
};
} // namespace

std::span<const std::string_view> migrations() { return all; }

} // namespace mm::store::sqlite
