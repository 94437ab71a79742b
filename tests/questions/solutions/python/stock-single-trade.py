import sys


def best_profit(prices):
    best, lowest = 0, float("inf")
    for p in prices:
        lowest = min(lowest, p)
        best = max(best, p - lowest)
    return best


data = [int(x) for x in sys.stdin.read().split()]
print(best_profit(data[1:1 + data[0]]))
