#include <functional>
#include <iostream>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

// Kahn's algorithm with a min-heap, so the smallest available course always comes next.
std::optional<std::vector<int>> course_order(int n, const std::vector<std::pair<int, int>>& pairs) {
  std::vector<std::vector<int>> after(n);
  std::vector<int> missing(n, 0);  // prerequisites not taken yet
  for (auto [a, b] : pairs) {
    after[b].push_back(a);
    ++missing[a];
  }
  std::priority_queue<int, std::vector<int>, std::greater<>> ready;
  for (int c = 0; c < n; ++c)
    if (missing[c] == 0) ready.push(c);
  std::vector<int> order;
  while (!ready.empty()) {
    const int c = ready.top();
    ready.pop();
    order.push_back(c);
    for (int next : after[c])
      if (--missing[next] == 0) ready.push(next);
  }
  if (static_cast<int>(order.size()) != n) return std::nullopt;
  return order;
}

int main() {
  int n, m;
  std::cin >> n >> m;
  std::vector<std::pair<int, int>> pairs(m);
  for (auto& [a, b] : pairs) std::cin >> a >> b;
  const auto order = course_order(n, pairs);
  if (!order) {
    std::cout << "impossible\n";
    return 0;
  }
  for (std::size_t i = 0; i < order->size(); ++i) std::cout << (i ? " " : "") << (*order)[i];
  std::cout << '\n';
}
