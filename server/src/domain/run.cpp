#include "domain/run.hpp"

#include <array>
#include <utility>

namespace mm::domain {

namespace {
constexpr std::array<std::pair<run_status, std::string_view>, 3> statuses{
    {{run_status::queued, "queued"}, {run_status::running, "running"}, {run_status::finished, "finished"}}};
constexpr std::array verdicts{run_verdict::passed,       run_verdict::failed,        run_verdict::ok,
                              run_verdict::compile_error, run_verdict::runtime_error, run_verdict::time_limit,
                              run_verdict::memory_limit,  run_verdict::output_limit};
} // namespace

std::string_view to_string(run_status s) {
  for (const auto& [v, name] : statuses)
    if (v == s) return name;
  return "queued";
}

std::optional<run_status> parse_run_status(std::string_view s) {
  for (const auto& [v, name] : statuses)
    if (name == s) return v;
  return std::nullopt;
}

std::optional<run_verdict> parse_run_verdict(std::string_view s) {
  for (auto v : verdicts)
    if (to_string(v) == s) return v;
  return std::nullopt;
}

} // namespace mm::domain

namespace mm::domain {

std::string displayable_output(std::string_view s) {
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) {
      out += replacement;
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
    bool valid = n > 0;
    for (std::size_t k = 1; valid && k <= n; ++k) {
      if (i + k >= s.size()) {
        valid = false;
        break;
      }
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) valid = false;
      else cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (valid && ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
      valid = false;
    if (!valid) {
      out += replacement;
      ++i;
      continue;
    }
    out.append(s.substr(i, n + 1));
    i += n + 1;
  }
  return out;
}

} // namespace mm::domain
