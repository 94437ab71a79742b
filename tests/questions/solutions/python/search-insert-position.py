import sys


def insert_position(nums, target):
    """Lower bound: the first index whose value is >= target."""
    lo, hi = 0, len(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main():
    data = [int(x) for x in sys.stdin.read().split()]
    n, target = data[0], data[1]
    print(insert_position(data[2:2 + n], target))


main()
