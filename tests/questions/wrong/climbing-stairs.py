# Deliberately slow: plain recursion is exponential, so "seventy steps" never finishes.
import sys


def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


print(ways(int(sys.stdin.read())))
