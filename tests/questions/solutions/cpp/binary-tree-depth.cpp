#include <iostream>
#include <memory>
#include <queue>
#include <sstream>
#include <string>
#include <vector>

struct node {
  int val;
  std::unique_ptr<node> left, right;
};

// Level order with "null" for missing children.
std::unique_ptr<node> build(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return nullptr;
  auto root = std::make_unique<node>(node{std::stoi(tokens[0]), nullptr, nullptr});
  std::queue<node*> queue;
  queue.push(root.get());
  std::size_t i = 1;
  while (!queue.empty() && i < tokens.size()) {
    node* n = queue.front();
    queue.pop();
    for (auto* side : {&n->left, &n->right}) {
      if (i < tokens.size() && tokens[i] != "null") {
        *side = std::make_unique<node>(node{std::stoi(tokens[i]), nullptr, nullptr});
        queue.push(side->get());
      }
      ++i;
    }
  }
  return root;
}

// Breadth-first, one level at a time.
int depth(const node* root) {
  int levels = 0;
  std::vector<const node*> level;
  if (root) level.push_back(root);
  while (!level.empty()) {
    ++levels;
    std::vector<const node*> next;
    for (const node* n : level)
      for (const node* child : {n->left.get(), n->right.get()})
        if (child) next.push_back(child);
    level = std::move(next);
  }
  return levels;
}

int main() {
  std::string line, token;
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<std::string> tokens;
  while (in >> token) tokens.push_back(token);
  std::cout << depth(build(tokens).get()) << '\n';
}
