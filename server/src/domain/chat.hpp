#pragma once
// In-room chat (API.md v2, "In-room chat"): the message and the rules on its text. Pure.
#include "domain/error.hpp"
#include "domain/rate_window.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace mm::domain {

struct chat_message {
  std::string id;
  std::string room_id;
  party from;
  std::string text; // user content: never logged
  time_point sent_at;
  std::int64_t seq = 0; // 1, 2, ... per room, in the order the store accepted them (the cursor)
};

namespace limits {
inline constexpr std::size_t chat_text = 2000;
} // namespace limits

// "At most 30 messages per user in any 10 seconds."
inline constexpr rate_window chat_rate{30, milliseconds{10'000}};

// "text 1 to 2,000 characters after trimming": the text trimmed of white space at both ends,
// 1..2000 code points (as every length of docs/api.md), with no control characters but line
// breaks and tabs; else validation_failed naming `text`.
outcome<std::string> check_chat_text(std::string_view text);

} // namespace mm::domain
