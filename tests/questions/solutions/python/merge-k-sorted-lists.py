import heapq
import sys


class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next


def from_values(values):
    head = None
    for v in reversed(values):
        head = Node(v, head)
    return head


def merge_k(heads):
    """A min-heap of the current heads: O(N log k). The index breaks ties between equal values."""
    heap = [(h.val, i, h) for i, h in enumerate(heads) if h]
    heapq.heapify(heap)
    dummy = tail = Node(0)
    while heap:
        _, i, node = heapq.heappop(heap)
        tail.next = tail = node
        if node.next:
            heapq.heappush(heap, (node.next.val, i, node.next))
    return dummy.next


def main():
    lines = sys.stdin.read().split("\n")
    k = int(lines[0])
    heads = []
    for line in lines[1:1 + k]:
        numbers = [int(x) for x in line.split()]
        heads.append(from_values(numbers[1:1 + numbers[0]]))
    out = []
    node = merge_k(heads)
    while node:
        out.append(node.val)
        node = node.next
    print(" ".join(map(str, out)))


main()
