#include <deque>
#include <iostream>
#include <vector>

// A deque of indices whose values decrease; its front is the current window's maximum.
std::vector<int> window_maxima(const std::vector<int>& nums, int k) {
  std::deque<int> dq;
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(nums.size()); ++i) {
    while (!dq.empty() && nums[dq.back()] <= nums[i]) dq.pop_back();
    dq.push_back(i);
    if (dq.front() <= i - k) dq.pop_front();
    if (i >= k - 1) out.push_back(nums[dq.front()]);
  }
  return out;
}

int main() {
  int n, k;
  std::cin >> n >> k;
  std::vector<int> nums(n);
  for (auto& x : nums) std::cin >> x;
  const auto maxima = window_maxima(nums, k);
  for (std::size_t i = 0; i < maxima.size(); ++i) std::cout << (i ? " " : "") << maxima[i];
  std::cout << '\n';
}
