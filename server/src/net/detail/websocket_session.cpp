#include "net/detail/websocket_session.hpp"

#include "net/detail/http_io.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <spdlog/spdlog.h>

namespace mm::net::detail {
using boost::asio::ip::tcp;
using websocket::opcode;
using event_kind = websocket::frame_reader::event::kind;

namespace {
// The server's read buffer (one for all connections: one thread). A read that fills it is
// followed by another, up to max_reads_per_turn; then the connection yields to the others.
constexpr std::size_t read_buffer_size = 64 * 1024;
constexpr int max_reads_per_turn = 4;
// Buffers per sendmsg: Asio passes at most 64 to one call (two per frame).
constexpr std::size_t max_gather = 64;

bool would_block(const boost::system::error_code& ec) {
  return ec == boost::asio::error::would_block || ec == boost::asio::error::try_again;
}
} // namespace

void websocket_session::frame_queue::push_front(out_frame f) {
  if (head_ > 0) items_[--head_] = std::move(f);
  else items_.insert(items_.begin(), std::move(f));
}

void websocket_session::frame_queue::pop_front() {
  items_[head_++].payload.reset();
  if (head_ == items_.size()) clear();
  else if (head_ >= 32 && head_ * 2 >= items_.size()) { // a queue that never drains stays bounded
    items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }
}

void websocket_session::frame_queue::clear_unstarted(std::size_t written) {
  if (written == 0 || empty()) return clear();
  items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(head_) + 1, items_.end());
}

void websocket_session::frame_queue::clear() noexcept {
  std::vector<out_frame>().swap(items_);
  head_ = 0;
}

websocket_session::websocket_session(std::shared_ptr<server::state> state, tcp::socket socket,
                                     std::string remote_address)
    : state_(std::move(state)), socket_(std::move(socket)), remote_address_(std::move(remote_address)),
      reader_(state_->options.websocket_max_message) {
  state_->add(this);
  registered_ = true;
}

websocket_session::~websocket_session() {
  if (registered_) state_->remove(this);
}

boost::asio::awaitable<void> websocket_session::refuse(response res, bool head, std::string_view request_id) {
  auto self = shared_from_this();
  phase_ = phase::draining; // nothing may be queued any more
  boost::beast::tcp_stream stream(std::move(socket_)); // for the write timeout
  stream.expires_after(state_->options.write_timeout);
  co_await write_response(stream, std::move(res), head, false, request_id);
  boost::system::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
  finish();
}

void websocket_session::start(std::string handshake_response, std::shared_ptr<websocket_handler> handler,
                              std::string_view early) {
  auto self = shared_from_this();
  handler_ = std::move(handler);
  boost::system::error_code ec;
  socket_.non_blocking(true, ec); // reads and writes are tried first, waited for only when they would block
  queued_bytes_ += handshake_response.size();
  queue_.push_front({std::make_shared<const std::string>(std::move(handshake_response)), {}, 0});
  accepted_ = true;
  schedule_flush();
  if (!early.empty()) {
    std::string bytes(early);
    consume(std::span<char>(bytes.data(), bytes.size()));
  }
  wait_readable();
}

void websocket_session::wait_readable() {
  socket_.async_wait(tcp::socket::wait_read,
                     [self = shared_from_this()](boost::system::error_code ec) { self->on_readable(ec); });
}

void websocket_session::on_readable(boost::system::error_code ec) {
  if (ec) return finish(); // aborted, or the socket failed
  auto& buffer = state_->websocket_read_buffer;
  if (buffer.size() != read_buffer_size) buffer.resize(read_buffer_size);
  for (int i = 0; i < max_reads_per_turn; ++i) {
    boost::system::error_code rec;
    const std::size_t n = socket_.read_some(boost::asio::buffer(buffer), rec);
    if (would_block(rec)) return wait_readable();
    if (rec) return finish(); // EOF: the peer is gone (or has answered our shutdown)
    consume(std::span<char>(buffer.data(), n));
    if (!socket_.is_open()) return finish();
    // A short read emptied the socket; its next bytes will make it readable again.
    if (n < buffer.size()) return wait_readable();
  }
  boost::asio::post(state_->executor, [self = shared_from_this()] { self->on_readable({}); });
}

void websocket_session::consume(std::span<char> in) {
  while (phase_ != phase::draining) {
    const auto e = reader_.next(in);
    switch (e.what) {
    case event_kind::need_more:
      return;
    case event_kind::message:
      if (phase_ == phase::open) deliver(e.data, e.binary);
      break;
    case event_kind::ping:
      if (phase_ == phase::open) {
        enqueue(opcode::pong, std::make_shared<const std::string>(e.data));
        schedule_flush();
      }
      break;
    case event_kind::pong:
      break;
    case event_kind::close:
      return on_peer_close(e.code);
    case event_kind::fail:
      return fail(e.code, e.why);
    }
  }
}

void websocket_session::deliver(std::string_view data, bool binary) {
  if (!handler_) return;
  // A handler exception is a bug in the layer above: log it, close the connection, keep the server.
  try {
    handler_->on_message(data, binary);
  } catch (const std::exception& e) {
    spdlog::error("websocket handler threw: {}", e.what());
    close(close_code::policy, "internal error");
  }
}

