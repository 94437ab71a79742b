import heapq
import sys


def alien_order(words):
    """Adjacent words give one edge each; Kahn's algorithm with a min-heap picks the letter
    that comes first in the English alphabet whenever several are free."""
    letters = {c for w in words for c in w}
    after = {c: set() for c in letters}
    for first, second in zip(words, words[1:]):
        for a, b in zip(first, second):
            if a != b:
                after[a].add(b)
                break
        else:
            if len(first) > len(second):  # a word before its own prefix
                return None
    missing = {c: 0 for c in letters}
    for a in letters:
        for b in after[a]:
            missing[b] += 1
    ready = [c for c in letters if missing[c] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        c = heapq.heappop(ready)
        order.append(c)
        for b in after[c]:
            missing[b] -= 1
            if missing[b] == 0:
                heapq.heappush(ready, b)
    return "".join(order) if len(order) == len(letters) else None


lines = sys.stdin.read().split("\n")
n = int(lines[0])
order = alien_order([w.strip() for w in lines[1:1 + n]])
print("invalid" if order is None else order)
