import sys
from collections import Counter


def min_window(s, t):
    """Grow the window to the right until it covers t, then shrink it from the left."""
    need = Counter(t)
    missing = len(t)  # characters of t (with repeats) the window still lacks
    best_start, best_len = 0, len(s) + 1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        while missing == 0:
            if right - left + 1 < best_len:  # strictly shorter: the leftmost window wins ties
                best_start, best_len = left, right - left + 1
            need[s[left]] += 1
            if need[s[left]] > 0:
                missing += 1
            left += 1
    return s[best_start:best_start + best_len] if best_len <= len(s) else ""


lines = sys.stdin.read().split("\n") + ["", ""]
print(min_window(lines[0].strip(), lines[1].strip()))
