#pragma once
// Input limits of API.md ("Limits") and the match score. Pure.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <optional>
#include <string_view>

namespace mm::domain {

namespace limits {
inline constexpr std::size_t email = 254;
inline constexpr std::size_t password_min = 8, password_max = 128;
inline constexpr std::size_t name = 80, headline = 120, target_role = 80, bio = 2000;
inline constexpr std::size_t topics = 20, topic = 40, languages = 10, language = 40;
inline constexpr std::size_t question_ids_max = 5;
} // namespace limits

// Length in Unicode code points of valid UTF-8 (invalid UTF-8 is rejected earlier, by the JSON parser).
std::size_t utf8_length(std::string_view s);

// Each returns a validation_failed failure naming `field`, or nothing when valid.
std::optional<failure> check_email(std::string_view field, std::string_view email);
std::optional<failure> check_password(std::string_view field, std::string_view password);
// Trimmed text of min..max code points, no control characters.
std::optional<failure> check_text(std::string_view field, std::string_view text, std::size_t min, std::size_t max);
std::optional<failure> check_list(std::string_view field, const std::vector<std::string>& items, std::size_t max_items,
                                  std::size_t max_item);

// Lower-cased, trimmed e-mail address: the key accounts are unique by.
std::string normalize_email(std::string_view email);

// 0..100: topic overlap (50), level closeness (30), timezone distance (20). Offsets are the
// zones' standard UTC offsets in minutes, unknown when nullopt.
int match_score(const profile& me, std::optional<int> my_offset, const profile& other, std::optional<int> other_offset);

} // namespace mm::domain
