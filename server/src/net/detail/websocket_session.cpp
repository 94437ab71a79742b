#include "net/detail/websocket_session.hpp"

#include "net/spawn.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/websocket.hpp>
#include <spdlog/spdlog.h>

namespace mm::net::detail {
namespace websocket = boost::beast::websocket;
using boost::asio::as_tuple;
using boost::asio::use_awaitable;

namespace {
constexpr std::size_t max_close_reason = 123; // RFC 6455: control frames carry at most 125 bytes
// What the read that waits for a new message prepares in the buffer. That read is pending for
// the whole idle life of a connection: Beast's default (async_read) prepares 1,536 bytes, so
// an idle connection would hold them. Most messages (pongs, small events) fit in the first
// read; a longer one continues with reads of Beast's own size (up to websocket_max_message).
constexpr std::size_t first_read_limit = 128;
} // namespace

websocket_session::websocket_session(std::shared_ptr<server::state> state, boost::asio::ip::tcp::socket socket,
                                     std::string remote_address)
    : state_(std::move(state)), ws_(std::move(socket)), remote_address_(std::move(remote_address)) {
  state_->add(this);
  registered_ = true;
}

websocket_session::~websocket_session() {
  if (registered_) state_->remove(this);
}

boost::asio::awaitable<void> websocket_session::refuse(response res, bool head, std::string_view request_id) {
  auto self = shared_from_this();
  close_requested_ = true;
  boost::beast::tcp_stream stream(std::move(ws_.next_layer())); // for the write timeout
  stream.expires_after(state_->options.write_timeout);
  co_await write_response(stream, std::move(res), head, false, request_id);
  boost::system::error_code ec;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
  stream.close();
  finish();
}

boost::asio::awaitable<void> websocket_session::run(beast_request req, std::shared_ptr<websocket_handler> handler,
                                                    std::string request_id) {
  auto self = shared_from_this();
  handler_ = std::move(handler);
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = state_->options.websocket_close_timeout;
  timeouts.idle_timeout = websocket::stream_base::none();
  timeouts.keep_alive_pings = false;
  ws_.set_option(timeouts);
  ws_.set_option(websocket::stream_base::decorator(
      [id = std::move(request_id)](websocket::response_type& res) { res.set("X-Request-Id", id); }));
  ws_.read_message_max(state_->options.websocket_max_message);

  auto [ec] = co_await ws_.async_accept(req, as_tuple(use_awaitable));
  req = {}; // not needed any more: an idle connection should hold as little as possible
  // The decorator (it holds the request id) is only used by the handshake.
  ws_.set_option(websocket::stream_base::decorator([](websocket::response_type&) {}));
  if (ec) {
    abort();
    finish();
    co_return;
  }
  accepted_ = true;
  if (!queue_.empty() || close_requested_) start_writer();
  // Reads go on with completion handlers, not in this coroutine: an idle connection then holds
  // no coroutine frame, only Beast's pending read.
  start_read();
}

void websocket_session::start_read() {
  ws_.async_read_some(buffer_, first_read_limit,
                      [self = shared_from_this()](boost::system::error_code ec, std::size_t) { self->on_read(ec); });
}

void websocket_session::on_read(boost::system::error_code rec) {
  if (rec) {
    if (rec == websocket::error::message_too_big)
      spdlog::info("websocket from {}: message over {} bytes, closed with 1009", remote_address_,
                   state_->options.websocket_max_message);
    abort();
    finish();
    return;
  }
  if (!ws_.is_message_done()) { // the rest of a longer message: 0 lets Beast choose the size
    ws_.async_read_some(buffer_, 0,
                        [self = shared_from_this()](boost::system::error_code ec, std::size_t) { self->on_read(ec); });
    return;
  }
  if (handler_ && !close_requested_) {
    const auto data = buffer_.cdata();
    // A handler exception is a bug in the layer above: log it, drop the connection, keep the server.
    try {
      handler_->on_message(std::string_view(static_cast<const char*>(data.data()), data.size()), ws_.got_binary());
    } catch (const std::exception& e) {
      spdlog::error("websocket handler threw: {}", e.what());
      close(close_code::policy, "internal error");
    }
  }
  // Give the message's buffer back: an idle connection then holds only first_read_limit
  // bytes (the pending read's). One small allocation per message is cheap.
  buffer_.clear();
  buffer_.shrink_to_fit();
  start_read();
}

void websocket_session::send(std::shared_ptr<const std::string> frame, bool binary) {
  if (close_requested_ || finished_ || !frame) return;
  queued_bytes_ += frame->size();
  queue_.push_back({std::move(frame), binary});
  if (queued_bytes_ > state_->options.websocket_max_queued) {
    spdlog::warn("websocket to {}: {} bytes unsent, closing (peer does not keep up)", remote_address_, queued_bytes_);
    queue_.clear();
    queued_bytes_ = 0;
    close(close_code::policy, "write queue overflow");
    return;
  }
  if (accepted_ && !writing_) start_writer();
}

void websocket_session::close(std::uint16_t code, std::string_view reason) {
  if (close_requested_ || finished_) return;
  close_requested_ = true;
  close_code_ = code;
  close_reason_ = std::string(reason.substr(0, max_close_reason));
  teardown_ = std::make_unique<boost::asio::steady_timer>(state_->executor);
  teardown_->expires_after(state_->options.websocket_close_timeout);
  teardown_->async_wait([weak = weak_from_this()](boost::system::error_code ec) {
    if (ec) return;
    if (auto self = weak.lock()) self->abort();
  });
  if (accepted_ && !writing_) start_writer();
}

void websocket_session::abort() {
  boost::system::error_code ec;
  auto& socket = ws_.next_layer();
  if (socket.is_open()) {
    socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    socket.close(ec);
  }
}

// One message at a time (Beast writes one message per call); the frame being written is held
// in in_flight_ so that clearing the queue (overflow, finish) cannot free it under the write.
void websocket_session::start_writer() {
  if (writing_ || finished_) return;
  if (!queue_.empty()) {
    frame f = queue_.pop_front();
    queued_bytes_ -= f.data->size();
    in_flight_ = std::move(f.data);
    writing_ = true;
    ws_.binary(f.binary);
    ws_.async_write(boost::asio::buffer(*in_flight_),
                    [self = shared_from_this()](boost::system::error_code ec, std::size_t) { self->on_write(ec); });
    return;
  }
  if (close_requested_ && !close_sent_) {
    close_sent_ = true;
    writing_ = true;
    ws_.async_close(websocket::close_reason(static_cast<websocket::close_code>(close_code_), close_reason_),
                    [self = shared_from_this()](boost::system::error_code ec) {
                      self->writing_ = false;
                      if (ec) self->abort();
                    });
  }
}

void websocket_session::on_write(boost::system::error_code ec) {
  writing_ = false;
  in_flight_.reset();
  if (ec) {
    abort();
    return;
  }
  start_writer();
}

void websocket_session::finish() {
  if (finished_) return;
  finished_ = true;
  if (teardown_) teardown_->cancel();
  queue_.clear();
  queued_bytes_ = 0;
  if (registered_) {
    registered_ = false;
    state_->remove(this);
  }
  if (auto h = std::move(handler_)) {
    try {
      h->on_close();
    } catch (const std::exception& e) {
      spdlog::error("websocket on_close threw: {}", e.what());
    }
  }
}

} // namespace mm::net::detail
