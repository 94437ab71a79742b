#include "services/trust_service.hpp"

#include "services/announcements.hpp"
#include "services/secrets.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace mm::services {

using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

awaitable<outcome<block_outcome>> trust_service::block(std::string user_id, block_request r) {
  const auto now = ctx_.clock.now();
  auto result = co_await ctx_.executor.run([&] { return ctx_.db.add_block(user_id, r.user_id, now); });
  if (!result) co_return result.error();
  for (const auto& iv : result->ended) {
    ctx_.deadlines.cancel(expiry_key{iv.room_id});
    const bool rejected = iv.status == domain::interview_status::rejected;
    ctx_.counters.add("mockmate_invitations_total", rejected ? "outcome=\"rejected\"" : "outcome=\"cancelled\"");
    announce(ctx_, rejected ? "invitation-rejected" : "invitation-cancelled", iv);
  }
  // Every node drops the two from each other's presence watches (realtime/delivery.cpp).
  ctx_.events.publish({bus::control_topic{user_id}, "presence-hidden", boost::json::serialize(boost::json::string(r.user_id))});
  ctx_.events.publish({bus::control_topic{r.user_id}, "presence-hidden", boost::json::serialize(boost::json::string(user_id))});
  co_return block_outcome{std::move(result->b), result->created};
}

awaitable<outcome<bool>> trust_service::unblock(std::string user_id, std::string other_id) {
  const bool removed = co_await ctx_.executor.run([&] { return ctx_.db.remove_block(user_id, other_id); });
  if (!removed) co_return fail(errc::not_found, "You have not blocked that user.");
  co_return true;
}

awaitable<std::vector<domain::block>> trust_service::blocks(std::string user_id) {
  co_return co_await ctx_.executor.run([&] { return ctx_.db.list_blocks(user_id); });
}

awaitable<outcome<domain::report>> trust_service::report(std::string user_id, report_body r) {
  store::report_request req;
  req.r.id = new_id("rp");
  req.r.reporter.id = std::move(user_id);
  req.r.reported.id = std::move(r.user_id);
  req.r.room_id = std::move(r.room_id);
  req.r.reason = r.reason;
  req.r.details = std::move(r.details);
  req.r.created_at = ctx_.clock.now();
  co_return co_await ctx_.executor.run([&] { return ctx_.db.add_report(req); });
}

} // namespace mm::services
