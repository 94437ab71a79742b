import sys


def edit_distance(a, b):
    """Row i of the table: distances from a[:i] to every prefix of b; two rows suffice."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1,              # delete ca
                         cur[j - 1] + 1,           # insert cb
                         prev[j - 1] + (ca != cb))  # replace, free when equal
        prev = cur
    return prev[-1]


lines = sys.stdin.read().split("\n") + ["", ""]
print(edit_distance(lines[0].strip(), lines[1].strip()))
