#include "domain/code_language.hpp"

namespace mm::domain {

std::string_view to_string(code_language v) {
  switch (v) {
  case code_language::python: return "python";
  case code_language::javascript: return "javascript";
  case code_language::cpp: return "cpp";
  }
  return {};
}

std::optional<code_language> parse_code_language(std::string_view s) {
  for (auto v : all_code_languages)
    if (to_string(v) == s) return v;
  return std::nullopt;
}

} // namespace mm::domain
