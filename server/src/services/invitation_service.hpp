#pragma once
// Interview invitations (API.md, "Interview lifecycle"): send, answer, cancel, and the reads
// over them (detail, history, statistics). Every transition persists first, then publishes.
#include "services/context.hpp"
#include "services/requests.hpp"
#include "services/timezone.hpp"
#include "store/workspace_store.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

namespace mm::services {

struct sent_invitation {
  domain::interview iv;
  bool invitee_online = false;
  bool met = false; // met a mutual invitation, which is now accepted
};

struct interview_detail {
  domain::interview iv;
  std::optional<std::vector<domain::feedback>> feedback; // once completed or abandoned
  std::vector<store::workspace_doc> workspaces;           // workspace_service::documents_of
};

struct history_query {
  std::optional<std::string> status;
  std::optional<std::string> role;
  int limit = 20;
  std::optional<std::string> cursor;
};

struct history_page {
  std::vector<domain::interview> interviews;
  std::optional<std::string> next_cursor;
};

class invitation_service {
public:
  invitation_service(context& ctx, const timezone_db& zones) : ctx_(ctx), zones_(zones) {}

  boost::asio::awaitable<domain::outcome<sent_invitation>> send(std::string inviter_id, invitation_request r);
  boost::asio::awaitable<domain::outcome<domain::interview>> answer(std::string user_id, std::string room_id, bool accept);
  boost::asio::awaitable<domain::outcome<domain::interview>> cancel(std::string user_id, std::string room_id);
  // {interview, from} for each invitation still pending for the user: sent to a socket on connect.
  boost::asio::awaitable<std::vector<boost::json::object>> pending_for(std::string user_id);

  // not_found for anyone but the two participants.
  boost::asio::awaitable<domain::outcome<interview_detail>> detail(std::string user_id, std::string room_id);
  boost::asio::awaitable<domain::outcome<history_page>> history(std::string user_id, history_query q);
  // scope: "me" or "all"; validation_failed otherwise.
  boost::asio::awaitable<domain::outcome<boost::json::object>> stats(std::string user_id, std::string scope);

private:
  // Deadlines and announcements of an accepted invitation and the ones it ended (busy); the
  // presence change is the caller's.
  void after_acceptance(const domain::interview& iv, const std::vector<domain::interview>& ended_busy);

  context& ctx_;
  const timezone_db& zones_;
};

} // namespace mm::services
