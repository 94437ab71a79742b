#pragma once
// The contract's spelling of the domain's enumerations, both ways.
#include "domain/types.hpp"

#include <optional>
#include <string_view>

namespace mm::domain {

std::string_view to_string(experience_level v);
std::string_view to_string(interview_status v);
std::string_view to_string(end_reason v); // "" for none
std::optional<experience_level> parse_experience_level(std::string_view s);
std::optional<interview_status> parse_interview_status(std::string_view s);
std::optional<end_reason> parse_end_reason(std::string_view s);
std::string_view to_string(interview_origin v);
std::optional<interview_origin> parse_interview_origin(std::string_view s);

} // namespace mm::domain
