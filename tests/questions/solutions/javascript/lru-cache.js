const lines = require('node:fs').readFileSync(0, 'utf8').split('\n');

// A Map iterates in insertion order: re-inserting a key makes it the most recent, and the first
// key is the least recently used. Both operations are O(1).
class LRUCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.items = new Map();
  }

  get(key) {
    if (!this.items.has(key)) return -1;
    const value = this.items.get(key);
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  put(key, value) {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value);
  }
}

const [capacity, count] = lines[0].split(/\s+/).map(Number);
const cache = new LRUCache(capacity);
const out = [];
for (const line of lines.slice(1, 1 + count)) {
  const [op, key, value] = line.trim().split(/\s+/);
  if (op === 'get') out.push(cache.get(Number(key)));
  else cache.put(Number(key), Number(value));
}
console.log(out.join('\n'));
