#pragma once
// Who is online: a count of live sockets per user on this node, with a grace period after the
// last socket goes (5 s by default) so a page reload does not flap; and, through the cluster
// membership, the users online on other nodes. is_online is a plain read of local state (the
// membership keeps its view of the others in memory). Runs on the I/O executor.
#include "cluster/membership.hpp"
#include "services/context.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace mm::realtime {

class presence_registry final : public services::presence_directory {
public:
  presence_registry(boost::asio::any_io_executor ex, cluster::membership& cluster,
                    std::chrono::milliseconds offline_grace = std::chrono::seconds{5})
      : ex_(std::move(ex)), cluster_(cluster), grace_(offline_grace) {}

  // Online: a socket is connected here or on another node, or the last one left less than the
  // grace ago.
  bool is_online(const std::string& user_id) const override;
  // A socket is connected here, or the user is online on another node (whose view includes its
  // own reload grace).
  bool has_socket(const std::string& user_id) const override;
  // A socket of the user connected. True when this makes the user come online (and not merely
  // come back within the grace, nor already online on another node).
  bool connected(const std::string& user_id);
  // A socket of the user closed. When it was the last and none comes back within the grace,
  // `went_offline` runs, unless the user is still online on another node.
  void disconnected(const std::string& user_id, std::function<void()> went_offline);
  void stop();

private:
  struct entry {
    int sockets = 0;
    std::unique_ptr<boost::asio::steady_timer> leaving; // set during the grace
  };

  boost::asio::any_io_executor ex_;
  cluster::membership& cluster_;
  std::chrono::milliseconds grace_;
  std::unordered_map<std::string, entry> users_;
};

} // namespace mm::realtime
