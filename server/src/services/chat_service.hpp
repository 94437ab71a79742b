#pragma once
// In-room chat (API.md v2, "In-room chat"): sending a message to the room and reading its
// history. Chat text is user content: it is never logged, counted by label or pushed.
#include "services/context.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mm::services {

struct chat_page {
  std::vector<domain::chat_message> messages;
  std::optional<std::string> next_cursor;
};

class chat_service {
public:
  // The history's page size when `limit` is not given, and the most a page holds.
  static constexpr int default_limit = 50, max_limit = 100;

  explicit chat_service(context& ctx) : ctx_(ctx) {}

  // chat-message from a socket that holds `user_id`'s place in the room (the adapter checked;
  // room_service::signal_refusal says why otherwise): validation_failed for the text
  // (domain::check_chat_text), then the store's not_found, conflict and rate_limited. The
  // message is committed (on disk) before this returns it; then the other participant's socket
  // in the room receives chat-message {message}.
  boost::asio::awaitable<domain::outcome<domain::chat_message>> send(std::string user_id, std::string room_id, std::string text);
  // The room's messages after `cursor` (a next_cursor of this service; none: from the first),
  // oldest first, `limit` of them (1..100). Participants only (not_found for anyone else),
  // during and after the interview; validation_failed for a bad limit or cursor. next_cursor is
  // set when more messages follow.
  boost::asio::awaitable<domain::outcome<chat_page>> history(std::string user_id, std::string room_id,
                                                             std::optional<std::string> cursor, int limit);

private:
  context& ctx_;
};

} // namespace mm::services
