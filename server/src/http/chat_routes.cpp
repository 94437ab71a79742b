// In-room chat history (API.md v2, "In-room chat"); messages are sent over the socket.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::chat_service;
using services::service_set;

// GET /api/interviews/:roomId/chat?after=&limit= -> {messages, nextCursor}, oldest first.
awaitable<net::response> history(service_set& s, call& c) {
  auto limit = c.query_int("limit", chat_service::default_limit, 1, chat_service::max_limit);
  if (!limit) co_return error_response(limit.error());
  auto after = c.query("after");
  if (after && after->empty()) after.reset();
  auto page = co_await s.chat.history(c.user_id(), c.param("roomId"), std::move(after), *limit);
  if (!page) co_return error_response(page.error());
  json::array out;
  for (const auto& m : page->messages) out.push_back(services::chat_message_json(m));
  co_return json_response(200, json::object{{"messages", std::move(out)},
                                            {"nextCursor", page->next_cursor ? json::value(*page->next_cursor) : nullptr}});
}

constexpr std::array routes{
    route{"GET", "/api/interviews/:roomId/chat", true, history},
};

} // namespace

std::span<const route> chat_routes() { return routes; }

} // namespace mm::http
