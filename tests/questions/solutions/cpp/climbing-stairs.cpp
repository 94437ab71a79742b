#include <cstdint>
#include <iostream>

// ways(n) = ways(n-1) + ways(n-2): two rolling values, O(n) time and O(1) space.
std::uint64_t ways(int n) {
  std::uint64_t a = 1, b = 1;  // ways(0), ways(1)
  for (int i = 2; i <= n; ++i) {
    const std::uint64_t next = a + b;
    a = b;
    b = next;
  }
  return b;
}

int main() {
  int n;
  std::cin >> n;
  std::cout << ways(n) << '\n';
}
