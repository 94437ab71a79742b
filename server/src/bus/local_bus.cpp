#include "bus/bus.hpp"

#include <boost/asio/post.hpp>

#include <vector>

namespace mm::bus {
namespace {

class local_bus final : public bus {
public:
  explicit local_bus(boost::asio::any_io_executor ex) : ex_(std::move(ex)) {}

  void publish(message m) override {
    boost::asio::post(ex_, [this, m = std::move(m)] {
      for (const auto& h : handlers_) h(m);
    });
  }
  void subscribe(handler h) override { handlers_.push_back(std::move(h)); }

private:
  boost::asio::any_io_executor ex_;
  std::vector<handler> handlers_;
};

} // namespace

std::unique_ptr<bus> create_local_bus(boost::asio::any_io_executor ex) { return std::make_unique<local_bus>(std::move(ex)); }

} // namespace mm::bus
