import sys


class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next


def reverse(head):
    prev = None
    while head:
        following = head.next
        head.next = prev
        prev, head = head, following
    return prev


def main():
    data = [int(x) for x in sys.stdin.read().split()]
    values = data[1:1 + data[0]]
    head = None
    for v in reversed(values):
        head = Node(v, head)
    out = []
    node = reverse(head)
    while node:
        out.append(node.val)
        node = node.next
    print(" ".join(map(str, out)))


main()
