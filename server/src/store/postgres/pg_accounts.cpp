// Schema, users, profiles, sessions, login failures and questions on PostgreSQL.
#include "domain/enum_names.hpp"
#include "store/list_codec.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/profile_rows.hpp"
#include "store/postgres/transact.hpp"
#include "store/question_bank.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>

namespace mm::store::postgres {

using domain::from_millis;
using domain::to_millis;

pg_url parse_url(const std::string& url) {
  pg_url out;
  const auto q = url.find('?');
  if (q == std::string::npos) {
    out.libpq_url = url;
    return out;
  }
  std::string kept;
  std::string_view rest = std::string_view(url).substr(q + 1);
  while (!rest.empty()) {
    const auto cut = rest.find('&');
    const auto item = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    if (item.starts_with("pool_size=")) {
      const auto v = item.substr(10);
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > 64)
        throw std::runtime_error("--db: pool_size must be a number from 1 to 64");
      out.pool_size = n;
      continue;
    }
    if (item.empty()) continue;
    kept += kept.empty() ? "" : "&";
    kept += item;
  }
  out.libpq_url = url.substr(0, q) + (kept.empty() ? "" : "?" + kept);
  return out;
}

pg_store::pg_store(const std::string& url, std::size_t pool_size) : pool_(url, pool_size, std::chrono::seconds(5)) {
  auto probe = pool_.acquire(); // fail fast on a bad URL; the connection stays in the pool
}

void pg_store::migrate() {
  write(pool_, [&](connection& c) {
    // Nodes starting together take turns; the key is per schema, so test schemas don't wait on each other.
    c.exec("SELECT pg_advisory_xact_lock(7201, hashtext(COALESCE(current_schema(), '')))");
    c.exec_script("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
    const auto steps = migrations();
    const auto applied = c.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").integer(0, 0);
    for (auto version = applied; version < static_cast<std::int64_t>(steps.size()); ++version) {
      c.exec_script(std::string(steps[static_cast<std::size_t>(version)]));
      c.exec("INSERT INTO schema_migrations (version, applied_at) "
             "VALUES ($1, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT)",
             version + 1);
    }
    if (c.exec("SELECT COUNT(*) FROM questions").integer(0, 0) > 0) return true;
    int position = 0;
    for (const auto& q : question_bank()) {
      std::vector<std::string> hints(q.hints.begin(), q.hints.end());
      c.exec("INSERT INTO questions (id, position, title, body, category, difficulty, hints) VALUES ($1,$2,$3,$4,$5,$6,$7)",
             q.slug, position++, q.title, q.body, q.category, q.difficulty, join_list(hints));
    }
    return true;
  });
}

bool pg_store::healthy() {
  try {
    return read(pool_, [](connection& c) { return c.exec("SELECT 1").rows() == 1; });
  } catch (const store_error&) {
    return false;
  }
}

outcome<domain::user> pg_store::create_user(const domain::user& u, const std::string& password_hash) {
  return write(pool_, [&](connection& c) -> outcome<domain::user> {
    const auto inserted = c.exec("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1,$2,$3,$4,$5) "
                                 "ON CONFLICT (email) DO NOTHING",
                                 u.id, u.email, u.name, password_hash, to_millis(u.created_at));
    if (inserted.affected() == 0) return domain::fail(domain::errc::conflict, "An account with that email already exists.");
    return u;
  });
}

std::optional<credentials> pg_store::find_credentials(const std::string& email) {
  return read(pool_, [&](connection& c) -> std::optional<credentials> {
    const auto r = c.exec("SELECT id, email, name, created_at, password_hash FROM users WHERE email = $1", email);
    if (r.empty()) return std::nullopt;
    return credentials{{r.text(0, 0), r.text(0, 1), r.text(0, 2), from_millis(r.integer(0, 3))}, r.text(0, 4)};
  });
}

std::optional<domain::user> pg_store::find_user(const std::string& id) {
  return read(pool_, [&](connection& c) -> std::optional<domain::user> {
    const auto r = c.exec("SELECT id, email, name, created_at FROM users WHERE id = $1", id);
    if (r.empty()) return std::nullopt;
    return domain::user{r.text(0, 0), r.text(0, 1), r.text(0, 2), from_millis(r.integer(0, 3))};
  });
}

domain::profile read_profile(const result& r, int row, int c) {
  domain::profile p;
  p.headline = r.opt_text(row, c);
  p.target_role = r.opt_text(row, c + 1);
  if (auto level = r.opt_text(row, c + 2)) p.level = domain::parse_experience_level(*level);
  p.topics = split_list(r.text(row, c + 3));
  p.languages = split_list(r.text(row, c + 4));
  p.timezone = r.opt_text(row, c + 5);
  p.bio = r.opt_text(row, c + 6);
  p.available = r.boolean(row, c + 7);
  return p;
}

namespace {

candidate read_candidate(const result& r, int row) {
  return {{r.text(row, 0), r.text(row, 1), r.text(row, 2), from_millis(r.integer(row, 3))}, read_profile(r, row, 4)};
}

domain::question read_question(const result& r, int row, int c) {
  return {r.text(row, c), r.text(row, c + 1), r.text(row, c + 2), r.text(row, c + 3), r.text(row, c + 4),
          split_list(r.text(row, c + 5))};
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
} // namespace

domain::profile pg_store::get_profile(const std::string& user_id) {
  return read(pool_, [&](connection& c) -> domain::profile {
    const auto r = c.exec("SELECT " MM_PROFILE_COLUMNS " FROM users WHERE id = $1", user_id);
    if (r.empty()) return {};
    return read_profile(r, 0, 0);
  });
}

void pg_store::put_profile(const std::string& user_id, const domain::profile& p) {
  std::optional<std::string> level;
  if (p.level) level = std::string(domain::to_string(*p.level));
  write(pool_, [&](connection& c) {
    c.exec("UPDATE users SET headline=$1, target_role=$2, experience_level=$3, topics=$4, languages=$5, timezone=$6, "
           "bio=$7, available=$8, profile_complete=$9 WHERE id=$10",
           p.headline, p.target_role, level, join_list(p.topics), join_list(p.languages), p.timezone, p.bio, p.available,
           domain::profile_complete(p), user_id);
    return true;
  });
}

std::vector<candidate> pg_store::partner_candidates(const std::string& exclude_id) {
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT id, email, name, created_at, " MM_PROFILE_COLUMNS
                          " FROM users WHERE profile_complete AND available AND id <> $1 "
                          "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = $1 AND b.blocked_id = users.id) "
                          "OR (b.blocker_id = users.id AND b.blocked_id = $1)) ORDER BY created_at, id",
                          exclude_id);
    std::vector<candidate> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_candidate(r, i));
    return out;
  });
}

