const [n, k, ...rest] = require('node:fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);

// A deque of indices whose values decrease; its front is the current window's maximum.
// The deque is an array with a moving head, so both ends are O(1).
function windowMaxima(nums, k) {
  const dq = [];
  let head = 0;
  const out = [];
  for (let i = 0; i < nums.length; i++) {
    while (dq.length > head && nums[dq[dq.length - 1]] <= nums[i]) dq.pop();
    dq.push(i);
    if (dq[head] <= i - k) head++;
    if (i >= k - 1) out.push(nums[dq[head]]);
  }
  return out;
}

console.log(windowMaxima(rest.slice(0, n), k).join(' '));
