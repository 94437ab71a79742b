import sys
from collections import deque


class Node:
    def __init__(self, val, left=None, right=None):
        self.val, self.left, self.right = val, left, right


def serialize(root):
    """Pre-order with '#' for every empty subtree: enough to rebuild the tree uniquely."""
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is None:
            out.append("#")
        else:
            out.append(str(node.val))
            stack.append(node.right)
            stack.append(node.left)
    return " ".join(out)


def deserialize(data):
    tokens = iter(data.split())

    def build():
        t = next(tokens)
        if t == "#":
            return None
        node = Node(int(t))
        node.left = build()
        node.right = build()
        return node

    return build()


def from_level_order(tokens):
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


def to_level_order(root):
    out, queue = [], deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append("null")
        else:
            out.append(str(node.val))
            queue.append(node.left)
            queue.append(node.right)
    while out and out[-1] == "null":
        out.pop()
    return " ".join(out)


def main():
    sys.setrecursionlimit(10000)
    lines = sys.stdin.read().split("\n") + [""]
    mode, data = lines[0].strip(), lines[1]
    if mode == "serialize":
        print(serialize(from_level_order(data.split())))
    else:
        print(to_level_order(deserialize(data)))


main()
