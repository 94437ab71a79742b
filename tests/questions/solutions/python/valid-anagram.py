import sys
from collections import Counter


def is_anagram(a, b):
    return len(a) == len(b) and Counter(a) == Counter(b)


lines = sys.stdin.read().split("\n") + ["", ""]
print("true" if is_anagram(lines[0].strip(), lines[1].strip()) else "false")
