# Deliberately wrong: stores the value before looking for its complement, so an element can pair
# with itself ("equal values" and "zeros" fail; the example passes).
import sys

data = sys.stdin.read().split()
n, target = int(data[0]), int(data[1])
seen = {}
for j, x in enumerate(int(v) for v in data[2:2 + n]):
    seen.setdefault(x, j)
    if target - x in seen:
        print(seen[target - x], j)
        break
