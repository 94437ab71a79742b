#include <iostream>
#include <vector>

int search(const std::vector<int>& nums, int target) {
  int lo = 0, hi = static_cast<int>(nums.size()) - 1;
  while (lo <= hi) {
    const int mid = lo + (hi - lo) / 2;
    if (nums[mid] == target) return mid;
    if (nums[lo] <= nums[mid]) {  // the left half is sorted
      if (nums[lo] <= target && target < nums[mid]) hi = mid - 1;
      else lo = mid + 1;
    } else {  // the right half is sorted
      if (nums[mid] < target && target <= nums[hi]) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return -1;
}

int main() {
  int n, target;
  std::cin >> n >> target;
  std::vector<int> nums(n);
  for (auto& x : nums) std::cin >> x;
  std::cout << search(nums, target) << '\n';
}