std::vector<candidate> pg_store::find_users(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT id, email, name, created_at, " MM_PROFILE_COLUMNS " FROM users WHERE id = ANY($1)", ids);
    std::unordered_map<std::string, int> row_of;
    for (int i = 0; i < r.rows(); ++i) row_of.emplace(r.text(i, 0), i);
    std::vector<candidate> out;
    for (const auto& id : ids)
      if (auto it = row_of.find(id); it != row_of.end()) out.push_back(read_candidate(r, it->second));
    return out;
  });
}

void pg_store::create_session(const std::string& token_hash, const session_record& s) {
  write(pool_, [&](connection& c) {
    c.exec("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1,$2,$3,$4,$5)",
           token_hash, s.user_id, to_millis(s.created_at), to_millis(s.last_seen_at), to_millis(s.expires_at));
    return true;
  });
}

std::optional<session_record> pg_store::find_session(const std::string& token_hash) {
  return read(pool_, [&](connection& c) -> std::optional<session_record> {
    const auto r = c.exec("SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1", token_hash);
    if (r.empty()) return std::nullopt;
    return session_record{r.text(0, 0), from_millis(r.integer(0, 1)), from_millis(r.integer(0, 2)),
                          from_millis(r.integer(0, 3))};
  });
}

void pg_store::touch_session(const std::string& token_hash, time_point at) {
  read(pool_, [&](connection& c) { // one idempotent statement: safe to rerun
    return c.exec("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", to_millis(at), token_hash).affected();
  });
}

void pg_store::delete_session(const std::string& token_hash) {
  read(pool_, [&](connection& c) { return c.exec("DELETE FROM sessions WHERE token_hash = $1", token_hash).affected(); });
}

void pg_store::record_login_failure(const std::string& email, time_point at) {
  write(pool_, [&](connection& c) {
    return c.exec("INSERT INTO login_failures (email, failed_at) VALUES ($1, $2)", email, to_millis(at)).affected();
  });
}

std::vector<time_point> pg_store::login_failures(const std::string& email, time_point since) {
  return write(pool_, [&](connection& c) {
    c.exec("DELETE FROM login_failures WHERE email = $1 AND failed_at < $2", email, to_millis(since));
    const auto r = c.exec("SELECT failed_at FROM login_failures WHERE email = $1 ORDER BY failed_at", email);
    std::vector<time_point> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(from_millis(r.integer(i, 0)));
    return out;
  });
}

void pg_store::clear_login_failures(const std::string& email) {
  read(pool_, [&](connection& c) { return c.exec("DELETE FROM login_failures WHERE email = $1", email).affected(); });
}

std::vector<domain::question> pg_store::list_questions(const question_filter& f) {
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT id, title, body, category, difficulty, hints FROM questions "
                          "WHERE ($1::TEXT IS NULL OR category = $1) AND ($2::TEXT IS NULL OR difficulty = $2) ORDER BY position",
                          f.category, f.difficulty);
    // Filtered here, as SQLite does, so "case-insensitive" means the same on both backends.
    const auto needle = f.text ? lower(*f.text) : std::string();
    std::vector<domain::question> out;
    for (int i = 0; i < r.rows(); ++i) {
      auto item = read_question(r, i, 0);
      if (!needle.empty() && lower(item.title).find(needle) == std::string::npos &&
          lower(item.body).find(needle) == std::string::npos)
        continue;
      out.push_back(std::move(item));
    }
    return out;
  });
}

std::vector<domain::question> pg_store::find_questions(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return read(pool_, [&](connection& c) {
    const auto r = c.exec("SELECT id, title, body, category, difficulty, hints FROM questions WHERE id = ANY($1)", ids);
    std::unordered_map<std::string, int> row_of;
    for (int i = 0; i < r.rows(); ++i) row_of.emplace(r.text(i, 0), i);
    std::vector<domain::question> out;
    for (const auto& id : ids)
      if (auto it = row_of.find(id); it != row_of.end()) out.push_back(read_question(r, it->second, 0));
    return out;
  });
}

} // namespace mm::store::postgres
