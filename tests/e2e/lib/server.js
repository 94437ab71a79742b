// Starts the server under test on a free port with a fresh SQLite database.
// Uses the shared tests/lib/spawn.js when it exists; otherwise spawns itself.
// MOCKMATE_E2E_SERVER=mock runs web/dev/mock-server.mjs instead of build/mockmate
// (to try the client before the C++ server is ready).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const webRoot = path.join(repoRoot, 'web', 'dist');
const useMock = process.env.MOCKMATE_E2E_SERVER === 'mock';
export const binary = useMock
  ? path.join(repoRoot, 'web', 'dev', 'mock-server.mjs')
  : (process.env.MOCKMATE_BIN ?? path.join(repoRoot, 'build', 'mockmate'));

/** Why the suite cannot run here, or null. */
export function missingPrerequisite() {
  if (!fs.existsSync(binary)) return `no server binary at ${binary} (run make build)`;
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) return `no web client at ${webRoot} (cd web && npm ci && npm run build)`;
  if (!fs.existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium')) return 'no /usr/bin/chromium';
  return null;
}

async function sharedSpawn() {
  const p = path.join(repoRoot, 'tests', 'lib', 'spawn.js');
  if (!fs.existsSync(p)) return null;
  try {
    const mod = await import(pathToFileURL(p).href);
    return typeof mod.start === 'function' ? mod.start : null;
  } catch {
    return null;
  }
}

function ownStart(bin, args, env) {
  return new Promise((resolve, reject) => {
    const cmd = bin.endsWith('.mjs') ? process.execPath : bin;
    const argv = bin.endsWith('.mjs') ? [bin, ...args] : args;
    const proc = spawn(cmd, argv, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not print "listening on" within 20 s\n${out}\n${err}`));
    }, 20_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/([^\s:]+):(\d+))/);
      if (m) {
        clearTimeout(timer);
        const stop = () =>
          new Promise((res) => {
            if (proc.exitCode !== null) return res();
            proc.once('exit', () => res());
            proc.kill('SIGTERM');
            setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
          });
        resolve({ port: Number(m[3]), url: m[1], proc, stop, logs: () => out + err });
      }
    });
    proc.stderr.on('data', (d) => {
      err += d;
      if (process.env.E2E_SERVER_LOG) process.stderr.write(d);
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening\n${out}\n${err}`));
    });
  });
}

/**
 * Starts a server. Options: invitationTtl (seconds), rejoinGrace (seconds), extraArgs.
 * Resolves to {url, port, stop(), dir}.
 */
export async function startServer({ invitationTtl = 120, rejoinGrace = 60, extraArgs = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockmate-e2e-'));
  const args = [
    'serve',
    '--listen', '127.0.0.1:0',
    '--db', `sqlite:${path.join(dir, 'db.sqlite')}`,
    '--web-root', webRoot,
    '--invitation-ttl', String(invitationTtl),
    '--rejoin-grace', String(rejoinGrace),
    '--invitation-rate-limit', '0',
    ...extraArgs,
  ];
  const shared = useMock ? null : await sharedSpawn();
  const s = shared ? await shared(binary, args, {}) : await ownStart(binary, args, {});
  const url = s.url ?? `http://127.0.0.1:${s.port}`;
  return {
    ...s,
    url,
    dir,
    async stop() {
      await s.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
