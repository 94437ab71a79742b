#pragma once
// The workspace's JSON (API.md, "Shared code editor"): `workspace` {roomId, round, language, doc,
// version, updatedAt} and the log's updates {clientID, changes}, for the acks, the broadcasts
// and GET /api/interviews/:roomId.
#include "store/workspace_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <vector>

namespace mm::services {

// updatedAt: null while nobody changed the document or its language.
boost::json::object workspace_json(const store::workspace_doc& ws);
boost::json::array workspaces_json(const std::vector<store::workspace_doc>& list);
// {clientID, changes} with `changes` parsed back from the stored JSON text.
boost::json::array logged_updates_json(const std::vector<store::logged_update>& updates);

} // namespace mm::services
