#include "realtime/presence_watch.hpp"

#include <boost/json/serialize.hpp>

namespace mm::realtime {

using boost::asio::awaitable;

awaitable<std::vector<boost::json::object>> presence_watch::watch(std::shared_ptr<socketio::socket> s,
                                                                  std::vector<std::string> user_ids) {
  // Blocked pairs are left out before anything is watched (API.md v2: neither's presence reaches
  // the other); a block made later drops them from the watch (delivery.cpp, presence-hidden).
  auto visible = co_await profiles_.visible_to(s->user_id(), std::move(user_ids));
  hub_.watch(*s, visible);
  co_return co_await profiles_.presence_of(std::move(visible));
}

awaitable<void> presence_watch::announce(std::vector<std::string> user_ids) {
  auto states = co_await profiles_.presence_of(std::move(user_ids));
  for (auto& p : states) {
    const auto id = std::string(p.at("userId").as_string());
    deliver_({bus::presence_topic{id}, "presence", boost::json::serialize(p)});
  }
}

awaitable<void> presence_watch::announce_watched() {
  auto watched = hub_.watched();
  if (watched.empty()) co_return;
  co_await announce(std::move(watched));
}

} // namespace mm::realtime
