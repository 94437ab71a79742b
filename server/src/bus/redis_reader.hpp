#pragma once
// The Redis bus's subscriber thread: one connection SUBSCRIBEd to the bus channel, read in a
// poll loop. It pings after 2 s of silence and gives the connection up after 6 s without data,
// then reconnects with retry_pacing. Everything it reports runs on its own thread.
#include "bus/redis_connection.hpp"

#include <functional>
#include <string_view>
#include <thread>

namespace mm::bus::detail {

class redis_reader {
public:
  struct handlers {
    std::function<void(std::string_view data)> on_data; // one published message's data
    std::function<bool()> ready;                        // may the link count as up (the writer is)
    std::function<void(bool up)> on_link;               // subscribed (true) / lost (false)
  };

  redis_reader(redis_endpoint e, handlers h) : endpoint_(std::move(e)), handlers_(std::move(h)) {}
  ~redis_reader() { stop(); }

  void start();
  void stop(); // idempotent

private:
  void loop();
  // Reads frames until the connection breaks (true) or stop (false).
  bool read_frames(redisContext* c);
  void on_frame(const redisReply* r);

  const redis_endpoint endpoint_;
  const handlers handlers_;
  retry_pacing pacing_;
  std::thread thread_;
  bool ever_linked_ = false; // reader thread only
};

} // namespace mm::bus::detail
