#include <iostream>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

// One pass: remember each value's index; look up the complement before storing.
std::optional<std::pair<int, int>> two_sum(const std::vector<long long>& nums, long long target) {
  std::unordered_map<long long, int> seen;
  for (int j = 0; j < static_cast<int>(nums.size()); ++j) {
    if (auto it = seen.find(target - nums[j]); it != seen.end()) return std::pair{it->second, j};
    seen.emplace(nums[j], j);
  }
  return std::nullopt;
}

int main() {
  int n;
  long long target;
  std::cin >> n >> target;
  std::vector<long long> nums(n);
  for (auto& x : nums) std::cin >> x;
  if (auto pair = two_sum(nums, target)) std::cout << pair->first << ' ' << pair->second << '\n';
}
