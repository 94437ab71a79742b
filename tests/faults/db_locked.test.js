// Who may lock the SQLite file. A lone node (no --redis) holds it exclusively
// (PRAGMA locking_mode=EXCLUSIVE): another process cannot open it, and the node keeps serving.
// Nodes that share the file (--redis) take SQLite's locks per transaction, so another process
// (sqlite3 holding BEGIN EXCLUSIVE) can lock them out: writes are then answered quickly with
// 503 unavailable (Retry-After), concurrent requests do not pile up behind each other, the
// server stays up, and service resumes as soon as the lock is released.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../integration/lib/server.js';
import { clientFor } from '../integration/lib/http.js';
import { assertError, assertStatus } from '../integration/lib/shapes.js';
import { TestRedis } from '../multinode/lib/cluster.js';
import { holdExclusive, sqlite } from './lib.js';

const T = { timeout: 120_000 };
const FAST_MS = 2500;  // one refused request (SQLite's busy timeout may be waited once)
const BURST = 12;

describe('a lone node owns its database file', () => {
  let srv, c;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('another process cannot open the file while the node runs, and the node keeps serving', T, async () => {
    const u = await c.readyUser('Owner');
    await assert.rejects(sqlite(srv.dbPath, 'SELECT count(*) FROM users;'), /database is locked/);
    await assert.rejects(sqlite(srv.dbPath, 'BEGIN EXCLUSIVE; COMMIT;'), /database is locked/);
    const res = await c.api('PUT', '/api/me/profile', { token: u.token, body: { headline: 'still mine' } });
    assertStatus(res, 200);
    await srv.stop();
    assert.equal(await sqlite(srv.dbPath, `SELECT headline FROM users WHERE id = '${u.user.id}';`), 'still mine');
    await srv.start();
  });
});

describe('database locked by another process while nodes share it (--redis)', () => {
  let srv, c, lock, redis, dir;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'mockmate-lock-'));
    redis = new TestRedis(dir);
    await redis.start();
    srv = await startServer({ args: ['--redis', redis.url] });
    c = clientFor(srv);
  });
  after(async () => {
    lock?.kill();
    await srv?.cleanup();
    await redis?.stop().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('writes get a fast 503 unavailable, a burst does not pile up, and service resumes after release', T, async () => {
    const users = [];
    for (let i = 0; i < BURST; i++) users.push(await c.readyUser(`Locked ${i}`));
    lock = await holdExclusive(srv.dbPath);
    try {
      // one write alone
      let t0 = Date.now();
      const one = await c.api('PUT', '/api/me/profile', { token: users[0].token, body: { headline: 'while locked' } });
      const oneMs = Date.now() - t0;
      assertError(one, 'unavailable', { status: 503 });
      assert.ok(one.headers['retry-after'], '503 carries Retry-After');
      assert.ok(oneMs < FAST_MS, `one refused write took ${oneMs} ms`);
      // a burst of writes from different users at once
      t0 = Date.now();
      const burst = await Promise.all(users.map((u, i) => c.api('PUT', '/api/me/profile', { token: u.token, body: { headline: `burst ${i}` }, timeoutMs: 90_000 })
        .then((res) => ({ res, ms: Date.now() - t0 }))));
      const slowest = Math.max(...burst.map((b) => b.ms));
      for (const { res } of burst) assert.equal(res.status, 503, `${res.status} ${res.text}`);
      assert.ok(slowest < FAST_MS * 1.8, `${BURST} concurrent refused writes: the last answered after ${slowest} ms (a pile-up)`);
      // the server is up and answers what needs no database
      assertStatus(await c.api('GET', '/healthz'), 200);
    } finally {
      await lock.release();
      lock = null;
    }
    // service resumes at once
    const t0 = Date.now();
    const res = await c.api('PUT', '/api/me/profile', { token: users[0].token, body: { headline: 'after release' } });
    assertStatus(res, 200);
    assert.ok(Date.now() - t0 < 2000);
    assert.equal((await c.api('GET', '/api/me', { token: users[0].token })).body.profile.headline, 'after release');
    // nothing of the refused writes was applied
    for (const u of users.slice(1)) {
      const me = await c.api('GET', '/api/me', { token: u.token });
      assert.ok(!String(me.body.profile.headline).startsWith('burst'), 'a refused write was applied');
    }
  });

  test('logins and invitations while locked are 503 too, never 500, and the server keeps running', T, async () => {
    const a = await c.readyUser('Lock inviter');
    const b = await c.readyUser('Lock invitee');
    lock = await holdExclusive(srv.dbPath);
    try {
      const inv = await c.invite(a, b);
      assertError(inv, 'unavailable', { status: 503 });
      const reg = await c.api('POST', '/api/auth/register', { body: { email: `locked-${Date.now()}@example.test`, password: 'correct horse battery', name: 'L' } });
      assertError(reg, 'unavailable', { status: 503 });
    } finally {
      await lock.release();
      lock = null;
    }
    assertStatus(await c.invite(a, b), 201);
    assert.equal(srv.proc.exitCode, null, 'the server is still running');
  });
});
