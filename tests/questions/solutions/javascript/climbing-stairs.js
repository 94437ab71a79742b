const n = Number(require('node:fs').readFileSync(0, 'utf8'));

// ways(n) = ways(n-1) + ways(n-2); up to n = 70 the answer stays below 2^53.
function ways(n) {
  let [a, b] = [1, 1]; // ways(0), ways(1)
  for (let i = 2; i <= n; i++) [a, b] = [b, a + b];
  return b;
}

console.log(ways(n));
