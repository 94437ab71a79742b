import sys
from collections import defaultdict


def group_anagrams(words):
    groups = defaultdict(list)
    for w in words:
        groups["".join(sorted(w))].append(w)
    return sorted(sorted(g) for g in groups.values())


data = sys.stdin.read().split()
for group in group_anagrams(data[1:1 + int(data[0])]):
    print(" ".join(group))
