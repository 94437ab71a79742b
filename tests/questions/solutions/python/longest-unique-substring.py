import sys


def longest_unique(s):
    """Sliding window; `last` maps a character to its latest index."""
    last, left, best = {}, 0, 0
    for right, c in enumerate(s):
        if last.get(c, -1) >= left:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left + 1)
    return best


print(longest_unique(sys.stdin.readline().strip()))
