#include "bus/redis_bus.hpp"

#include "bus/redis_frame.hpp"
#include "bus/redis_reader.hpp"
#include "bus/redis_writer.hpp"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include <atomic>

namespace mm::bus {
namespace {

class redis_bus_impl final : public redis_bus {
public:
  redis_bus_impl(boost::asio::any_io_executor ex, redis_endpoint e, std::string node_id)
      : ex_(std::move(ex)), node_id_(std::move(node_id)), writer_(ex_, e),
        reader_(e, {[this](std::string_view data) { on_data(data); }, [this] { return writer_.up(); },
                    [this](bool up) { set_linked(up); }}) {}
  ~redis_bus_impl() override { stop(); }

  void publish(message m) override {
    if (!stopping_ && !std::holds_alternative<link_topic>(m.to))
      writer_.enqueue({"PUBLISH", redis_channel, encode_frame(node_id_, m)}, nullptr);
    boost::asio::post(ex_, [this, m = std::move(m)] { deliver(m); });
  }

  void subscribe(handler h) override {
    handlers_.push_back(std::move(h));
    start();
  }

  void command(std::vector<std::string> argv, reply_handler done) override {
    start();
    writer_.enqueue(std::move(argv), std::move(done));
  }

  void on_link(link_handler h) override { link_handlers_.push_back(std::move(h)); }
  bool linked() const override { return linked_; }
  const std::string& node_id() const override { return node_id_; }

  void stop() override {
    if (stopping_.exchange(true)) return;
    reader_.stop();
    writer_.stop();
  }

private:
  void start() {
    if (started_ || stopping_) return;
    started_ = true;
    reader_.start();
    writer_.start();
  }

  void deliver(const message& m) {
    for (const auto& h : handlers_) h(m);
  }

  // Reader thread.
  void on_data(std::string_view data) {
    auto frame = parse_frame(data);
    if (!frame) {
      spdlog::warn("redis: dropped a message that is not a bus frame ({} bytes)", data.size());
      return;
    }
    if (frame->origin == node_id_) return; // our own echo: delivered locally already
    boost::asio::post(ex_, [this, m = std::move(frame->m)] { deliver(m); });
  }

  // Reader thread.
  void set_linked(bool up) {
    if (linked_ == up) return;
    linked_ = up;
    const bool again = up && ever_linked_;
    if (up) ever_linked_ = true;
    boost::asio::post(ex_, [this, up, again] {
      for (const auto& h : link_handlers_) h(up);
      if (again) deliver({link_topic{}, "reconnected", "{}"});
    });
  }

  boost::asio::any_io_executor ex_;
  const std::string node_id_;
  std::vector<handler> handlers_;           // executor only (set before start)
  std::vector<link_handler> link_handlers_; // executor only (set before start)
  detail::redis_writer writer_;
  detail::redis_reader reader_;
  bool started_ = false; // executor only
  std::atomic<bool> stopping_{false};
  std::atomic<bool> linked_{false};
  bool ever_linked_ = false; // reader thread only
};

} // namespace

std::unique_ptr<redis_bus> create_redis_bus(boost::asio::any_io_executor ex, const std::string& url, std::string node_id) {
  return std::make_unique<redis_bus_impl>(std::move(ex), parse_redis_url(url), std::move(node_id));
}

} // namespace mm::bus
