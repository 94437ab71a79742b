import sys


def merge(a, b):
    i = j = 0
    out = []
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def main():
    data = [int(x) for x in sys.stdin.read().split()]
    n = data[0]
    a = data[1:1 + n]
    m = data[1 + n]
    b = data[2 + n:2 + n + m]
    print(" ".join(map(str, merge(a, b))))


main()
