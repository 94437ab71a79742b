import sys
from collections import OrderedDict


class LRUCache:
    """An OrderedDict is a hash map over a doubly linked list: both operations O(1)."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.items = OrderedDict()

    def get(self, key):
        if key not in self.items:
            return -1
        self.items.move_to_end(key)
        return self.items[key]

    def put(self, key, value):
        self.items[key] = value
        self.items.move_to_end(key)
        if len(self.items) > self.capacity:
            self.items.popitem(last=False)


def main():
    lines = sys.stdin.read().splitlines()
    capacity, count = map(int, lines[0].split())
    cache, out = LRUCache(capacity), []
    for line in lines[1:1 + count]:
        op, *args = line.split()
        if op == "get":
            out.append(str(cache.get(int(args[0]))))
        else:
            cache.put(int(args[0]), int(args[1]))
    print("\n".join(out))


main()
