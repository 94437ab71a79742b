#include <iostream>
#include <string>
#include <vector>

bool is_balanced(const std::string& s) {
  std::vector<char> stack;
  for (char c : s) {
    if (c == '(' || c == '[' || c == '{') {
      stack.push_back(c);
      continue;
    }
    const char opener = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (stack.empty() || stack.back() != opener) return false;
    stack.pop_back();
  }
  return stack.empty();
}

int main() {
  std::string line;
  std::getline(std::cin, line);
  std::cout << (is_balanced(line) ? "true" : "false") << '\n';
}
