#include "services/timezone.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unordered_map>

namespace mm::services {

bool timezone_db::valid(std::string_view name) const {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '-' && c != '+') return false;
  return offset_minutes(name).has_value();
}

std::optional<int> timezone_db::offset_minutes(std::string_view name) const {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::optional<int>> cache;
  std::lock_guard lock(mutex);
  auto key = dir_ + "/" + std::string(name);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::optional<int> result;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(key, ec)) { // a folder such as "Europe" is no zone
    if (cache.size() < 1000) cache.emplace(key, result);
    return result;
  }
  std::ifstream in(key, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() > 44 && data.compare(0, 4, "TZif") == 0 && data.back() == '\n') {
    const auto start = data.rfind('\n', data.size() - 2);
    if (start != std::string::npos) result = posix_tz_offset(std::string_view(data).substr(start + 1, data.size() - start - 2));
  }
  if (cache.size() < 1000) cache.emplace(key, result);
  return result;
}

std::optional<int> posix_tz_offset(std::string_view tz) {
  std::size_t i = 0;
  if (i < tz.size() && tz[i] == '<') {
    const auto close = tz.find('>');
    if (close == std::string_view::npos) return std::nullopt;
    i = close + 1;
  } else {
    while (i < tz.size() && std::isalpha(static_cast<unsigned char>(tz[i]))) ++i;
    if (i < 3) return std::nullopt;
  }
  int sign = 1;
  if (i < tz.size() && (tz[i] == '+' || tz[i] == '-')) sign = tz[i++] == '-' ? -1 : 1;
  int hours = 0, minutes = 0, digits = 0;
  while (i < tz.size() && std::isdigit(static_cast<unsigned char>(tz[i]))) hours = hours * 10 + (tz[i++] - '0'), ++digits;
  if (digits == 0) return std::nullopt;
  if (i < tz.size() && tz[i] == ':') {
    ++i;
    while (i < tz.size() && std::isdigit(static_cast<unsigned char>(tz[i]))) minutes = minutes * 10 + (tz[i++] - '0');
  }
  return -sign * (hours * 60 + minutes); // POSIX counts west of UTC as positive
}

} // namespace mm::services
