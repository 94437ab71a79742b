const [n, m, ...rest] = require('node:fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);

class MinHeap {
  constructor() { this.items = []; }
  get size() { return this.items.length; }

  push(x) {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }

  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let smallest = i;
        if (l < a.length && a[l] < a[smallest]) smallest = l;
        if (r < a.length && a[r] < a[smallest]) smallest = r;
        if (smallest === i) break;
        [a[smallest], a[i]] = [a[i], a[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}

// Kahn's algorithm with a min-heap, so the smallest available course always comes next.
function courseOrder(n, pairs) {
  const after = Array.from({ length: n }, () => []);
  const missing = new Array(n).fill(0); // prerequisites not taken yet
  for (const [a, b] of pairs) {
    after[b].push(a);
    missing[a]++;
  }
  const ready = new MinHeap();
  for (let c = 0; c < n; c++) if (missing[c] === 0) ready.push(c);
  const order = [];
  while (ready.size > 0) {
    const c = ready.pop();
    order.push(c);
    for (const next of after[c]) if (--missing[next] === 0) ready.push(next);
  }
  return order.length === n ? order : null;
}

const pairs = Array.from({ length: m }, (_, i) => [rest[2 * i], rest[2 * i + 1]]);
const order = courseOrder(n, pairs);
console.log(order === null ? 'impossible' : order.join(' '));
