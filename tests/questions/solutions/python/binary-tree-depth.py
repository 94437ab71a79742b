import sys
from collections import deque


class Node:
    def __init__(self, val):
        self.val, self.left, self.right = val, None, None


def build(tokens):
    """Level order with 'null' for missing children."""
    if not tokens:
        return None
    root = Node(int(tokens[0]))
    queue, i = deque([root]), 1
    while queue and i < len(tokens):
        node = queue.popleft()
        for side in ("left", "right"):
            if i < len(tokens) and tokens[i] != "null":
                child = Node(int(tokens[i]))
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root


def depth(root):
    """Breadth-first, one level at a time: no recursion limit on deep trees."""
    levels, level = 0, [root] if root else []
    while level:
        levels += 1
        level = [c for n in level for c in (n.left, n.right) if c]
    return levels


print(depth(build(sys.stdin.readline().split())))
