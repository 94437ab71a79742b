const line = require('node:fs').readFileSync(0, 'utf8').split('\n')[0];

const OPENER = { ')': '(', ']': '[', '}': '{' };

function isBalanced(s) {
  const stack = [];
  for (const c of s) {
    if (c in OPENER) {
      if (stack.pop() !== OPENER[c]) return false;
    } else {
      stack.push(c);
    }
  }
  return stack.length === 0;
}

console.log(String(isBalanced(line)));
