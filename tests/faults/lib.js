// Helpers for the fault tests: the sqlite3 CLI, a TCP relay with a fixed port, and bounded loops.
import { spawn, execFile } from 'node:child_process';
import net from 'node:net';

// Runs one SQL text through the sqlite3 CLI on `db`; resolves with its stdout.
export function sqlite(db, sql, { timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-batch', db, sql], { timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err) reject(new Error(`sqlite3 ${sql}: ${err.message} ${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

// Holds `BEGIN EXCLUSIVE` on `db` in a sqlite3 process until release() (which commits and ends it).
export async function holdExclusive(db) {
  const child = spawn('sqlite3', ['-batch', db], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // The marker is printed only by the SELECT, never by an error that quotes the statement.
  child.stdin.write('.timeout 5000\nBEGIN EXCLUSIVE;\nSELECT \'lock-\' || \'held\';\n');
  const deadline = Date.now() + 10_000;
  while (!out.includes('lock-held')) {
    if (/Error/.test(out)) { child.kill('SIGKILL'); throw new Error(`could not take the lock: ${out}`); }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`could not take the lock: ${out}`); }
    if (child.exitCode !== null) throw new Error(`sqlite3 exited: ${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    async release() {
      child.stdin.end('COMMIT;\n.quit\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    kill() { try { child.kill('SIGKILL'); } catch { /* gone */ } },
  };
}

// A TCP relay on a fixed local port to whatever port `target()` returns at connect time, so
// clients keep one URL across server restarts (the helper starts every server on a new port).
export async function relay(target) {
  const conns = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target(), '127.0.0.1');
    conns.add(client); conns.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => { client.destroy(); upstream.destroy(); conns.delete(client); conns.delete(upstream); };
    client.on('error', end); upstream.on('error', end);
    client.on('close', end); upstream.on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const c of conns) c.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const randomBetween = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo));
