#include "services/workspace_views.hpp"

#include "domain/time.hpp"

#include <boost/json/parse.hpp>

namespace mm::services {

namespace json = boost::json;

json::object workspace_json(const store::workspace_doc& ws) {
  return {{"roomId", ws.room_id},
          {"round", ws.round},
          {"language", domain::to_string(ws.language)},
          {"doc", ws.doc},
          {"version", ws.version},
          {"updatedAt", ws.updated_at ? json::value(domain::to_iso8601(*ws.updated_at)) : json::value(nullptr)}};
}

json::array workspaces_json(const std::vector<store::workspace_doc>& list) {
  json::array out;
  out.reserve(list.size());
  for (const auto& ws : list) out.emplace_back(workspace_json(ws));
  return out;
}

json::array logged_updates_json(const std::vector<store::logged_update>& updates) {
  json::array out;
  out.reserve(updates.size());
  for (const auto& u : updates) out.emplace_back(json::object{{"clientID", u.client_id}, {"changes", json::parse(u.changes)}});
  return out;
}

} // namespace mm::services
