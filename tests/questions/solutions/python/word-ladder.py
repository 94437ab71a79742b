import sys
from collections import defaultdict, deque


def ladder_length(start, end, words):
    """Breadth-first search; words sharing a pattern such as h*t are neighbours."""
    allowed = set(words) | {end}
    by_pattern = defaultdict(list)
    for w in allowed:
        for i in range(len(w)):
            by_pattern[w[:i] + "*" + w[i + 1:]].append(w)
    dist = {start: 1}
    queue = deque([start])
    while queue:
        w = queue.popleft()
        if w == end:
            return dist[w]
        for i in range(len(w)):
            for nxt in by_pattern.pop(w[:i] + "*" + w[i + 1:], []):
                if nxt not in dist:
                    dist[nxt] = dist[w] + 1
                    queue.append(nxt)
    return 0


def main():
    lines = sys.stdin.read().split("\n")
    start, end = lines[0].split()
    n = int(lines[1])
    words = lines[2].split()[:n] if n else []
    print(ladder_length(start, end, words))


main()
