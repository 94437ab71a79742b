#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <vector>

// Binary search on how many elements of the shorter array go to the left half.
// Returns twice the median, an integer, so printing it needs no rounding.
long long median_times_two(const std::vector<long long>& x, const std::vector<long long>& y) {
  const auto& a = x.size() <= y.size() ? x : y;
  const auto& b = x.size() <= y.size() ? y : x;
  constexpr long long inf = std::numeric_limits<long long>::max() / 4;
  const long long m = a.size(), n = b.size(), half = (m + n + 1) / 2;
  long long lo = 0, hi = m;
  for (;;) {
    const long long i = (lo + hi) / 2;  // elements of a on the left
    const long long j = half - i;       // elements of b on the left
    const long long a_left = i > 0 ? a[i - 1] : -inf, a_right = i < m ? a[i] : inf;
    const long long b_left = j > 0 ? b[j - 1] : -inf, b_right = j < n ? b[j] : inf;
    if (a_left <= b_right && b_left <= a_right) {
      const long long left_max = std::max(a_left, b_left);
      if ((m + n) % 2 == 1) return 2 * left_max;
      return left_max + std::min(a_right, b_right);
    }
    if (a_left > b_right) hi = i - 1;
    else lo = i + 1;
  }
}

int main() {
  auto read = [] {
    std::size_t size;
    std::cin >> size;
    std::vector<long long> v(size);
    for (auto& x : v) std::cin >> x;
    return v;
  };
  const auto a = read();
  const auto b = read();
  std::printf("%.1f\n", static_cast<double>(median_times_two(a, b)) / 2);
}
