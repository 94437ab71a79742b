// Abuse limits above the protocol layers: Socket.IO connections per user
// (--max-sockets-per-user, default 20; one more is refused with CONNECT_ERROR "rate_limited") and
// register/login requests per client address (--auth-rate-limit COUNT/SECONDS, a token bucket,
// default 300/60: a burst of 300, then 5 a second; beyond it 429 rate_limited with Retry-After). Bad flag values stop the server.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startServer, BINARY } from '../integration/lib/server.js';
import { clientFor, uniqueEmail, DEFAULT_PASSWORD, sleep } from '../integration/lib/http.js';
import { connect, connectError, emitAck, close } from '../integration/lib/socket.js';
import { assertError, assertStatus, assertRetryAfter } from '../integration/lib/shapes.js';

const T = { timeout: 60_000 };

describe('sockets per user', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--max-sockets-per-user', '3', '--auth-rate-limit', '0'] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('the connection beyond the limit is refused with connect_error "rate_limited"; others and other users are unaffected', T, async () => {
    const u = await c.register('Many tabs');
    const other = await c.register('Other user');
    const tabs = [];
    for (let i = 0; i < 3; i++) tabs.push(await connect(srv, { token: u.token }));
    const err = await connectError(srv, { token: u.token });
    assert.equal(err.message, 'rate_limited');
    assert.equal(err.data?.code, 'rate_limited');
    // the cookie path counts the same user
    assert.equal((await connectError(srv, { cookie: u.cookie.value })).message, 'rate_limited');
    for (const t of tabs) assert.equal(t.connected, true, 'the first sockets stay');
    assert.equal((await emitAck(tabs[0], 'watch-presence', { userIds: [] })).ok, true);
    await connect(srv, { token: other.token });
    // a closed tab frees its place
    close(srv, tabs.pop());
    await sleep(200);
    tabs.push(await connect(srv, { token: u.token }));
  });

  test('a burst of simultaneous connections of one user admits exactly the limit', T, async () => {
    const u = await c.register('Burst tabs');
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => connect(srv, { token: u.token })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    assert.equal(ok.length, 3, `${ok.length} of 12 simultaneous sockets connected`);
    for (const r of results.filter((x) => x.status === 'rejected')) assert.equal(r.reason.message, 'rate_limited');
  });
});

describe('the defaults: 20 sockets per user, 1200/60 register and login per address', () => {
  let srv, c, u;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
    u = await c.register('Default tabs'); // one request of the bucket
  });
  after(() => srv?.cleanup());

  test('about 1200 register/login requests from one address pass, then 429 (the bucket refills at 20 a second)', T, async () => {
    const t0 = Date.now();
    let first429 = null;
    for (let i = 1; i < 2400 && first429 === null; i++) { // request 1 was the registration in before()
      const res = await c.api('POST', i % 2 ? '/api/auth/register' : '/api/auth/login', { body: {} });
      if (res.status === 429) { first429 = { i, res }; break; }
      assertError(res, 'validation_failed');
    }
    assert.ok(first429, 'never throttled');
    const refilled = Math.ceil(((Date.now() - t0) / 1000) * 20) + 2;
    assert.ok(first429.i >= 1200, `throttled after only ${first429.i} requests`);
    assert.ok(first429.i <= 1200 + refilled, `throttled only after ${first429.i} requests`);
    assertError(first429.res, 'rate_limited');
    assertRetryAfter(first429.res, 60);
  });

  test('20 sockets of one user connect, the 21st is refused', T, async () => {
    for (let i = 0; i < 20; i++) await connect(srv, { token: u.token });
    assert.equal((await connectError(srv, { token: u.token })).message, 'rate_limited');
  });
});

describe('register and login per client address', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--auth-rate-limit', '5/60'] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('beyond COUNT requests (register and login together) the next is 429 rate_limited with Retry-After; other routes go on', T, async () => {
    const u = await c.register('First'); // 1
    for (let i = 0; i < 2; i++) await c.login(u.email); // 3
    assertError(await c.api('POST', '/api/auth/login', { body: { email: uniqueEmail('nobody'), password: 'wrong password' } }), 'unauthorized'); // 4
    assertStatus(await c.api('POST', '/api/auth/register', { body: { email: uniqueEmail('second'), password: DEFAULT_PASSWORD, name: 'S' } }), 201); // 5
    const over = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
    assertError(over, 'rate_limited');
    assertRetryAfter(over, 60);
    assert.ok(Number(over.headers['retry-after']) >= 10, `one token comes back every 12 s: Retry-After ${over.headers['retry-after']}`);
    assertError(await c.api('POST', '/api/auth/register', { body: { email: uniqueEmail('third'), password: DEFAULT_PASSWORD, name: 'T' } }), 'rate_limited');
    // a session already held works on every other route
    assertStatus(await c.api('GET', '/api/me', { token: u.token }), 200);
    assertStatus(await c.api('POST', '/api/auth/logout', { token: u.token }), 204);
  });
});

describe('register and login per client address: refill and off', () => {
  test('the bucket refills over the window', T, async () => {
    const srv = await startServer({ args: ['--auth-rate-limit', '2/1'] });
    try {
      const c = clientFor(srv);
      const u = await c.register('Refill');
      await c.login(u.email);
      assertError(await c.api('POST', '/api/auth/login', { body: { email: u.email, password: u.password } }), 'rate_limited');
      await sleep(700); // one token every 0.5 s
      await c.login(u.email);
    } finally {
      await srv.cleanup();
    }
  });

  test('--auth-rate-limit 0 turns it off', T, async () => {
    const srv = await startServer({ args: ['--auth-rate-limit', '0'] });
    try {
      const c = clientFor(srv);
      // invalid bodies: counted like any register request, but cheap (no password hashing)
      for (let i = 0; i < 320; i++) assertError(await c.api('POST', '/api/auth/register', { body: {} }), 'validation_failed');
    } finally {
      await srv.cleanup();
    }
  });
});

describe('limit flags', () => {
  function run(args) {
    return new Promise((resolve) => {
      const child = spawn(BINARY, ['serve', '--listen', '127.0.0.1:0', '--db', 'sqlite::memory:', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { out += d; });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, out }); });
      child.stdout.on('data', () => { if (/listening on/.test(out)) child.kill('SIGTERM'); });
    });
  }

  for (const [flag, value] of [['--auth-rate-limit', 'lots'], ['--auth-rate-limit', '5/0'], ['--auth-rate-limit', '-1/60'], ['--max-sockets-per-user', '-1'], ['--max-sockets-per-user', 'many']]) {
    test(`${flag} ${value} is refused at start, naming the flag`, T, async () => {
      const r = await run([flag, value]);
      assert.notEqual(r.code, 0, `started with ${flag} ${value}: ${r.out}`);
      assert.ok(r.out.includes(flag.slice(2)), `the error names ${flag}: ${r.out}`);
    });
  }
});
