import sys


def two_sum(nums, target):
    """One pass: remember each value's index; look up the complement before storing."""
    seen = {}
    for j, x in enumerate(nums):
        if target - x in seen:
            return seen[target - x], j
        seen[x] = j
    return None


def main():
    data = sys.stdin.read().split()
    n, target = int(data[0]), int(data[1])
    nums = [int(x) for x in data[2:2 + n]]
    i, j = two_sum(nums, target)
    print(i, j)


main()
