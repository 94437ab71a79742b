import sys


def move_zeroes(nums):
    """In place: copy non-zeros forward to the write index, then fill the tail with zeros."""
    write = 0
    for x in nums:
        if x != 0:
            nums[write] = x
            write += 1
    for k in range(write, len(nums)):
        nums[k] = 0


data = [int(x) for x in sys.stdin.read().split()]
nums = data[1:1 + data[0]]
move_zeroes(nums)
print(" ".join(map(str, nums)))
