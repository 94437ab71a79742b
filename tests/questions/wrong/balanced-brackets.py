# Deliberately crashing: pops an empty stack on a leading closer ("closer first" fails with an
# exception, i.e. a non-zero exit code).
import sys

PAIRS = {")": "(", "]": "[", "}": "{"}
stack = []
ok = True
for c in sys.stdin.readline().rstrip("\n"):
    if c in PAIRS:
        ok = ok and stack.pop() == PAIRS[c]
    else:
        stack.append(c)
print("true" if ok and not stack else "false")
