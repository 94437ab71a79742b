import heapq
import sys


def course_order(n, pairs):
    """Kahn's algorithm with a min-heap, so the smallest available course always comes next."""
    after = [[] for _ in range(n)]
    missing = [0] * n  # prerequisites not taken yet
    for a, b in pairs:
        after[b].append(a)
        missing[a] += 1
    ready = [c for c in range(n) if missing[c] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        c = heapq.heappop(ready)
        order.append(c)
        for nxt in after[c]:
            missing[nxt] -= 1
            if missing[nxt] == 0:
                heapq.heappush(ready, nxt)
    return order if len(order) == n else None


data = [int(x) for x in sys.stdin.read().split()]
n, m = data[0], data[1]
pairs = [(data[2 + 2 * i], data[3 + 2 * i]) for i in range(m)]
order = course_order(n, pairs)
print("impossible" if order is None else " ".join(map(str, order)))
