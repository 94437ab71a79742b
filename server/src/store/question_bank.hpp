#pragma once
#include <span>
#include <string_view>

namespace mm::store {

// One question of the bank seeded into a fresh database. `slug` is stable and unique (it becomes the id).
struct seed_question {
  std::string_view slug;        // e.g. "two-sum"
  std::string_view title;
  std::string_view body;        // the problem statement a candidate reads, a few sentences, may contain \n
  std::string_view category;    // "algorithms" | "system-design" | "behavioral"
  std::string_view difficulty;  // "easy" | "medium" | "hard"
  std::span<const std::string_view> hints; // 2-4 hints for the interviewer
};

// The whole bank, in a stable order.
std::span<const seed_question> question_bank();

}  // namespace mm::store
