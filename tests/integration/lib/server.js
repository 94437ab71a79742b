// Starts and stops the real mockmate binary for black-box tests.
//
//   const srv = await startServer({ args: ['--invitation-ttl', '1.5'] });
//   ... srv.url, srv.origin, srv.port ...
//   await srv.restart();      // SIGTERM, wait, start again on the same database (new port)
//   await srv.kill9();        // SIGKILL, then srv.start() to come back on the same database
//   await srv.cleanup();      // closes tracked sockets, stops the server, removes its temp dir
//
// The binary is `${MOCKMATE_BUILD_DIR ?? 'build'}/mockmate`, relative to the repository root.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, access, constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUILD_DIR = path.resolve(REPO_ROOT, process.env.MOCKMATE_BUILD_DIR ?? 'build');
export const BINARY = path.join(BUILD_DIR, 'mockmate');

const READY_TIMEOUT_MS = Number(process.env.MOCKMATE_READY_TIMEOUT_MS ?? 20_000);
const STOP_TIMEOUT_MS = 15_000;
const LISTENING = /listening on (http:\/\/(\S+):(\d+))\s*$/;

// Children still running when this process exits are killed, so a failed test file never leaks a server.
const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

export class MockmateServer {
  constructor({ args = [], env = {}, dir = null } = {}) {
    this.args = args;
    this.env = env;
    this.dir = dir;
    this.ownsDir = dir === null;
    this.proc = null;
    this.url = null;
    this.origin = null;
    this.host = null;
    this.port = null;
    this.sockets = new Set(); // socket.io-client sockets to close on stop (see socket.js)
    this.output = [];         // last lines of stdout/stderr, for diagnostics
    this.starts = 0;
  }

  get dbPath() { return path.join(this.dir, 'db.sqlite'); }
  get dbUrl() { return `sqlite:${this.dbPath}`; }

  async start() {
    if (this.proc) throw new Error('server already running');
    try {
      await access(BINARY, constants.X_OK);
    } catch {
      throw new Error(`mockmate binary not found at ${BINARY} (build it with \`make build\`, or set MOCKMATE_BUILD_DIR)`);
    }
    if (!this.dir) this.dir = await mkdtemp(path.join(os.tmpdir(), 'mockmate-it-'));
    const env = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MOCKMATE_')) env[k] = v;
    Object.assign(env, this.env);
    const argv = ['serve', '--listen', '127.0.0.1:0', '--db', this.dbUrl, ...this.args];
    const child = spawn(BINARY, argv, { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = child;
    this.starts += 1;
    live.add(child);
    const exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => { live.delete(child); resolve({ code, signal }); });
    });
    child.exitPromise = exited;
    const keep = (prefix) => (line) => {
      this.output.push(`${prefix} ${line}`);
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    readline.createInterface({ input: child.stderr }).on('line', keep('[stderr]'));
    const out = readline.createInterface({ input: child.stdout });
    out.on('line', keep('[stdout]'));

    const ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(
        `mockmate did not print "listening on ..." within ${READY_TIMEOUT_MS} ms\n${this.tail()}`)), READY_TIMEOUT_MS);
      out.on('line', (line) => {
        const m = LISTENING.exec(line);
        if (m) { clearTimeout(timer); resolve(m); }
      });
      child.once('error', (err) => { clearTimeout(timer); reject(err); });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`mockmate exited before listening (code ${code}, signal ${signal})\n${this.tail()}`));
      });
    });
    let m;
    try {
      m = await ready;
    } catch (err) {
      if (this.proc === child) { try { child.kill('SIGKILL'); } catch { /* gone */ } await exited; this.proc = null; }
      throw err;
    }
    this.url = m[1];
    this.host = m[2];
    this.port = Number(m[3]);
    this.origin = this.url.replace(/\/$/, '');
    return this;
  }

  tail(n = 40) { return this.output.slice(-n).join('\n'); }

  closeSockets() {
    for (const s of this.sockets) { try { s.disconnect(); } catch { /* ignore */ } }
    this.sockets.clear();
  }

  // Graceful stop: SIGTERM and wait for the process to exit. Resolves to {code, signal}.
  async stop({ closeSockets = true } = {}) {
    if (closeSockets) this.closeSockets();
    const child = this.proc;
    if (!child) return null;
    child.kill('SIGTERM');
    let timer;
    const result = await Promise.race([
      child.exitPromise,
      new Promise((resolve) => { timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
    if (result === null) {
      child.kill('SIGKILL');
      await child.exitPromise;
      this.proc = null;
      throw new Error(`mockmate did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM\n${this.tail()}`);
    }
    this.proc = null;
    return result;
  }

  // Crash: SIGKILL, no chance to clean up. Sockets are left to notice the dead connection themselves
  // unless closeSockets is set.
  async kill9({ closeSockets = true } = {}) {
    const child = this.proc;
    if (!child) return null;
    child.kill('SIGKILL');
    const result = await child.exitPromise;
    this.proc = null;
    if (closeSockets) this.closeSockets();
    return result;
  }

  async restart() {
    await this.stop();
    return this.start();
  }

  async cleanup() {
    this.closeSockets();
    try {
      if (this.proc) await this.stop();
    } finally {
      if (this.proc) { try { this.proc.kill('SIGKILL'); } catch { /* gone */ } }
      if (this.ownsDir && this.dir) await rm(this.dir, { recursive: true, force: true });
    }
  }
}

export async function startServer(opts = {}) {
  const server = new MockmateServer(opts);
  await server.start();
  return server;
}
