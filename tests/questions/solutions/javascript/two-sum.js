const [n, target, ...rest] = require('node:fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);

// One pass: remember each value's index; look up the complement before storing.
function twoSum(nums, target) {
  const seen = new Map();
  for (let j = 0; j < nums.length; j++) {
    const i = seen.get(target - nums[j]);
    if (i !== undefined) return [i, j];
    seen.set(nums[j], j);
  }
  return null;
}

console.log(twoSum(rest.slice(0, n), target).join(' '));
