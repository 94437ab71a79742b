#pragma once
// What the participants say about an interview once it ended.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <string>
#include <vector>

namespace mm::store {

class feedback_store {
public:
  virtual ~feedback_store() = default;
  // not_found for strangers; conflict unless completed or abandoned, or when this participant
  // already gave feedback (one transaction).
  virtual domain::outcome<domain::feedback> add_feedback(const domain::feedback& f) = 0;
  virtual std::vector<domain::feedback> list_feedback(const std::string& room_id) = 0;
};

} // namespace mm::store
