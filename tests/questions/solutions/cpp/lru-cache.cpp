#include <iostream>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

// A list ordered by recency (most recent first) plus a map from key to list node: O(1) each.
class lru_cache {
 public:
  explicit lru_cache(std::size_t capacity) : capacity_(capacity) {}

  long long get(long long key) {
    auto it = index_.find(key);
    if (it == index_.end()) return -1;
    items_.splice(items_.begin(), items_, it->second);
    return it->second->second;
  }

  void put(long long key, long long value) {
    if (auto it = index_.find(key); it != index_.end()) {
      it->second->second = value;
      items_.splice(items_.begin(), items_, it->second);
      return;
    }
    items_.emplace_front(key, value);
    index_[key] = items_.begin();
    if (items_.size() > capacity_) {
      index_.erase(items_.back().first);
      items_.pop_back();
    }
  }

 private:
  std::size_t capacity_;
  std::list<std::pair<long long, long long>> items_;
  std::unordered_map<long long, std::list<std::pair<long long, long long>>::iterator> index_;
};

int main() {
  std::size_t capacity;
  int count;
  std::cin >> capacity >> count;
  lru_cache cache(capacity);
  std::string op;
  long long key, value;
  for (int i = 0; i < count && std::cin >> op >> key; ++i) {
    if (op == "get") {
      std::cout << cache.get(key) << '\n';
    } else {
      std::cin >> value;
      cache.put(key, value);
    }
  }
}
