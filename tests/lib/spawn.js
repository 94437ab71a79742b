// Starts a server binary on a free port and stops it again.
//
//   import { start, buildPath } from '../lib/spawn.js';
//   const srv = await start(buildPath('socketio-echo'), ['--port', '0']);
//   ... srv.url ('http://127.0.0.1:PORT'), srv.port, srv.host, srv.proc, srv.output() ...
//   await srv.stop();   // SIGTERM, then SIGKILL after 5 s; resolves with the exit code
//
// The binary must print `listening on http://HOST:PORT` on standard output once it accepts
// connections. start() rejects if it exits or stays silent for `timeoutMs` (default 20 s).
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_DIR = path.resolve(REPO_ROOT, process.env.MOCKMATE_BUILD_DIR ?? 'build');

// The path of a binary in the build directory ($MOCKMATE_BUILD_DIR, default build/).
export function buildPath(name) {
  return path.join(BUILD_DIR, name);
}

const LISTENING = /listening on (http:\/\/(\S+):(\d+))\s*$/;
const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

export function start(binaryPath, args = [], env = {}, { timeoutMs = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(binaryPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(proc);
    const lines = [];
    const remember = (line) => {
      lines.push(line);
      if (lines.length > 200) lines.shift();
    };
    let settled = false;
    const exited = new Promise((res) => proc.once('exit', (code, signal) => {
      live.delete(proc);
      res(code ?? signal);
    }));
    const timer = setTimeout(() => fail(new Error(`${binaryPath} printed no "listening on" line within ${timeoutMs} ms`)), timeoutMs);
    function fail(err) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      proc.kill('SIGKILL');
      err.message += `\n--- output ---\n${lines.join('\n')}`;
      reject(err);
    }
    proc.once('error', fail);
    proc.once('exit', (code, signal) => fail(new Error(`${binaryPath} exited early (${code ?? signal})`)));
    readline.createInterface({ input: proc.stderr }).on('line', remember);
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      remember(line);
      const m = LISTENING.exec(line);
      if (!m || settled) return;
      settled = true;
      clearTimeout(timer);
      const [, url, host, port] = m;
      resolve({
        url,
        host,
        port: Number(port),
        proc,
        output: () => lines.join('\n'),
        async stop({ killAfterMs = 5_000 } = {}) {
          if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode ?? proc.signalCode;
          proc.kill('SIGTERM');
          const killer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    });
  });
}
