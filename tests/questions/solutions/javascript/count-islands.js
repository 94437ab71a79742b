const [header, ...rows] = require('node:fs').readFileSync(0, 'utf8').split('\n');
const [r, c] = header.split(/\s+/).map(Number);
const grid = rows.slice(0, r).map((row) => row.trim());

function countIslands(grid, rows, cols) {
  const seen = grid.map(() => new Array(cols).fill(false));
  let islands = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (grid[i][j] !== '1' || seen[i][j]) continue;
      islands++;
      seen[i][j] = true;
      const stack = [[i, j]]; // explicit stack: no call-stack limit on big islands
      while (stack.length > 0) {
        const [y, x] = stack.pop();
        for (const [a, b] of [[y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]]) {
          if (a >= 0 && a < rows && b >= 0 && b < cols && grid[a][b] === '1' && !seen[a][b]) {
            seen[a][b] = true;
            stack.push([a, b]);
          }
        }
      }
    }
  }
  return islands;
}

console.log(countIslands(grid, r, c));
