#include "domain/workspace_rules.hpp"

#include "domain/round_rules.hpp"

namespace mm::domain {

outcome<int> workspace_round(const interview& iv, std::optional<std::int64_t> requested) {
  const int current = current_round(iv).number;
  if (!requested) return current;
  if (*requested < 1 || *requested > max_rounds) return fail(errc::validation_failed, "round must be 1 or 2.");
  return static_cast<int>(*requested);
}

std::vector<int> workspace_rounds(const interview& iv) {
  switch (iv.status) {
  case interview_status::accepted:
  case interview_status::in_progress:
  case interview_status::completed:
  case interview_status::abandoned: break;
  default: return {};
  }
  const auto current = workspace_round(iv, std::nullopt);
  std::vector<int> out;
  for (int r = 1; current && r <= *current; ++r) out.push_back(r);
  return out;
}

} // namespace mm::domain
