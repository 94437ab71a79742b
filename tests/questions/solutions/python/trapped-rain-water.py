import sys


def trapped(heights):
    """Two pointers: the lower side's running maximum bounds the water above it."""
    left, right = 0, len(heights) - 1
    left_max = right_max = water = 0
    while left < right:
        if heights[left] < heights[right]:
            left_max = max(left_max, heights[left])
            water += left_max - heights[left]
            left += 1
        else:
            right_max = max(right_max, heights[right])
            water += right_max - heights[right]
            right -= 1
    return water


data = [int(x) for x in sys.stdin.read().split()]
print(trapped(data[1:1 + data[0]]))
