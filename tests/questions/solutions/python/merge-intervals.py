import sys


def merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


data = [int(x) for x in sys.stdin.read().split()]
n = data[0]
intervals = [(data[1 + 2 * i], data[2 + 2 * i]) for i in range(n)]
for start, end in merge(intervals):
    print(start, end)
