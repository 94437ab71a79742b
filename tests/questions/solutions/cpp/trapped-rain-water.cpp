#include <algorithm>
#include <iostream>
#include <vector>

// Two pointers: the lower side's running maximum bounds the water above it.
long long trapped(const std::vector<int>& h) {
  if (h.empty()) return 0;
  std::size_t left = 0, right = h.size() - 1;
  int left_max = 0, right_max = 0;
  long long water = 0;
  while (left < right) {
    if (h[left] < h[right]) {
      left_max = std::max(left_max, h[left]);
      water += left_max - h[left++];
    } else {
      right_max = std::max(right_max, h[right]);
      water += right_max - h[right--];
    }
  }
  return water;
}

int main() {
  int n;
  std::cin >> n;
  std::vector<int> heights(n);
  for (auto& x : heights) std::cin >> x;
  std::cout << trapped(heights) << '\n';
}
