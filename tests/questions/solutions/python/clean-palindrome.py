import sys


def is_clean_palindrome(s):
    def keep(c):
        return c.isascii() and c.isalnum()

    i, j = 0, len(s) - 1
    while i < j:
        if not keep(s[i]):
            i += 1
        elif not keep(s[j]):
            j -= 1
        elif s[i].lower() != s[j].lower():
            return False
        else:
            i, j = i + 1, j - 1
    return True


print("true" if is_clean_palindrome(sys.stdin.readline().rstrip("\n")) else "false")
