#include <iostream>
#include <string>
#include <utility>
#include <vector>

int count_islands(const std::vector<std::string>& grid) {
  const int rows = static_cast<int>(grid.size()), cols = rows ? static_cast<int>(grid[0].size()) : 0;
  std::vector<std::vector<bool>> seen(rows, std::vector<bool>(cols, false));
  int islands = 0;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (grid[r][c] != '1' || seen[r][c]) continue;
      ++islands;
      seen[r][c] = true;
      std::vector<std::pair<int, int>> stack{{r, c}};  // explicit stack: no recursion depth limit
      while (!stack.empty()) {
        auto [i, j] = stack.back();
        stack.pop_back();
        const std::pair<int, int> around[] = {{i + 1, j}, {i - 1, j}, {i, j + 1}, {i, j - 1}};
        for (auto [a, b] : around) {
          if (a >= 0 && a < rows && b >= 0 && b < cols && grid[a][b] == '1' && !seen[a][b]) {
            seen[a][b] = true;
            stack.emplace_back(a, b);
          }
        }
      }
    }
  }
  return islands;
}

int main() {
  int rows, cols;
  std::cin >> rows >> cols;
  std::vector<std::string> grid(rows);
  for (auto& row : grid) std::cin >> row;
  std::cout << count_islands(grid) << '\n';
}
