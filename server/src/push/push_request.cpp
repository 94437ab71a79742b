#include "push/push_request.hpp"

#include "push/base64url.hpp"

#include <openssl/sha.h>

#include <algorithm>

namespace mm::push {

std::string_view header_value(urgency u) {
  switch (u) {
  case urgency::very_low: return "very-low";
  case urgency::low: return "low";
  case urgency::normal: return "normal";
  case urgency::high: return "high";
  }
  return "normal";
}

domain::outcome<std::string> check_topic(std::string_view topic) {
  const auto url_safe = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  };
  if (topic.empty() || topic.size() > 32 || !std::all_of(topic.begin(), topic.end(), url_safe))
    return domain::fail(domain::errc::validation_failed, "topic must be 1 to 32 base64url characters");
  return std::string(topic);
}

std::string derive_topic(std::string_view key) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest);
  return base64url_encode({reinterpret_cast<const char*>(digest), sizeof digest}).substr(0, 32);
}

http_request build_request(const endpoint& to, const push_message& message, std::chrono::seconds ttl,
                           const vapid_key& vapid, std::string_view subject, domain::time_point now) {
  http_request req;
  req.target = to.target;
  std::string host = to.host.find(':') != std::string::npos ? "[" + to.host + "]" : to.host;
  if (to.port != (to.tls ? 443 : 80)) host += ":" + std::to_string(to.port);
  req.body = encrypt_message(message.to.keys, message.payload);
  req.headers = {
      {"Host", std::move(host)},
      {"TTL", std::to_string(std::max<std::int64_t>(0, ttl.count()))},
      {"Urgency", std::string(header_value(message.urgency))},
  };
  if (!message.topic.empty()) req.headers.emplace_back("Topic", message.topic);
  req.headers.emplace_back("Content-Encoding", "aes128gcm");
  req.headers.emplace_back("Content-Type", "application/octet-stream");
  req.headers.emplace_back("Content-Length", std::to_string(req.body.size()));
  req.headers.emplace_back("Authorization", vapid.authorization(to.origin, subject, now));
  return req;
}

} // namespace mm::push
