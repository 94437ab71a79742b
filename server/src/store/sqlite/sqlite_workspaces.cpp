// The shared editor's documents on SQLite (store/workspace_store.hpp). Writes are one IMMEDIATE
// transaction (a savepoint inside a group-commit batch), so they serialize on the write lock, also
// between nodes sharing the file: the version compared inside it is the version appended after it.
// The log's primary key (room, round, version) refuses a second row for one version whatever happens.
#include "store/sqlite/sqlite_store.hpp"
#include "store/workspace_access.hpp"

#include <stdexcept>

namespace mm::store::sqlite {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::to_millis;

namespace {

workspace_doc empty_doc(const std::string& room_id, int round) {
  workspace_doc ws;
  ws.room_id = room_id;
  ws.round = round;
  return ws;
}

domain::code_language language_of(const std::string& stored) {
  auto l = domain::parse_code_language(stored);
  if (!l) throw std::runtime_error("a stored workspace has an unknown language");
  return *l;
}

constexpr std::string_view select_doc = "SELECT room_id, round, language, doc, version, updated_at FROM workspaces ";

workspace_doc read_doc(const statement& q) {
  workspace_doc ws;
  ws.room_id = q.text(0);
  ws.round = static_cast<int>(q.integer(1));
  ws.language = language_of(q.text(2));
  ws.doc = q.text(3);
  ws.version = q.integer(4);
  if (auto at = q.opt_integer(5)) ws.updated_at = from_millis(*at);
  return ws;
}

// The stored document of (room, round), or the empty one.
workspace_doc load_doc(database& db, const std::string& room_id, int round) {
  auto q = db.query(std::string(select_doc) + "WHERE room_id = ? AND round = ?");
  q.bind_all(room_id, round);
  if (q.step()) return read_doc(q);
  return empty_doc(room_id, round);
}

void save_doc(database& db, const workspace_doc& ws) {
  db.query("INSERT INTO workspaces (room_id, round, language, doc, version, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (room_id, round) DO UPDATE SET language = excluded.language, doc = excluded.doc, "
           "version = excluded.version, updated_at = excluded.updated_at")
      .bind_all(ws.room_id, ws.round, domain::to_string(ws.language), ws.doc, ws.version,
                ws.updated_at ? std::optional<std::int64_t>(to_millis(*ws.updated_at)) : std::nullopt)
      .run();
}

} // namespace

outcome<workspace_read> sqlite_store::open_workspace(const workspace_target& t) {
  auto iv = find_interview(t.room_id);
  auto round = workspace_access(iv, t);
  if (!round) return round.error();
  return workspace_read{std::move(*iv), load_doc(db_, t.room_id, *round)};
}

outcome<push_result> sqlite_store::push_workspace(const workspace_push& p) {
  if (p.changes_json.size() != p.updates.size()) throw std::invalid_argument("push_workspace: one JSON text per update");
  transaction tx(db_);
  auto iv = find_interview(p.at.room_id);
  auto round = workspace_access(iv, p.at);
  if (!round) return round.error();
  auto ws = load_doc(db_, p.at.room_id, *round);
  if (ws.version != p.version)
    return fail(errc::conflict, "The document is at version " + std::to_string(ws.version) + ": pull, rebase and push again.");
  if (p.updates.empty()) return push_result{std::move(*iv), *round, ws.version};
  auto doc = apply_to_stored(ws.doc, p.updates);
  if (!doc) return doc.error();
  // The document row first: the log's rows refer to it.
  ws.doc = std::move(*doc);
  ws.version += static_cast<std::int64_t>(p.updates.size());
  ws.updated_at = p.at.now;
  save_doc(db_, ws);
  for (std::size_t i = 0; i < p.updates.size(); ++i)
    db_.query("INSERT INTO workspace_updates (room_id, round, version, client_id, changes) VALUES (?, ?, ?, ?, ?)")
        .bind_all(p.at.room_id, *round, p.version + static_cast<std::int64_t>(i) + 1, p.updates[i].client_id,
                  p.changes_json[i])
        .run();
  tx.commit();
  return push_result{std::move(*iv), *round, ws.version};
}

outcome<pull_result> sqlite_store::pull_workspace(const workspace_target& t, std::int64_t version) {
  auto iv = find_interview(t.room_id);
  auto round = workspace_access(iv, t);
  if (!round) return round.error();
  const auto ws = load_doc(db_, t.room_id, *round);
  if (version < 0 || version > ws.version)
    return fail(errc::validation_failed, "version must be from 0 to the document's version (" + std::to_string(ws.version) + ").");
  pull_result out{std::move(*iv), *round, version, {}};
  auto q = db_.query("SELECT client_id, changes FROM workspace_updates WHERE room_id = ? AND round = ? AND version > ? "
                     "ORDER BY version");
  q.bind_all(t.room_id, *round, version);
  while (q.step()) out.updates.push_back({q.text(0), q.text(1)});
  out.version = version + static_cast<std::int64_t>(out.updates.size());
  return out;
}

outcome<workspace_read> sqlite_store::set_workspace_language(const workspace_target& t, domain::code_language language) {
  transaction tx(db_);
  auto iv = find_interview(t.room_id);
  auto round = workspace_access(iv, t);
  if (!round) return round.error();
  auto ws = load_doc(db_, t.room_id, *round);
  ws.language = language;
  ws.updated_at = t.now;
  save_doc(db_, ws);
  tx.commit();
  return workspace_read{std::move(*iv), std::move(ws)};
}

std::vector<workspace_doc> sqlite_store::list_workspaces(const std::string& room_id) {
  auto q = db_.query(std::string(select_doc) + "WHERE room_id = ? ORDER BY round");
  q.bind(1, room_id);
  std::vector<workspace_doc> out;
  while (q.step()) out.push_back(read_doc(q));
  return out;
}

} // namespace mm::store::sqlite
