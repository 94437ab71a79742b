// The database locked by another process (sqlite3 holding BEGIN EXCLUSIVE): writes are answered
// quickly with 503 unavailable (Retry-After), concurrent requests do not pile up behind each
// other, the server stays up, and service resumes as soon as the lock is released.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../integration/lib/server.js';
import { clientFor } from '../integration/lib/http.js';
import { assertError, assertStatus } from '../integration/lib/shapes.js';
import { holdExclusive } from './lib.js';

const T = { timeout: 120_000 };
const FAST_MS = 2500;  // one refused request (SQLite's busy timeout may be waited once)
const BURST = 12;

describe('database locked by another process', () => {
  let srv, c, lock;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
  });
  after(async () => { lock?.kill(); await srv?.cleanup(); });

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
