const tokens = require('node:fs').readFileSync(0, 'utf8').split('\n')[0].split(/\s+/).filter(Boolean);

// Level order with "null" for missing children.
function build(tokens) {
  if (tokens.length === 0) return null;
  const root = { val: Number(tokens[0]), left: null, right: null };
  const queue = [root];
  let i = 1;
  for (let head = 0; head < queue.length && i < tokens.length; head++) {
    const node = queue[head];
    for (const side of ['left', 'right']) {
      if (i < tokens.length && tokens[i] !== 'null') {
        node[side] = { val: Number(tokens[i]), left: null, right: null };
        queue.push(node[side]);
      }
      i++;
    }
  }
  return root;
}

// Breadth-first, one level at a time.
function depth(root) {
  let levels = 0;
  for (let level = root ? [root] : []; level.length > 0; levels++) {
    level = level.flatMap((n) => [n.left, n.right]).filter(Boolean);
  }
  return levels;
}

console.log(depth(build(tokens)));
