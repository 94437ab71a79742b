const numbers = require('node:fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const m = numbers[0];
const a = numbers.slice(1, 1 + m);
const n = numbers[1 + m];
const b = numbers.slice(2 + m, 2 + m + n);

// Binary search on how many elements of the shorter array go to the left half.
// Returns twice the median, an integer, so printing it needs no rounding.
function medianTimesTwo(a, b) {
  if (a.length > b.length) [a, b] = [b, a];
  const half = (a.length + b.length + 1) >> 1;
  let lo = 0, hi = a.length;
  for (;;) {
    const i = (lo + hi) >> 1; // elements of a on the left
    const j = half - i;       // elements of b on the left
    const aLeft = i > 0 ? a[i - 1] : -Infinity;
    const aRight = i < a.length ? a[i] : Infinity;
    const bLeft = j > 0 ? b[j - 1] : -Infinity;
    const bRight = j < b.length ? b[j] : Infinity;
    if (aLeft <= bRight && bLeft <= aRight) {
      const leftMax = Math.max(aLeft, bLeft);
      if ((a.length + b.length) % 2 === 1) return 2 * leftMax;
      return leftMax + Math.min(aRight, bRight);
    }
    if (aLeft > bRight) hi = i - 1;
    else lo = i + 1;
  }
}

console.log((medianTimesTwo(a, b) / 2).toFixed(1));
