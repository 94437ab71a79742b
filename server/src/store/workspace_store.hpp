#pragma once
// The shared editor's documents (API.md, "Shared code editor"; docs/decisions/0015-workspace-store.md):
// per (room, round) the current document with its version and language, and the linear log of
// the updates that made it (version, clientID, changes as JSON). Opening reads the document row
// only; a pull reads the log after a version; nothing replays the log.
//
// Every call re-reads the interview inside its transaction and applies the room's access rule
// (domain::check with action::signal: not_found for anyone but the participants, conflict
// unless accepted or in_progress) and domain::workspace_round, in that order. Versions are
// decided here: a push based on version v appends v+1.. only when the document is at v in the
// same transaction, so of two racing pushes on one version exactly one wins, on one node or many.
#include "domain/change_set.hpp"
#include "domain/code_language.hpp"
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm::store {

// One round's document. A round nobody wrote in yet is the empty python document at version 0
// with no updated_at.
struct workspace_doc {
  std::string room_id;
  int round = 1;
  domain::code_language language = domain::code_language::python;
  std::string doc; // UTF-8
  std::int64_t version = 0;
  std::optional<domain::time_point> updated_at;
};

// Who addresses which document: the round as the event gave it (nullopt: the current round).
struct workspace_target {
  std::string room_id;
  std::string user_id;
  std::optional<std::int64_t> round;
  domain::time_point now;
};

// An update of the log as the client sent it: `changes` is the JSON text of ChangeSet.toJSON().
struct logged_update {
  std::string client_id;
  std::string changes;
};

struct workspace_push {
  workspace_target at;
  std::int64_t version = 0;                 // the version the updates are based on
  std::vector<domain::doc_update> updates;  // applied in order, all or nothing
  std::vector<std::string> changes_json;    // updates[i].changes as JSON text, stored as given
};

// The interview as the call read it (for the broadcast to the other participant) and the document.
struct workspace_read {
  domain::interview iv;
  workspace_doc ws;
};

struct push_result {
  domain::interview iv;
  int round = 1;
  std::int64_t version = 0; // the document's version after the push
};

struct pull_result {
  domain::interview iv;
  int round = 1;
  std::int64_t version = 0;           // = the asked version + updates.size()
  std::vector<logged_update> updates; // the updates after the asked version, in order
};

class workspace_store {
public:
  virtual ~workspace_store() = default;
  // The document (the empty one when nobody wrote yet; nothing is written).
  virtual domain::outcome<workspace_read> open_workspace(const workspace_target& t) = 0;
  // One transaction: conflict (nothing changes) unless the document is at `p.version`; then
  // domain::apply_updates on the document (validation_failed when a change set's kept and
  // deleted lengths do not add up to the document's length, payload_too_large over
  // domain::limits::document_units: nothing is applied), the updates appended to the log as
  // versions v+1.., and the document, its version and updated_at = now written.
  virtual domain::outcome<push_result> push_workspace(const workspace_push& p) = 0;
  // The updates after `version`; validation_failed when `version` is beyond the document's.
  virtual domain::outcome<pull_result> pull_workspace(const workspace_target& t, std::int64_t version) = 0;
  // Sets the language (updated_at = now; the version does not change) and answers the document.
  virtual domain::outcome<workspace_read> set_workspace_language(const workspace_target& t, domain::code_language language) = 0;
  // Every stored document of the room, by round (no access rule: the caller checked it).
  virtual std::vector<workspace_doc> list_workspaces(const std::string& room_id) = 0;
};

} // namespace mm::store