void websocket_session::on_peer_close(std::uint16_t code) {
  if (phase_ == phase::open) { // the peer starts: answer with its code
    auto payload = code == websocket::close_no_status ? std::string() : websocket::close_payload(code, {});
    enqueue(opcode::close, std::make_shared<const std::string>(std::move(payload)));
    start_teardown_timer();
  }
  phase_ = phase::draining;
  schedule_flush();
}

void websocket_session::fail(std::uint16_t code, std::string_view why) {
  if (code == websocket::close_too_big)
    spdlog::info("websocket from {}: message over {} bytes, closed with 1009", remote_address_,
                 state_->options.websocket_max_message);
  else
    spdlog::info("websocket from {}: {}, closed with {}", remote_address_, why, code);
  if (phase_ == phase::open) {
    enqueue(opcode::close, std::make_shared<const std::string>(websocket::close_payload(code, why)));
    start_teardown_timer();
  }
  phase_ = phase::draining;
  schedule_flush();
}

void websocket_session::send(std::shared_ptr<const std::string> frame, bool binary) {
  if (phase_ != phase::open || finished_ || !frame) return;
  enqueue(binary ? opcode::binary : opcode::text, std::move(frame));
  if (queued_bytes_ > state_->options.websocket_max_queued) {
    spdlog::warn("websocket to {}: {} bytes unsent, closing (peer does not keep up)", remote_address_, queued_bytes_);
    queue_.clear_unstarted(written_);
    queued_bytes_ = queue_.empty() ? 0 : queue_[0].payload->size();
    close(close_code::policy, "write queue overflow");
    return;
  }
  schedule_flush();
}

void websocket_session::close(std::uint16_t code, std::string_view reason) {
  if (phase_ != phase::open || finished_) return;
  phase_ = phase::closing;
  enqueue(opcode::close, std::make_shared<const std::string>(code == close_code::no_status ? std::string()
                                                                                           : websocket::close_payload(code, reason)));
  start_teardown_timer();
  schedule_flush();
}

void websocket_session::abort() {
  boost::system::error_code ec;
  if (socket_.is_open()) {
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
  }
}

void websocket_session::enqueue(opcode op, std::shared_ptr<const std::string> payload) {
  out_frame f{std::move(payload), {}, 0};
  f.header_size = static_cast<std::uint8_t>(websocket::encode_header(op, f.payload->size(), f.header));
  queued_bytes_ += f.payload->size();
  queue_.push_back(std::move(f));
}

void websocket_session::start_teardown_timer() {
  if (teardown_) return;
  teardown_ = std::make_unique<boost::asio::steady_timer>(state_->executor);
  teardown_->expires_after(state_->options.websocket_close_timeout);
  teardown_->async_wait([weak = weak_from_this()](boost::system::error_code ec) {
    if (ec) return;
    if (auto self = weak.lock()) self->abort();
  });
}

// One flush per turn of the io_context, however many frames are queued in it: this is what
// gathers them into one write.
void websocket_session::schedule_flush() {
  if (!accepted_ || flush_posted_ || waiting_writable_ || finished_) return;
  flush_posted_ = true;
  boost::asio::post(state_->executor, [self = shared_from_this()] {
    self->flush_posted_ = false;
    self->flush();
  });
}

void websocket_session::flush() {
  if (finished_ || waiting_writable_) return;
  while (!queue_.empty()) {
    std::array<boost::asio::const_buffer, max_gather> buffers;
    const auto count = gather(buffers);
    boost::system::error_code ec;
    const std::size_t n = socket_.write_some(std::span<const boost::asio::const_buffer>(buffers.data(), count), ec);
    if (would_block(ec)) {
      waiting_writable_ = true;
      socket_.async_wait(tcp::socket::wait_write, [self = shared_from_this()](boost::system::error_code wec) {
        self->waiting_writable_ = false;
        if (!wec) self->flush();
      });
      return;
    }
    if (ec) return abort(); // the pending read then finishes the connection
    advance(n);
  }
  if (phase_ == phase::draining && !send_shut_) { // both close frames are out, or ours after a failure
    send_shut_ = true;
    boost::system::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
  }
}

std::size_t websocket_session::gather(std::span<boost::asio::const_buffer> out) {
  std::size_t count = 0;
  std::size_t skip = written_;
  for (std::size_t i = 0; i < queue_.size() && count + 2 <= out.size(); ++i) {
    const auto& f = queue_[i];
    const std::string_view parts[2] = {{f.header.data(), f.header_size}, *f.payload};
    for (const auto part : parts) {
      if (skip >= part.size()) { // written already, or empty
        skip -= part.size();
        continue;
      }
      out[count++] = boost::asio::buffer(part.data() + skip, part.size() - skip);
      skip = 0;
    }
  }
  return count;
}

void websocket_session::advance(std::size_t n) {
  while (n > 0 && !queue_.empty()) {
    const auto& f = queue_[0];
    const std::size_t left = f.header_size + f.payload->size() - written_;
    if (n < left) {
      written_ += n;
      return;
    }
    n -= left;
    written_ = 0;
    queued_bytes_ -= f.payload->size();
    queue_.pop_front();
  }
}

void websocket_session::finish() {
  if (finished_) return;
  finished_ = true;
  phase_ = phase::draining;
  if (teardown_) teardown_->cancel();
  abort();
  queue_.clear();
  queued_bytes_ = 0;
  written_ = 0;
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
