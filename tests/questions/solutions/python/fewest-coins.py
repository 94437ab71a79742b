import sys


def fewest_coins(coins, amount):
    """best[a] = fewest coins summing to a; O(amount * len(coins))."""
    INF = amount + 1
    best = [0] + [INF] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] <= amount else -1


data = [int(x) for x in sys.stdin.read().split()]
k, amount = data[0], data[1]
print(fewest_coins(data[2:2 + k], amount))
