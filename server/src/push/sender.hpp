#pragma once
// Sends Web Push messages (RFC 8030) off the caller's threads: one io_context of its own, run by
// one thread, holds every exchange; the caller hears of each push once, through a completion
// posted to the executor it names. A slow or dead push service costs the caller nothing but a
// queue slot. Beast and OpenSSL stay behind this header.
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "push/delivery.hpp"
#include "push/endpoint.hpp"
#include "push/push_request.hpp"
#include "push/vapid.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace mm::push {

struct sender_options {
  std::string subject{default_vapid_subject}; // VAPID `sub` (check_vapid_subject)
  origin_allow_list allowed;                  // --push-allow-origin
  std::string ca_file;                        // tests only: trust these CAs instead of /etc/ssl/certs
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds attempt_timeout{15'000}; // one try, resolution to response
  retry_policy retries;                              // 3 tries, backoff from 1 s
  std::size_t queue_capacity = 1024;                 // pushes queued or in flight
  std::size_t max_in_flight = 32;                    // exchanges at once
};

struct send_result {
  delivery outcome = delivery::failed;
  unsigned status = 0;  // the last HTTP status, 0 when no answer came
  int attempts = 0;     // tries that reached the network (0 when refused or dropped)
  std::string error;    // why it was not delivered, for logs; never payload content
  std::optional<std::chrono::seconds> retry_after; // from the last answer, when it had one
};

class sender {
public:
  using completion = std::function<void(send_result)>;

  // Starts the sender's thread. `vapid` and `clock` must outlive the sender; `clock` gives the
  // time of VAPID tokens, of HTTP dates in Retry-After and of deadlines. Throws
  // std::runtime_error when the CAs cannot be loaded.
  sender(const vapid_key& vapid, const domain::clock& clock, sender_options options);
  ~sender(); // stop()
  sender(const sender&) = delete;
  sender& operator=(const sender&) = delete;

  // Queues `message` and returns at once, from any thread. `done` runs exactly once on
  // `executor` with the outcome, unless the sender is stopped first. The endpoint is checked
  // (check_endpoint), resolved and vetted at every try; 429, 5xx, network errors and timeouts
  // are tried again (retry_policy, Retry-After honoured) while message.deadline allows. When
  // queue_capacity pushes are already queued or in flight, `done` gets `dropped` (posted, never
  // called inline): the newest push is the one given up, nothing queued is displaced.
  void send(push_message message, boost::asio::any_io_executor executor, completion done);

  // The check of a subscription's endpoint: check_endpoint, then resolution and vetting of every
  // address as a send would do them. `done` runs once on `executor` with the endpoint, or
  // validation_failed naming `endpoint` (unresolvable names included).
  void vet(std::string url, boost::asio::any_io_executor executor,
           std::function<void(domain::outcome<endpoint>)> done);

  // Pushes queued or in flight (for metrics and tests).
  std::size_t pending() const noexcept;

  // Stops the thread: exchanges under way are abandoned, and completions that have not run by
  // then never run. Idempotent; later send() calls complete with `dropped`.
  void stop();

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace mm::push
