#pragma once
// Private to net's .cpp files (includes Beast): one WebSocket connection with its single
// serialized write queue.
#include "net/detail/http_io.hpp"
#include "net/detail/server_state.hpp"
#include "net/handler.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <memory>
#include <string>
#include <vector>

namespace mm::net::detail {

class websocket_session final : public websocket_connection,
                                public connection,
                                public std::enable_shared_from_this<websocket_session> {
public:
  // Takes over the socket of an HTTP session whose request asks for an upgrade. Registers
  // itself with the server at once (it counts as an open connection). The WebSocket stream
  // sits on the bare socket, not on a beast::tcp_stream: Beast's own timer covers the
  // handshakes, and an idle connection saves tcp_stream's shared state and timer.
  websocket_session(std::shared_ptr<server::state> state, boost::asio::ip::tcp::socket socket, std::string remote_address);
  ~websocket_session();

  // Refuses the upgrade: writes `res`, then closes the connection.
  boost::asio::awaitable<void> refuse(response res, bool head, std::string_view request_id);

  // Completes the handshake, then reads messages into `handler` until the connection is gone.
  boost::asio::awaitable<void> run(beast_request req, std::shared_ptr<websocket_handler> handler,
                                   std::string request_id);

  // websocket_connection
  void send(std::shared_ptr<const std::string> frame, bool binary) override;
  void close(std::uint16_t code, std::string_view reason) override;
  bool is_open() const noexcept override { return !close_requested_ && !finished_; }
  std::size_t queued_bytes() const noexcept override { return queued_bytes_; }
  const std::string& remote_address() const noexcept override { return remote_address_; }

  // connection
  void stop() override { close(close_code::going_away, "server shutting down"); }
  void abort() override;

private:
  struct frame {
    std::shared_ptr<const std::string> data;
    bool binary;
  };
  // FIFO of frames that holds no memory while empty (std::deque allocates ~570 bytes up front,
  // which every idle connection would keep).
  class frame_queue {
  public:
    bool empty() const noexcept { return head_ == items_.size(); }
    void push_back(frame f) { items_.push_back(std::move(f)); }
    frame pop_front() {
      frame f = std::move(items_[head_++]);
      if (head_ == items_.size()) clear();
      else if (head_ >= 32 && head_ * 2 >= items_.size()) { // a queue that never drains stays bounded
        items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
      }
      return f;
    }
    void clear() noexcept {
      std::vector<frame>().swap(items_);
      head_ = 0;
    }

  private:
    std::vector<frame> items_;
    std::size_t head_ = 0;
  };

  void start_read();
  void on_read(boost::system::error_code ec);
  void start_writer();
  void on_write(boost::system::error_code ec);
  void finish();

  std::shared_ptr<server::state> state_;
  boost::beast::websocket::stream<boost::asio::ip::tcp::socket> ws_;
  boost::beast::flat_buffer buffer_;
  std::string remote_address_;
  std::shared_ptr<websocket_handler> handler_;
  frame_queue queue_;
  std::shared_ptr<const std::string> in_flight_; // the message being written, kept alive until done
  std::size_t queued_bytes_ = 0;
  std::unique_ptr<boost::asio::steady_timer> teardown_; // only while closing
  std::uint16_t close_code_ = close_code::normal;
  std::string close_reason_;
  bool accepted_ = false;
  bool writing_ = false;
  bool close_requested_ = false;
  bool close_sent_ = false;
  bool finished_ = false;
  bool registered_ = false;
};

} // namespace mm::net::detail
