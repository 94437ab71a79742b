import sys


def count_islands(grid):
    rows, cols = len(grid), len(grid[0])
    seen = [[False] * cols for _ in range(rows)]
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            islands += 1
            seen[r][c] = True
            stack = [(r, c)]  # explicit stack: no recursion limit on large islands
            while stack:
                i, j = stack.pop()
                for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if 0 <= a < rows and 0 <= b < cols and grid[a][b] == "1" and not seen[a][b]:
                        seen[a][b] = True
                        stack.append((a, b))
    return islands


data = sys.stdin.read().split()
rows = int(data[0])
print(count_islands(data[2:2 + rows]))
