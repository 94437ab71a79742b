#include <array>
#include <iostream>
#include <string>

// Grow the window to the right until it covers t, then shrink it from the left.
std::string min_window(const std::string& s, const std::string& t) {
  std::array<int, 256> need{};
  for (unsigned char c : t) ++need[c];
  std::size_t missing = t.size();  // characters of t (with repeats) the window still lacks
  std::size_t best_start = 0, best_len = s.size() + 1;
  for (std::size_t left = 0, right = 0; right < s.size(); ++right) {
    if (need[static_cast<unsigned char>(s[right])]-- > 0) --missing;
    while (missing == 0) {
      if (right - left + 1 < best_len) {  // strictly shorter: the leftmost window wins ties
        best_start = left;
        best_len = right - left + 1;
      }
      if (++need[static_cast<unsigned char>(s[left++])] > 0) ++missing;
    }
  }
  return best_len <= s.size() ? s.substr(best_start, best_len) : "";
}

int main() {
  std::string s, t;
  std::getline(std::cin, s);
  std::getline(std::cin, t);
  std::cout << min_window(s, t) << '\n';
}
