#pragma once
// In-room chat messages (API.md v2, "In-room chat"): kept with the interview, listed in the
// order they were accepted.
#include "domain/chat.hpp"
#include "domain/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm::store {

// A stored message and the participant it goes to.
struct chat_posted {
  domain::chat_message message;
  std::string to_user_id; // the other participant
};

class chat_store {
public:
  virtual ~chat_store() = default;
  // One transaction: not_found unless `m.from.id` is a participant of `m.room_id`; conflict
  // unless the interview is accepted or in_progress; rate_limited (domain::check_rate) when the
  // sender's messages in any room within `limit` reach its count. Otherwise stores `m` with the
  // room's next seq and answers it as stored (from.name filled in) with the other participant.
  // m.text is taken as checked.
  virtual domain::outcome<chat_posted> add_chat_message(const domain::chat_message& m,
                                                                 const domain::rate_window& limit) = 0;
  // At most `limit` messages of the room with seq > `after_seq`, in seq order.
  virtual std::vector<domain::chat_message> list_chat(const std::string& room_id, std::int64_t after_seq, int limit) = 0;
};

} // namespace mm::store
