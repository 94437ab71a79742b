import heapq
import sys
from collections import Counter


def top_k(nums, k):
    """Count, then keep the k best (count desc, value asc) with a heap: O(n log k)."""
    counts = Counter(nums)
    return heapq.nsmallest(k, counts, key=lambda v: (-counts[v], v))


data = [int(x) for x in sys.stdin.read().split()]
n, k = data[0], data[1]
print(" ".join(map(str, top_k(data[2:2 + n], k))))
