#pragma once
// Private to net's .cpp files: one accepted WebSocket connection over net's own RFC 6455 frame
// layer (net/websocket_frame.hpp), with its single serialized write queue.
//
// Reading: no read is pending on an idle connection. It waits for readability
// (`async_wait(wait_read)`, ~100 bytes of reactor op), then reads what is there into the
// server's one read buffer (single thread, decision 0001) and parses it at once; only a frame
// or message split across reads is copied into the connection (frame_reader), and freed once
// delivered.
//
// Writing: one writer per connection, the only code that writes to the socket, so data, pong
// and close frames never interleave. Frames queued within one turn of the io_context (send()
// posts a single flush) leave in one gathered write (`sendmsg` with up to 64 buffers: each
// frame's few header bytes, held inline in the queue, then its shared payload, never copied);
// frames queued while the socket is full leave together when it drains.
//
// Closing: close() queues the close frame behind what is queued; the peer's close frame is
// answered with its code; a protocol violation is answered with 1002/1007/1009. After both close
// frames (or a failure) and an empty queue the sending side is shut down and input is drained
// until the peer closes, bounded by websocket_close_timeout; then the socket is closed and the
// handler gets on_close().
#include "net/detail/server_state.hpp"
#include "net/handler.hpp"
#include "net/websocket_frame.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mm::net::detail {

class websocket_session final : public websocket_connection,
                                public connection,
                                public std::enable_shared_from_this<websocket_session> {
public:
  // Takes over the socket of an HTTP session whose request asks for an upgrade. Registers
  // itself with the server at once (it counts as an open connection).
  websocket_session(std::shared_ptr<server::state> state, boost::asio::ip::tcp::socket socket, std::string remote_address);
  ~websocket_session();

  // Refuses the upgrade: writes `res`, then closes the connection.
  boost::asio::awaitable<void> refuse(response res, bool head, std::string_view request_id);

  // Accepts: queues `handshake_response` (the 101) ahead of whatever was sent already, then
  // reads messages into `handler` until the connection is gone. `early` are bytes the client
  // sent after its request, parsed as if just read.
  void start(std::string handshake_response, std::shared_ptr<websocket_handler> handler, std::string_view early);

  // websocket_connection
  void send(std::shared_ptr<const std::string> frame, bool binary) override;
  void close(std::uint16_t code, std::string_view reason) override;
  bool is_open() const noexcept override { return phase_ == phase::open && !finished_; }
  std::size_t queued_bytes() const noexcept override { return queued_bytes_; }
  const std::string& remote_address() const noexcept override { return remote_address_; }

  // connection
  void stop() override { close(close_code::going_away, "server shutting down"); }
  void abort() override;

private:
  enum class phase : std::uint8_t {
    open,     // messages flow
    closing,  // our close frame is queued or sent; the peer's is awaited, its messages dropped
    draining, // both close frames (or a failure): shut down after the queue, drop input until EOF
  };

  // One frame to write: its header inline, its payload shared (a broadcast's bytes serve every
  // recipient). The 101 response is an entry with no header.
  struct out_frame {
    std::shared_ptr<const std::string> payload;
    std::array<char, websocket::max_server_header> header;
    std::uint8_t header_size;
  };
  // FIFO that holds no memory while empty; `written_` bytes of the front entry are already out.
  class frame_queue {
  public:
    bool empty() const noexcept { return head_ == items_.size(); }
    std::size_t size() const noexcept { return items_.size() - head_; }
    out_frame& operator[](std::size_t i) noexcept { return items_[head_ + i]; }
    void push_back(out_frame f) { items_.push_back(std::move(f)); }
    void push_front(out_frame f);
    void pop_front();
    // Drops every entry but a partly written front one (the wire must stay framed).
    void clear_unstarted(std::size_t written);
    void clear() noexcept;

  private:
    std::vector<out_frame> items_;
    std::size_t head_ = 0;
  };

  void enqueue(websocket::opcode op, std::shared_ptr<const std::string> payload);
  void wait_readable();
  void on_readable(boost::system::error_code ec);
  void consume(std::span<char> in);
  void deliver(std::string_view data, bool binary);
  void on_peer_close(std::uint16_t code);
  void fail(std::uint16_t code, std::string_view why);
  void start_teardown_timer();
  void schedule_flush();
  void flush();
  std::size_t gather(std::span<boost::asio::const_buffer> out);
  void advance(std::size_t n);
  void finish();

  std::shared_ptr<server::state> state_;
  boost::asio::ip::tcp::socket socket_;
  std::string remote_address_;
  std::shared_ptr<websocket_handler> handler_;
  websocket::frame_reader reader_;
  frame_queue queue_;
  std::size_t written_ = 0; // bytes of the queue's front entry already written
  std::size_t queued_bytes_ = 0;
  std::unique_ptr<boost::asio::steady_timer> teardown_; // only while closing
  phase phase_ = phase::open;
  bool accepted_ = false;        // the 101 is queued: flushing may start
  bool flush_posted_ = false;
  bool waiting_writable_ = false;
  bool send_shut_ = false;
  bool finished_ = false;
  bool registered_ = false;
};

} // namespace mm::net::detail
