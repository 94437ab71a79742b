#include "services/round_service.hpp"

#include "domain/round_rules.hpp"
#include "services/announcements.hpp"

namespace mm::services {

using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

awaitable<outcome<domain::interview>> round_service::start(std::string user_id, start_round_request r, bool in_room) {
  if (!in_room) {
    // Only a failure comes out of this read: the transaction below decides everything else.
    auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(r.room_id); });
    if (!iv) co_return fail(errc::not_found, "No interview with that room id.");
    if (auto ok = domain::check_start_round(*iv, user_id, domain::current_round(*iv).number); !ok) co_return ok.error();
    co_return fail(errc::forbidden, "Join the room first.");
  }
  store::start_round_request req{std::move(r.room_id), std::move(user_id), std::move(r.question_ids), ctx_.clock.now(),
                                 ctx_.config.round_minutes};
  auto result = co_await ctx_.executor.run([&] { return ctx_.db.start_round(req); });
  if (!result) co_return result.error();
  announce(ctx_, "round-started", *result);
  co_return std::move(*result);
}

awaitable<outcome<std::vector<domain::question>>> round_service::hints(std::string user_id, std::string room_id) {
  auto iv = co_await ctx_.executor.run([&] { return ctx_.db.find_interview(room_id); });
  if (!iv) co_return fail(errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check_hints(*iv, user_id, static_cast<int>(iv->rounds.size())); !ok) co_return ok.error();
  co_return domain::current_round(*iv).questions;
}

} // namespace mm::services
