import sys
from collections import deque


def window_maxima(nums, k):
    """A deque of indices whose values decrease; its front is the current window's maximum."""
    dq, out = deque(), []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out


data = [int(x) for x in sys.stdin.read().split()]
n, k = data[0], data[1]
print(" ".join(map(str, window_maxima(data[2:2 + n], k))))
