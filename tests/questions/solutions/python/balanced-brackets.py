import sys

PAIRS = {")": "(", "]": "[", "}": "{"}


def is_balanced(s):
    stack = []
    for c in s:
        if c in PAIRS:
            if not stack or stack.pop() != PAIRS[c]:
                return False
        else:
            stack.append(c)
    return not stack


line = sys.stdin.readline().rstrip("\n")
print("true" if is_balanced(line) else "false")
