// push-send: sends one Web Push message with the push layer and prints the outcome as JSON, so
// black-box tests (tests/push/) can drive the real sender against a local push service.
//
//   push-send --vapid-key-file vapid.pem --subscription sub.json --payload-text '{"type":"x"}'
//             [--payload FILE] [--ttl 60] [--urgency normal] [--topic T] [--deadline-seconds 30]
//             [--vapid-subject mailto:admin@localhost] [--push-allow-origin ORIGIN]...
//             [--connect-timeout-ms 5000] [--attempt-timeout-ms 15000] [--backoff-ms 1000]
//             [--ca-file PEM (tests only)] [--vet]
//
// sub.json is a browser's PushSubscription.toJSON(): {endpoint, keys: {p256dh, auth}}.
// Prints {"outcome", "status", "attempts", "error", "retryAfter", "publicKey"} (with --vet:
// {"outcome": "ok"|"refused", "error", "origin"}) and exits 0; a bad argument, subscription or
// key file is reported on stderr with exit status 2.
#include "push/sender.hpp"
#include "push/subscription.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace mm;
using namespace std::chrono;

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "push-send: " << why << "\n";
  std::exit(2);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) usage("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

long number(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    const long n = std::stol(text, &used);
    if (used == text.size()) return n;
  } catch (const std::exception&) {
  }
  usage(flag + " needs a number");
}

push::urgency urgency_of(const std::string& text) {
  for (auto u : {push::urgency::very_low, push::urgency::low, push::urgency::normal, push::urgency::high})
    if (push::header_value(u) == text) return u;
  usage("--urgency is very-low, low, normal or high");
}

} // namespace

int main(int argc, char** argv) {
  std::string key_file, subscription_file, payload, ca_file;
  std::string subject(push::default_vapid_subject);
  std::vector<std::string> allow;
  push::push_message message;
  message.ttl = seconds{60};
  long deadline_seconds = 30;
  bool vet_only = false;
  push::sender_options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--vapid-key-file") key_file = value();
    else if (flag == "--subscription") subscription_file = value();
    else if (flag == "--payload") payload = read_file(value());
    else if (flag == "--payload-text") payload = value();
    else if (flag == "--vapid-subject") subject = value();
    else if (flag == "--push-allow-origin") allow.push_back(value());
    else if (flag == "--ttl") message.ttl = seconds{number(flag, value())};
    else if (flag == "--urgency") message.urgency = urgency_of(value());
    else if (flag == "--topic") message.topic = value();
    else if (flag == "--deadline-seconds") deadline_seconds = number(flag, value());
    else if (flag == "--connect-timeout-ms") options.connect_timeout = milliseconds{number(flag, value())};
    else if (flag == "--attempt-timeout-ms") options.attempt_timeout = milliseconds{number(flag, value())};
    else if (flag == "--backoff-ms") options.retries.first_backoff = milliseconds{number(flag, value())};
    else if (flag == "--ca-file") ca_file = value();
    else if (flag == "--vet") vet_only = true;
    else usage("unknown argument " + flag);
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("push-send")); // stdout is the JSON answer
  if (key_file.empty() || subscription_file.empty()) usage("--vapid-key-file and --subscription are required");
  if (!message.topic.empty() && !push::check_topic(message.topic)) usage("--topic must be 1 to 32 base64url characters");
  if (!push::check_vapid_subject(subject)) usage("--vapid-subject must be a mailto: or https: URI");
  try {
    const auto vapid = push::vapid_key::load_or_create(key_file);
    options.subject = subject;
    options.allowed = push::origin_allow_list(allow);
    options.ca_file = ca_file;

    boost::json::value sub;
    try {
      sub = boost::json::parse(read_file(subscription_file));
      message.to.endpoint = boost::json::value_to<std::string>(sub.at("endpoint"));
    } catch (const std::exception&) {
      usage("the subscription must be JSON {endpoint, keys: {p256dh, auth}}");
    }
    const domain::system_clock clock;
    boost::asio::io_context ioc;
    push::sender sender(vapid, clock, options);
    boost::json::object out;
    auto work = boost::asio::make_work_guard(ioc); // released by the completion
    if (vet_only) {
      sender.vet(message.to.endpoint, ioc.get_executor(), [&](domain::outcome<push::endpoint> r) {
        out["outcome"] = r ? "ok" : "refused";
        out["error"] = r ? "" : r.error().message;
        out["origin"] = r ? r->origin : "";
        work.reset();
      });
    } else {
      const auto* keys = sub.as_object().if_contains("keys");
      const auto* p256dh = keys && keys->is_object() ? keys->as_object().if_contains("p256dh") : nullptr;
      const auto* auth = keys && keys->is_object() ? keys->as_object().if_contains("auth") : nullptr;
      if (!p256dh || !auth || !p256dh->is_string() || !auth->is_string()) usage("the subscription has no keys.p256dh and keys.auth");
      auto parsed = push::parse_subscription_keys(p256dh->as_string(), auth->as_string());
      if (!parsed) usage(parsed.error().message);
      message.to.keys = *parsed;
      message.payload = payload;
      message.deadline = clock.now() + seconds{deadline_seconds};
      sender.send(std::move(message), ioc.get_executor(), [&](push::send_result r) {
        out["outcome"] = push::name(r.outcome);
        out["status"] = r.status;
        out["attempts"] = r.attempts;
        out["error"] = r.error;
        out["retryAfter"] = r.retry_after ? boost::json::value(r.retry_after->count()) : boost::json::value(nullptr);
        out["publicKey"] = vapid.public_key();
        work.reset();
      });
    }
    ioc.run(); // until the completion has run
    std::cout << boost::json::serialize(out) << std::endl;
    return 0;
  } catch (const std::exception& e) {
    usage(e.what());
  }
}
