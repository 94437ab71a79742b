#include "domain/enum_names.hpp"

#include <array>
#include <utility>

namespace mm::domain {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
  for (const auto& [value, name] : table)
    if (name == s) return value;
  return std::nullopt;
}
template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [value, name] : table)
    if (value == v) return name;
  return {};
}

constexpr std::array<std::pair<experience_level, std::string_view>, 5> levels{{
    {experience_level::student, "student"},
    {experience_level::junior, "junior"},
    {experience_level::mid, "mid"},
    {experience_level::senior, "senior"},
    {experience_level::staff, "staff"},
}};
constexpr std::array<std::pair<interview_status, std::string_view>, 8> statuses{{
    {interview_status::pending, "pending"},
    {interview_status::accepted, "accepted"},
    {interview_status::in_progress, "in_progress"},
    {interview_status::completed, "completed"},
    {interview_status::rejected, "rejected"},
    {interview_status::cancelled, "cancelled"},
    {interview_status::expired, "expired"},
    {interview_status::abandoned, "abandoned"},
}};
constexpr std::array<std::pair<end_reason, std::string_view>, 9> reasons{{
    {end_reason::none, ""},
    {end_reason::declined, "declined"},
    {end_reason::busy, "busy"},
    {end_reason::cancelled, "cancelled"},
    {end_reason::invite_timeout, "invite_timeout"},
    {end_reason::completed, "completed"},
    {end_reason::no_show, "no_show"},
    {end_reason::left, "left"},
    {end_reason::blocked, "blocked"},
}};

constexpr std::array<std::pair<interview_origin, std::string_view>, 3> origins{{
    {interview_origin::invitation, "invitation"},
    {interview_origin::match, "match"},
    {interview_origin::schedule, "schedule"},
}};

} // namespace

std::string_view to_string(experience_level v) { return name_of(levels, v); }
std::string_view to_string(interview_status v) { return name_of(statuses, v); }
std::string_view to_string(end_reason v) { return name_of(reasons, v); }
std::optional<experience_level> parse_experience_level(std::string_view s) { return lookup(levels, s); }
std::optional<interview_status> parse_interview_status(std::string_view s) { return lookup(statuses, s); }
std::optional<end_reason> parse_end_reason(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return lookup(reasons, s);
}

std::string_view to_string(interview_origin v) { return name_of(origins, v); }
std::optional<interview_origin> parse_interview_origin(std::string_view s) { return lookup(origins, s); }

} // namespace mm::domain
