import sys

INF = float("inf")


def median_times_two(a, b):
    """Binary search on how many elements of the shorter array go to the left half.

    Returns twice the median, an integer, so printing it needs no rounding."""
    if len(a) > len(b):
        a, b = b, a
    m, n = len(a), len(b)
    half = (m + n + 1) // 2
    lo, hi = 0, m
    while True:
        i = (lo + hi) // 2  # elements of a on the left
        j = half - i        # elements of b on the left
        a_left = a[i - 1] if i > 0 else -INF
        a_right = a[i] if i < m else INF
        b_left = b[j - 1] if j > 0 else -INF
        b_right = b[j] if j < n else INF
        if a_left <= b_right and b_left <= a_right:
            left_max = max(a_left, b_left)
            if (m + n) % 2 == 1:
                return 2 * left_max
            return left_max + min(a_right, b_right)
        if a_left > b_right:
            hi = i - 1
        else:
            lo = i + 1


def main():
    data = [int(x) for x in sys.stdin.read().split()]
    m = data[0]
    a = data[1:1 + m]
    n = data[1 + m]
    b = data[2 + m:2 + m + n]
    print(f"{median_times_two(a, b) / 2:.1f}")


main()
