// Starts a private coturn (Debian's turnserver) on loopback with TURN REST ("use-auth-secret")
// authentication, for tests that check the server's TURN credentials for real.
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// -> {port, uri, secret, stop()}; the relay ports come from a range of 100 above 40000.
export async function startCoturn({ secret = 'coturn-test-secret', realm = 'mockmate.test' } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'mm-coturn-'));
  const min = 40000 + Math.floor(Math.random() * 200) * 100;
  const proc = spawn('turnserver', [
    '-n', '--listening-ip', '127.0.0.1', '--relay-ip', '127.0.0.1', '-p', String(port),
    '--use-auth-secret', '--static-auth-secret', secret, '--realm', realm,
    '--no-tls', '--no-dtls', '--no-cli', '--allow-loopback-peers', '--no-multicast-peers',
    '--min-port', String(min), '--max-port', String(min + 99),
    '--pidfile', path.join(dir, 'turn.pid'), '--userdb', path.join(dir, 'turn.db'),
    '--log-file', 'stdout', '--simple-log',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${log}`)), 10_000);
    const check = () => {
      if (/Total General servers|IO method|listener opened/i.test(log)) { clearTimeout(timer); resolve(); }
      else if (proc.exitCode !== null) { clearTimeout(timer); reject(new Error(`coturn exited:\n${log}`)); }
      else setTimeout(check, 50);
    };
    check();
  });
  await new Promise((r) => setTimeout(r, 200));
  return {
    port,
    uri: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    log: () => log,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs one TURN allocation (and a short relay echo) with turnutils_uclient; true when it succeeds.
export function allocate(port, username, password) {
  return new Promise((resolve) => {
    execFile('turnutils_uclient', ['-y', '-n', '1', '-m', '1', '-u', username, '-w', password, '-p', String(port), '127.0.0.1'],
      { timeout: 20_000 }, (error, stdout, stderr) => {
        const out = `${stdout}${stderr}`;
        resolve({ ok: !error && !/Cannot complete Allocation/.test(out), output: out });
      });
  });
}
