#pragma once
// The question bank.
#include "domain/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::store {

struct question_filter {
  std::optional<std::string> category;
  std::optional<std::string> difficulty;
  std::optional<std::string> text; // case-insensitive substring of title or body
};

class question_store {
public:
  virtual ~question_store() = default;
  virtual std::vector<domain::question> list_questions(const question_filter& f) = 0;
  // The questions with these ids, in the given order; missing ids are left out.
  virtual std::vector<domain::question> find_questions(const std::vector<std::string>& ids) = 0;
};

} // namespace mm::store
