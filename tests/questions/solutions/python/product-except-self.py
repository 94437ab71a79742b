import sys


def product_except_self(nums):
    """Prefix products left to right into the output, then multiply in suffix products."""
    out = [1] * len(nums)
    for i in range(1, len(nums)):
        out[i] = out[i - 1] * nums[i - 1]
    suffix = 1
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= suffix
        suffix *= nums[i]
    return out


data = [int(x) for x in sys.stdin.read().split()]
print(" ".join(map(str, product_except_self(data[1:1 + data[0]]))))
