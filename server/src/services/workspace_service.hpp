#pragma once
// The shared code editor (API.md, "Shared code editor"): the @codemirror/collab protocol with the
// server as the authority. The store decides versions and applies every update to its copy of
// the document inside one transaction (store/workspace_store.hpp); this service persists first,
// then tells the other participant's socket in the room (place_topic, on any node).
//
// Every call answers the store's failures: not_found for anyone but the participants, conflict
// unless the interview is accepted or in_progress, validation_failed for a round outside 1..2.
// The adapter refuses a participant's socket that has not joined the room (forbidden) before.
// Code is user content: nothing here logs a document, a change or a cursor.
#include "services/context.hpp"
#include "services/workspace_requests.hpp"
#include "store/workspace_store.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>

namespace mm::services {

struct pulled_updates {
  std::int64_t version = 0;
  boost::json::array updates; // [{clientID, changes}], the updates after the asked version
};

class workspace_service {
public:
  explicit workspace_service(context& ctx) : ctx_(ctx) {}

  boost::asio::awaitable<domain::outcome<store::workspace_doc>> open(std::string user_id, workspace_request r);
  // The new version; conflict when the document is not at r.version (nothing changes), else the
  // apply's validation_failed or payload_too_large (nothing changes). Sends workspace-updates.
  boost::asio::awaitable<domain::outcome<std::int64_t>> push(std::string user_id, workspace_push_request r);
  boost::asio::awaitable<domain::outcome<pulled_updates>> pull(std::string user_id, workspace_pull_request r);
  // Sends workspace-language.
  boost::asio::awaitable<domain::outcome<store::workspace_doc>> set_language(std::string user_id, workspace_language_request r);
  // Checks the access rule and the round (a read), then sends workspace-cursor; stores nothing.
  boost::asio::awaitable<domain::outcome<void>> cursor(std::string user_id, workspace_cursor_request r);

  // The documents GET /api/interviews/:roomId shows: the stored ones and, for the rounds of
  // domain::workspace_rounds nobody wrote in, the empty document; by round.
  static std::vector<store::workspace_doc> documents_of(const domain::interview& iv, std::vector<store::workspace_doc> stored);

private:
  store::workspace_target target(std::string user_id, const workspace_request& r) const;
  // Publishes `event` with `payload` to the other participant's place in the room.
  void tell_other(const domain::interview& iv, const std::string& user_id, std::string_view event, boost::json::object payload);

  context& ctx_;
};

} // namespace mm::services
