import sys
from collections import deque


class Node:
    def __init__(self, val):
        self.val, self.left, self.right = val, None, None


def build(tokens):
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


def is_bst(root):
    """Every node must lie strictly between the bounds its ancestors set."""
    stack = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if (low is not None and node.val <= low) or (high is not None and node.val >= high):
            return False
        stack.append((node.left, low, node.val))
        stack.append((node.right, node.val, high))
    return True


print("true" if is_bst(build(sys.stdin.readline().split())) else "false")
