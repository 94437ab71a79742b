import sys


def matches(text, pattern):
    """dp[i][j]: does text[i:] match pattern[j:]? Filled from the end."""
    m, n = len(text), len(pattern)
    dp = [[False] * (n + 1) for _ in range(m + 1)]
    dp[m][n] = True
    for i in range(m, -1, -1):
        for j in range(n - 1, -1, -1):
            first = i < m and pattern[j] in (text[i], ".")
            if j + 1 < n and pattern[j + 1] == "*":
                dp[i][j] = dp[i][j + 2] or (first and dp[i + 1][j])
            else:
                dp[i][j] = first and dp[i + 1][j + 1]
    return dp[0][0]


lines = sys.stdin.read().split("\n") + ["", ""]
print("true" if matches(lines[0].strip(), lines[1].strip()) else "false")
