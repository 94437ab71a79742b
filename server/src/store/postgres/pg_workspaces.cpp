// The shared editor's documents on PostgreSQL (store/workspace_store.hpp). A write locks, in this
// order, the interview row FOR SHARE (so ending the interview, which locks it FOR UPDATE, waits for
// the writes under way and every later write sees it ended) and the document row FOR UPDATE
// (created first when missing), so writes of one document serialize across nodes: the version
// compared under the lock is the version appended. The log's primary key (room, round, version)
// refuses a second row for one version whatever happens; its violation is answered as conflict.
#include "store/postgres/pg_store.hpp"
#include "store/postgres/transact.hpp"
#include "store/workspace_access.hpp"

#include <stdexcept>

namespace mm::store::postgres {

using domain::errc;
using domain::fail;
using domain::from_millis;
using domain::to_millis;

namespace {

constexpr std::string_view select_doc = "SELECT room_id, round, language, doc, version, updated_at FROM workspaces ";

workspace_doc read_doc(const result& r, int row) {
  workspace_doc ws;
  ws.room_id = r.text(row, 0);
  ws.round = static_cast<int>(r.integer(row, 1));
  auto language = domain::parse_code_language(r.text(row, 2));
  if (!language) throw std::runtime_error("a stored workspace has an unknown language");
  ws.language = *language;
  ws.doc = r.text(row, 3);
  ws.version = r.integer(row, 4);
  if (auto at = r.opt_integer(row, 5)) ws.updated_at = from_millis(*at);
  return ws;
}

// The stored document of (room, round), or the empty one; `lock`: created when missing and
// locked until COMMIT.
workspace_doc load_doc(connection& c, const std::string& room_id, int round, bool lock) {
  if (lock) {
    c.exec("INSERT INTO workspaces (room_id, round, language, doc, version) VALUES ($1, $2, 'python', '', 0) "
           "ON CONFLICT (room_id, round) DO NOTHING",
           room_id, round);
  }
  const auto r = c.exec(std::string(select_doc) + "WHERE room_id = $1 AND round = $2" + (lock ? " FOR UPDATE" : ""), room_id,
                        round);
  if (!r.empty()) return read_doc(r, 0);
  workspace_doc ws;
  ws.room_id = room_id;
  ws.round = round;
  return ws;
}

std::optional<std::int64_t> millis_of(const std::optional<domain::time_point>& t) {
  if (t) return to_millis(*t);
  return std::nullopt;
}

void save_doc(connection& c, const workspace_doc& ws) {
  c.exec("UPDATE workspaces SET language = $1, doc = $2, version = $3, updated_at = $4 WHERE room_id = $5 AND round = $6",
         std::string(domain::to_string(ws.language)), ws.doc, ws.version, millis_of(ws.updated_at), ws.room_id, ws.round);
}

// The interview, read after its row is locked FOR SHARE (nullopt when there is none).
std::optional<domain::interview> share_interview(connection& c, const std::string& room_id) {
  if (c.exec("SELECT 1 FROM interviews WHERE room_id = $1 FOR SHARE", room_id).empty()) return std::nullopt;
  return find_interview_in(c, room_id);
}

} // namespace

outcome<workspace_read> pg_store::open_workspace(const workspace_target& t) {
  return read(pool_, [&](connection& c) -> outcome<workspace_read> {
    auto iv = find_interview_in(c, t.room_id);
    auto round = workspace_access(iv, t);
    if (!round) return round.error();
    return workspace_read{std::move(*iv), load_doc(c, t.room_id, *round, false)};
  });
}

outcome<push_result> pg_store::push_workspace(const workspace_push& p) {
  if (p.changes_json.size() != p.updates.size()) throw std::invalid_argument("push_workspace: one JSON text per update");
  return write(pool_, [&](connection& c) -> outcome<push_result> {
    auto iv = share_interview(c, p.at.room_id);
    auto round = workspace_access(iv, p.at);
    if (!round) return round.error();
    auto ws = load_doc(c, p.at.room_id, *round, true);
    const auto behind = [&] {
      return fail(errc::conflict, "The document is at version " + std::to_string(ws.version) + ": pull, rebase and push again.");
    };
    if (ws.version != p.version) return behind();
    if (p.updates.empty()) return push_result{std::move(*iv), *round, ws.version};
    auto doc = apply_to_stored(ws.doc, p.updates);
    if (!doc) return doc.error();
    ws.doc = std::move(*doc);
    ws.version += static_cast<std::int64_t>(p.updates.size());
    ws.updated_at = p.at.now;
    try {
      for (std::size_t i = 0; i < p.updates.size(); ++i)
        c.exec("INSERT INTO workspace_updates (room_id, round, version, client_id, changes) VALUES ($1, $2, $3, $4, $5)",
               p.at.room_id, *round, p.version + static_cast<std::int64_t>(i) + 1, p.updates[i].client_id, p.changes_json[i]);
    } catch (const pg_error& e) {
      if (e.sqlstate != "23505") throw;
      return behind(); // another writer took the version (write() rolls this one back)
    }
    save_doc(c, ws);
    return push_result{std::move(*iv), *round, ws.version};
  });
}

outcome<pull_result> pg_store::pull_workspace(const workspace_target& t, std::int64_t version) {
  return read(pool_, [&](connection& c) -> outcome<pull_result> {
    auto iv = find_interview_in(c, t.room_id);
    auto round = workspace_access(iv, t);
    if (!round) return round.error();
    const auto ws = load_doc(c, t.room_id, *round, false);
    if (version < 0 || version > ws.version)
      return fail(errc::validation_failed,
                  "version must be from 0 to the document's version (" + std::to_string(ws.version) + ").");
    pull_result out{std::move(*iv), *round, version, {}};
    const auto r = c.exec("SELECT client_id, changes FROM workspace_updates WHERE room_id = $1 AND round = $2 AND version > $3 "
                          "ORDER BY version",
                          t.room_id, *round, version);
    for (int row = 0; row < r.rows(); ++row) out.updates.push_back({r.text(row, 0), r.text(row, 1)});
    out.version = version + static_cast<std::int64_t>(out.updates.size());
    return out;
  });
}

outcome<workspace_read> pg_store::set_workspace_language(const workspace_target& t, domain::code_language language) {
  return write(pool_, [&](connection& c) -> outcome<workspace_read> {
    auto iv = share_interview(c, t.room_id);
    auto round = workspace_access(iv, t);
    if (!round) return round.error();
    auto ws = load_doc(c, t.room_id, *round, true);
    ws.language = language;
    ws.updated_at = t.now;
    save_doc(c, ws);
    return workspace_read{std::move(*iv), std::move(ws)};
  });
}

std::vector<workspace_doc> pg_store::list_workspaces(const std::string& room_id) {
  return read(pool_, [&](connection& c) {
    const auto r = c.exec(std::string(select_doc) + "WHERE room_id = $1 ORDER BY round", room_id);
    std::vector<workspace_doc> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(read_doc(r, row));
    return out;
  });
}

} // namespace mm::store::postgres
