import sys


def ways(n):
    """ways(n) = ways(n-1) + ways(n-2): two rolling values, O(n) time and O(1) space."""
    a, b = 1, 1  # ways(0), ways(1)
    for _ in range(n - 1):
        a, b = b, a + b
    return b


print(ways(int(sys.stdin.read())))
