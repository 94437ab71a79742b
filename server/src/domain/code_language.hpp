#pragma once
// The languages a workspace is written in and the sandbox runs: python (Python 3),
// javascript (Node.js), cpp (C++20 with g++). Spelled as the contract spells them.
#include <array>
#include <optional>
#include <string_view>

namespace mm::domain {

enum class code_language { python, javascript, cpp };

inline constexpr std::array<code_language, 3> all_code_languages{code_language::python, code_language::javascript,
                                                                 code_language::cpp};

std::string_view to_string(code_language v); // "python", "javascript", "cpp"
std::optional<code_language> parse_code_language(std::string_view s);

} // namespace mm::domain
