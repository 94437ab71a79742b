#include "sandbox/output_capture.hpp"

#include <algorithm>

namespace mm::sandbox {

void output_capture::append(std::string_view chunk) {
  total_ += chunk.size();
  if (kept_.size() < keep_) kept_.append(chunk.substr(0, std::min<std::uint64_t>(chunk.size(), keep_ - kept_.size())));
  if (chunk.size() >= tail_bytes) {
    ring_.assign(chunk.substr(chunk.size() - tail_bytes));
    ring_start_ = 0;
    return;
  }
  for (char c : chunk) {
    if (ring_.size() < tail_bytes) {
      ring_.push_back(c);
    } else {
      ring_[ring_start_] = c;
      ring_start_ = (ring_start_ + 1) % tail_bytes;
    }
  }
}

std::string output_capture::tail() const { return ring_.substr(ring_start_) + ring_.substr(0, ring_start_); }

} // namespace mm::sandbox
