#include "services/workspace_service.hpp"

#include "domain/interview_rules.hpp"
#include "domain/workspace_rules.hpp"
#include "services/change_set_json.hpp"
#include "services/workspace_views.hpp"
#include "store/workspace_access.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace mm::services {

namespace json = boost::json;
using boost::asio::awaitable;
using domain::outcome;

store::workspace_target workspace_service::target(std::string user_id, const workspace_request& r) const {
  return {r.room_id, std::move(user_id), r.round, ctx_.clock.now()};
}

void workspace_service::tell_other(const domain::interview& iv, const std::string& user_id, std::string_view event,
                                   json::object payload) {
  ctx_.events.publish({bus::place_topic{iv.room_id, domain::other_participant(iv, user_id)}, std::string(event),
                       json::serialize(payload)});
}

awaitable<outcome<store::workspace_doc>> workspace_service::open(std::string user_id, workspace_request r) {
  const auto t = target(std::move(user_id), r);
  auto read = co_await ctx_.executor.run([&] { return ctx_.db.open_workspace(t); });
  if (!read) co_return read.error();
  co_return std::move(read->ws);
}

awaitable<outcome<std::int64_t>> workspace_service::push(std::string user_id, workspace_push_request r) {
  store::workspace_push p{target(user_id, r.at), r.version, std::move(r.updates), {}};
  p.changes_json.reserve(p.updates.size());
  for (const auto& u : p.updates) p.changes_json.push_back(json::serialize(to_json(u.changes)));
  auto pushed = co_await ctx_.executor.run([&] { return ctx_.db.push_workspace(p); });
  if (!pushed) co_return pushed.error();
  if (!p.updates.empty()) {
    ctx_.counters.add("mockmate_workspace_updates_total", "", static_cast<double>(p.updates.size()));
    tell_other(pushed->iv, user_id, "workspace-updates",
               {{"roomId", pushed->iv.room_id}, {"round", pushed->round}, {"version", pushed->version},
                {"updates", to_json(p.updates)}});
  }
  co_return pushed->version;
}

awaitable<outcome<pulled_updates>> workspace_service::pull(std::string user_id, workspace_pull_request r) {
  const auto t = target(std::move(user_id), r.at);
  auto pulled = co_await ctx_.executor.run([&] { return ctx_.db.pull_workspace(t, r.version); });
  if (!pulled) co_return pulled.error();
  co_return pulled_updates{pulled->version, logged_updates_json(pulled->updates)};
}

awaitable<outcome<store::workspace_doc>> workspace_service::set_language(std::string user_id, workspace_language_request r) {
  const auto t = target(user_id, r.at);
  auto set = co_await ctx_.executor.run([&] { return ctx_.db.set_workspace_language(t, r.language); });
  if (!set) co_return set.error();
  tell_other(set->iv, user_id, "workspace-language",
             {{"roomId", set->ws.room_id}, {"round", set->ws.round}, {"language", domain::to_string(set->ws.language)}});
  co_return std::move(set->ws);
}

awaitable<outcome<void>> workspace_service::cursor(std::string user_id, workspace_cursor_request r) {
  const auto t = target(user_id, r.at);
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(t.room_id); });
  auto round = store::workspace_access(iv, t);
  if (!round) co_return round.error();
  tell_other(*iv, user_id, "workspace-cursor",
             {{"roomId", iv->room_id}, {"round", *round}, {"from", user_id}, {"anchor", r.anchor}, {"head", r.head}});
  co_return outcome<void>{};
}

std::vector<store::workspace_doc> workspace_service::documents_of(const domain::interview& iv,
                                                                  std::vector<store::workspace_doc> stored) {
  for (const int round : domain::workspace_rounds(iv)) {
    if (std::any_of(stored.begin(), stored.end(), [&](const auto& ws) { return ws.round == round; })) continue;
    store::workspace_doc empty;
    empty.room_id = iv.room_id;
    empty.round = round;
    stored.push_back(std::move(empty));
  }
  std::sort(stored.begin(), stored.end(), [](const auto& a, const auto& b) { return a.round < b.round; });
  return stored;
}

} // namespace mm::services
