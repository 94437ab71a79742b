// Users, profiles, sessions, login failures and questions on SQLite.
#include "domain/enum_names.hpp"
#include "store/list_codec.hpp"
#include "store/question_bank.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <cctype>

namespace mm::store::sqlite {

using domain::from_millis;
using domain::to_millis;

sqlite_store::sqlite_store(const std::string& path, const database_options& options) : db_(path, options) {}

void sqlite_store::migrate() {
  const auto steps = migrations();
  for (int version = db_.user_version(); version < static_cast<int>(steps.size()); ++version) {
    transaction tx(db_);
    db_.exec(std::string(steps[static_cast<std::size_t>(version)]));
    db_.exec("PRAGMA user_version = " + std::to_string(version + 1));
    tx.commit();
  }
  auto count = db_.query("SELECT COUNT(*) FROM questions");
  count.step();
  if (count.integer(0) > 0) return;
  transaction tx(db_);
  int position = 0;
  for (const auto& q : question_bank()) {
    std::vector<std::string> hints(q.hints.begin(), q.hints.end());
    db_.query("INSERT INTO questions (id, position, title, body, category, difficulty, hints) VALUES (?,?,?,?,?,?,?)")
        .bind_all(q.slug, position++, q.title, q.body, q.category, q.difficulty, join_list(hints))
        .run();
  }
  tx.commit();
}

bool sqlite_store::healthy() {
  auto q = db_.query("SELECT 1");
  return q.step();
}

outcome<domain::user> sqlite_store::create_user(const domain::user& u, const std::string& password_hash) {
  transaction tx(db_);
  auto taken = db_.query("SELECT 1 FROM users WHERE email = ?");
  if (taken.bind(1, u.email).step()) return domain::fail(domain::errc::conflict, "An account with that email already exists.");
  db_.query("INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?,?,?,?,?)")
      .bind_all(u.id, u.email, u.name, password_hash, to_millis(u.created_at))
      .run();
  tx.commit();
  return u;
}

std::optional<credentials> sqlite_store::find_credentials(const std::string& email) {
  auto q = db_.query("SELECT id, email, name, created_at, password_hash FROM users WHERE email = ?");
  if (!q.bind(1, email).step()) return std::nullopt;
  return credentials{{q.text(0), q.text(1), q.text(2), from_millis(q.integer(3))}, q.text(4)};
}

std::optional<domain::user> sqlite_store::find_user(const std::string& id) {
  auto q = db_.query("SELECT id, email, name, created_at FROM users WHERE id = ?");
  if (!q.bind(1, id).step()) return std::nullopt;
  return domain::user{q.text(0), q.text(1), q.text(2), from_millis(q.integer(3))};
}

domain::profile sqlite_store::read_profile(statement& q, int c) const {
  domain::profile p;
  p.headline = q.opt_text(c);
  p.target_role = q.opt_text(c + 1);
  if (auto level = q.opt_text(c + 2)) p.level = domain::parse_experience_level(*level);
  p.topics = split_list(q.text(c + 3));
  p.languages = split_list(q.text(c + 4));
  p.timezone = q.opt_text(c + 5);
  p.bio = q.opt_text(c + 6);
  p.available = q.integer(c + 7) != 0;
  return p;
}

#define MM_PROFILE_COLUMNS "headline, target_role, experience_level, topics, languages, timezone, bio, available"

domain::profile sqlite_store::get_profile(const std::string& user_id) {
  auto q = db_.query("SELECT " MM_PROFILE_COLUMNS " FROM users WHERE id = ?");
  if (!q.bind(1, user_id).step()) return {};
  return read_profile(q, 0);
}

void sqlite_store::put_profile(const std::string& user_id, const domain::profile& p) {
  std::optional<std::string> level;
  if (p.level) level = std::string(domain::to_string(*p.level));
  db_.query("UPDATE users SET headline=?, target_role=?, experience_level=?, topics=?, languages=?, timezone=?, bio=?, "
            "available=?, profile_complete=? WHERE id=?")
      .bind_all(p.headline, p.target_role, level, join_list(p.topics), join_list(p.languages), p.timezone, p.bio,
                p.available, domain::profile_complete(p), user_id)
      .run();
}

std::vector<candidate> sqlite_store::partner_candidates(const std::string& exclude_id) {
  auto q = db_.query("SELECT id, email, name, created_at, " MM_PROFILE_COLUMNS
                     " FROM users WHERE profile_complete = 1 AND available = 1 AND id != ?1 "
                     "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ?1 AND b.blocked_id = users.id) "
                     "OR (b.blocker_id = users.id AND b.blocked_id = ?1))");
  q.bind(1, exclude_id);
  std::vector<candidate> out;
  while (q.step()) out.push_back({{q.text(0), q.text(1), q.text(2), from_millis(q.integer(3))}, read_profile(q, 4)});
  return out;
}

std::vector<candidate> sqlite_store::find_users(const std::vector<std::string>& ids) {
  std::vector<candidate> out;
  for (const auto& id : ids) {
    auto q = db_.query("SELECT id, email, name, created_at, " MM_PROFILE_COLUMNS " FROM users WHERE id = ?");
    if (q.bind(1, id).step()) out.push_back({{q.text(0), q.text(1), q.text(2), from_millis(q.integer(3))}, read_profile(q, 4)});
  }
  return out;
}

void sqlite_store::create_session(const std::string& token_hash, const session_record& s) {
  db_.query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?,?,?,?,?)")
      .bind_all(token_hash, s.user_id, to_millis(s.created_at), to_millis(s.last_seen_at), to_millis(s.expires_at))
      .run();
}

