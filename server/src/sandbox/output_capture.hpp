#pragma once
// What is kept of one output stream: its first `keep` bytes, a short tail (for recognising an
// out-of-memory message at the end of a long stderr) and the count of everything seen.
// Memory stays bounded whatever the program writes.
#include <cstdint>
#include <string>
#include <string_view>

namespace mm::sandbox {

class output_capture {
public:
  static constexpr std::size_t tail_bytes = 4096;

  explicit output_capture(std::uint64_t keep) : keep_(keep) {}

  void append(std::string_view chunk);

  const std::string& kept() const { return kept_; }
  bool truncated() const { return total_ > kept_.size(); }
  std::uint64_t total() const { return total_; }
  // The last bytes seen (at most tail_bytes), whether or not they were kept.
  std::string tail() const;
  // Moves the kept bytes out.
  std::string take() { return std::move(kept_); }

private:
  std::uint64_t keep_;
  std::uint64_t total_ = 0;
  std::string kept_;
  std::string ring_; // the last tail_bytes, as a ring buffer once full
  std::size_t ring_start_ = 0;
};

} // namespace mm::sandbox
