#pragma once
// A Redis reply, flattened: arrays hold their elements' text (integers as decimal text).
#include <cstdint>
#include <string>
#include <vector>

namespace mm::bus {

struct redis_reply {
  enum class kind { nil, integer, text, array, error } type = kind::nil;
  std::int64_t integer = 0;
  std::string text; // status, bulk string, or error message
  std::vector<std::string> elements;
  bool ok() const { return type != kind::error; }
};

// The reply a command gets when it never reached Redis (down, or the queue full).
inline redis_reply unreachable_reply() {
  redis_reply r;
  r.type = redis_reply::kind::error;
  r.text = "redis unreachable";
  return r;
}
inline bool is_unreachable(const redis_reply& r) { return r.type == redis_reply::kind::error && r.text == "redis unreachable"; }

} // namespace mm::bus
