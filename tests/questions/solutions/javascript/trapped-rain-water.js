const [n, ...heights] = require('node:fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);

// Two pointers: the lower side's running maximum bounds the water above it.
function trapped(h) {
  let left = 0, right = h.length - 1, leftMax = 0, rightMax = 0, water = 0;
  while (left < right) {
    if (h[left] < h[right]) {
      leftMax = Math.max(leftMax, h[left]);
      water += leftMax - h[left++];
    } else {
      rightMax = Math.max(rightMax, h[right]);
      water += rightMax - h[right--];
    }
  }
  return water;
}

console.log(trapped(heights.slice(0, n)));
