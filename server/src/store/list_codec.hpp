#pragma once
// Short lists of validated strings (topics, languages, hints) kept in one text column, joined by
// the unit separator, which validation never lets into them.
#include <string>
#include <string_view>
#include <vector>

namespace mm::store {

inline std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\x1f';
    out += item;
  }
  return out;
}

inline std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto cut = text.find('\x1f');
    out.emplace_back(text.substr(0, cut));
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return out;
}

} // namespace mm::store
