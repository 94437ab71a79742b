#pragma once
// Partners to invite (GET /api/users/available) and the question bank (GET /api/questions).
#include "services/context.hpp"
#include "services/timezone.hpp"

#include <boost/asio/awaitable.hpp>

namespace mm::services {

struct partner_query {
  std::optional<std::string> topic;
  std::optional<std::string> level;
  std::optional<std::string> text;
  int limit = 20;
  std::optional<std::string> cursor;
};

struct partner_page {
  std::vector<domain::partner> partners;
  std::optional<std::string> next_cursor;
};

class partner_service {
public:
  partner_service(context& ctx, const timezone_db& zones) : ctx_(ctx), zones_(zones) {}

  // Complete, available users but the caller, by match score (highest first, then id).
  // validation_failed for an unknown level, a limit outside 1..100, or a cursor not ours.
  boost::asio::awaitable<domain::outcome<partner_page>> list(std::string caller_id, partner_query q);
  // validation_failed for an unknown category or difficulty.
  boost::asio::awaitable<domain::outcome<std::vector<domain::question>>> questions(store::question_filter f);

private:
  context& ctx_;
  const timezone_db& zones_;
};

} // namespace mm::services
