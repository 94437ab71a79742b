#include "services/chat_service.hpp"

#include "domain/interview_rules.hpp"
#include "services/secrets.hpp"
#include "services/views.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace mm::services {

using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {
// The cursor is base64url("m:<seq>") of the page's last message: opaque to clients.
std::string encode_cursor(std::int64_t seq) { return to_base64url("m:" + std::to_string(seq)); }
std::optional<std::int64_t> decode_cursor(const std::string& cursor) {
  auto raw = cursor.size() > 40 ? std::nullopt : from_base64url(cursor);
  if (!raw || raw->size() < 3 || raw->size() > 20 || raw->compare(0, 2, "m:") != 0) return std::nullopt;
  if (!std::all_of(raw->begin() + 2, raw->end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return std::stoll(raw->substr(2));
}
} // namespace

awaitable<outcome<domain::chat_message>> chat_service::send(std::string user_id, std::string room_id, std::string text) {
  auto checked = domain::check_chat_text(text);
  if (!checked) co_return checked.error();
  domain::chat_message m;
  m.id = new_id("m");
  m.room_id = std::move(room_id);
  m.from.id = std::move(user_id);
  m.text = std::move(*checked);
  m.sent_at = ctx_.clock.now();
  auto posted = co_await ctx_.executor.run([&] { return ctx_.db.add_chat_message(m, domain::chat_rate); });
  if (!posted) co_return posted.error();
  // Persist first, then announce: to the socket holding the other participant's place (the
  // sender's user holds one place per room, and that is the socket that sent it).
  const auto payload = boost::json::serialize(boost::json::object{{"message", chat_message_json(posted->message)}});
  ctx_.events.publish({bus::place_topic{posted->message.room_id, posted->to_user_id}, "chat-message", payload});
  co_return std::move(posted->message);
}

awaitable<outcome<chat_page>> chat_service::history(std::string user_id, std::string room_id, std::optional<std::string> cursor,
                                                    int limit) {
  if (limit < 1 || limit > max_limit) co_return fail(errc::validation_failed, "limit must be from 1 to 100.");
  std::int64_t after = 0;
  if (cursor) {
    auto seq = decode_cursor(*cursor);
    if (!seq) co_return fail(errc::validation_failed, "after is not a cursor this server gave out.");
    after = *seq;
  }
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv || domain::role_of(*iv, user_id) == domain::role::none) co_return fail(errc::not_found, "No interview with that room id.");
  auto rows = co_await ctx_.executor.run([&] { return ctx_.db.list_chat(room_id, after, limit + 1); });
  chat_page page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<std::size_t>(limit));
    page.next_cursor = encode_cursor(rows.back().seq);
  }
  page.messages = std::move(rows);
  co_return page;
}

} // namespace mm::services
