const [s = '', t = ''] = require('node:fs').readFileSync(0, 'utf8').split('\n').map((l) => l.trim());

// Grow the window to the right until it covers t, then shrink it from the left.
function minWindow(s, t) {
  const need = new Map();
  for (const c of t) need.set(c, (need.get(c) ?? 0) + 1);
  let missing = t.length; // characters of t (with repeats) the window still lacks
  let bestStart = 0, bestLen = Infinity;
  for (let left = 0, right = 0; right < s.length; right++) {
    const c = s[right];
    if ((need.get(c) ?? 0) > 0) missing--;
    need.set(c, (need.get(c) ?? 0) - 1);
    while (missing === 0) {
      if (right - left + 1 < bestLen) [bestStart, bestLen] = [left, right - left + 1]; // leftmost wins ties
      const d = s[left++];
      need.set(d, need.get(d) + 1);
      if (need.get(d) > 0) missing++;
    }
  }
  return bestLen === Infinity ? '' : s.slice(bestStart, bestStart + bestLen);
}

console.log(minWindow(s, t));