std::optional<session_record> sqlite_store::find_session(const std::string& token_hash) {
  auto q = db_.query("SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = ?");
  if (!q.bind(1, token_hash).step()) return std::nullopt;
  return session_record{q.text(0), from_millis(q.integer(1)), from_millis(q.integer(2)), from_millis(q.integer(3))};
}

void sqlite_store::touch_session(const std::string& token_hash, time_point at) {
  db_.query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").bind_all(to_millis(at), token_hash).run();
}

void sqlite_store::delete_session(const std::string& token_hash) {
  db_.query("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

void sqlite_store::record_login_failure(const std::string& email, time_point at) {
  db_.query("INSERT INTO login_failures (email, failed_at) VALUES (?, ?)").bind_all(email, to_millis(at)).run();
}

std::vector<time_point> sqlite_store::login_failures(const std::string& email, time_point since) {
  db_.query("DELETE FROM login_failures WHERE email = ? AND failed_at < ?").bind_all(email, to_millis(since)).run();
  auto q = db_.query("SELECT failed_at FROM login_failures WHERE email = ? ORDER BY failed_at");
  q.bind(1, email);
  std::vector<time_point> out;
  while (q.step()) out.push_back(from_millis(q.integer(0)));
  return out;
}

void sqlite_store::clear_login_failures(const std::string& email) {
  db_.query("DELETE FROM login_failures WHERE email = ?").bind(1, email).run();
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
} // namespace

std::vector<domain::question> sqlite_store::list_questions(const question_filter& f) {
  auto q = db_.query("SELECT id, title, body, category, difficulty, hints FROM questions "
                     "WHERE (?1 IS NULL OR category = ?1) AND (?2 IS NULL OR difficulty = ?2) ORDER BY position");
  q.bind(1, f.category).bind(2, f.difficulty);
  const auto needle = f.text ? lower(*f.text) : std::string();
  std::vector<domain::question> out;
  while (q.step()) {
    domain::question item{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), split_list(q.text(5))};
    if (!needle.empty() && lower(item.title).find(needle) == std::string::npos &&
        lower(item.body).find(needle) == std::string::npos)
      continue;
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<domain::question> sqlite_store::find_questions(const std::vector<std::string>& ids) {
  std::vector<domain::question> out;
  for (const auto& id : ids) {
    auto q = db_.query("SELECT id, title, body, category, difficulty, hints FROM questions WHERE id = ?");
    if (q.bind(1, id).step()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), split_list(q.text(5))});
  }
  return out;
}

} // namespace mm::store::sqlite
