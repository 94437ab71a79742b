// Accounts and sessions: register, login, logout, cookie vs Bearer, validation, limits, throttling,
// cross-site protection, and data surviving a restart.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor, uniqueEmail, DEFAULT_PASSWORD, sleep } from '../lib/http.js';
import { assertError, assertStatus, assertUser, assertProfile, assertRetryAfter } from '../lib/shapes.js';

const T = { timeout: 30_000 };
const ALLOWED = 'https://allowed.example';

describe('register, login and logout', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--allowed-origin', ALLOWED] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('register answers 201 {user, token} with id, email, name and createdAt (ISO with ms)', T, async () => {
    const email = uniqueEmail('reg');
    const res = await c.api('POST', '/api/auth/register', { body: { email, password: DEFAULT_PASSWORD, name: 'Ada Lovelace' } });
    assertStatus(res, 201);
    assertUser(res.body.user, { withEmail: true });
    assert.equal(res.body.user.email, email);
    assert.equal(res.body.user.name, 'Ada Lovelace');
    assert.equal(typeof res.body.token, 'string');
    assert.ok(res.body.token.length >= 16, 'a session token should not be guessable');
    assert.ok(!res.text.includes(DEFAULT_PASSWORD), 'the password never comes back');
  });

  test('register sets the mm_session cookie HttpOnly, SameSite=Lax, Path=/', T, async () => {
    const res = await c.api('POST', '/api/auth/register', { body: { email: uniqueEmail('cookie'), password: DEFAULT_PASSWORD, name: 'C' } });
    assertStatus(res, 201);
    const cookie = res.cookies.find((k) => k.name === 'mm_session');
    assert.ok(cookie, `Set-Cookie mm_session expected, got ${JSON.stringify(res.headers['set-cookie'])}`);
    assert.ok(cookie.value.length > 0);
    assert.equal(cookie.attrs.httponly, true, 'HttpOnly');
    assert.equal(String(cookie.attrs.samesite).toLowerCase(), 'lax', 'SameSite=Lax');
    assert.equal(cookie.attrs.path, '/', 'Path=/');
  });

  test('the cookie is not Secure on a plain-HTTP server (Secure only under TLS)', T, async () => {
    const res = await c.api('POST', '/api/auth/register', { body: { email: uniqueEmail('plain'), password: DEFAULT_PASSWORD, name: 'P' } });
    const cookie = res.cookies.find((k) => k.name === 'mm_session');
    assert.ok(cookie);
    assert.equal(cookie.attrs.secure, undefined);
  });

  test('the returned token works as a Bearer token', T, async () => {
    const u = await c.register('Bearer');
    const res = await c.api('GET', '/api/me', { token: u.token });
    assertStatus(res, 200);
    assert.equal(res.body.user.id, u.user.id);
    assertUser(res.body.user, { withEmail: true });
  });

  test('the mm_session cookie alone authenticates', T, async () => {
    const u = await c.register('Cookie only');
    const res = await c.api('GET', '/api/me', { cookie: `mm_session=${u.cookie.value}` });
    assertStatus(res, 200);
    assert.equal(res.body.user.id, u.user.id);
  });

  test('login answers 200 {user, token} + cookie, and the new token works', T, async () => {
    const u = await c.register('Login');
    const res = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
    assertStatus(res, 200);
    assertUser(res.body.user, { withEmail: true });
    assert.equal(res.body.user.id, u.user.id);
    assert.equal(typeof res.body.token, 'string');
    const cookie = res.cookies.find((k) => k.name === 'mm_session');
    assert.ok(cookie, 'login sets the cookie');
    assert.equal(cookie.attrs.httponly, true);
    assert.equal(String(cookie.attrs.samesite).toLowerCase(), 'lax');
    assert.equal(cookie.attrs.path, '/');
    assertStatus(await c.api('GET', '/api/me', { token: res.body.token }), 200);
    assertStatus(await c.api('GET', '/api/me', { cookie: `mm_session=${cookie.value}` }), 200);
    // the older session is still valid: sessions are independent
    assertStatus(await c.api('GET', '/api/me', { token: u.token }), 200);
  });

  test('login with a wrong password is 401 unauthorized', T, async () => {
    const u = await c.register('Wrong');
    const res = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: 'not the password' } });
    assertError(res, 'unauthorized');
    assert.equal(res.cookies.find((k) => k.name === 'mm_session' && k.value), undefined, 'no session cookie on failure');
  });

  test('login with an unknown email gets exactly the same answer as a wrong password', T, async () => {
    const u = await c.register('Same answer');
    const wrong = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: 'not the password' } });
    const unknown = await c.api('POST', '/api/auth/login', { body: { email: uniqueEmail('nobody'), password: 'not the password' } });
    assertError(unknown, 'unauthorized');
    assert.equal(unknown.status, wrong.status);
    assert.deepEqual(unknown.body, wrong.body);
  });

  test('registering an email twice is 409 conflict', T, async () => {
    const u = await c.register('Twice');
    const res = await c.api('POST', '/api/auth/register', { body: { email: u.email, password: DEFAULT_PASSWORD, name: 'Other' } });
    assertError(res, 'conflict');
  });

  test('logout answers 204 and revokes the session (token and cookie)', T, async () => {
    const u = await c.register('Logout');
    const res = await c.api('POST', '/api/auth/logout', { token: u.token });
    assertStatus(res, 204);
    assert.equal(res.text, '', '204 has no body');
    assertError(await c.api('GET', '/api/me', { token: u.token }), 'unauthorized');
    assertError(await c.api('GET', '/api/me', { cookie: `mm_session=${u.cookie.value}` }), 'unauthorized');
  });

  test('logout by cookie revokes that session', T, async () => {
    const u = await c.register('Logout cookie');
    assertStatus(await c.api('POST', '/api/auth/logout', { cookie: `mm_session=${u.cookie.value}` }), 204);
    assertError(await c.api('GET', '/api/me', { cookie: `mm_session=${u.cookie.value}` }), 'unauthorized');
  });

  test('logout revokes only its own session', T, async () => {
    const u = await c.register('Two sessions');
    const second = await c.login(u.email);
    assertStatus(await c.api('POST', '/api/auth/logout', { token: u.token }), 204);
    assertStatus(await c.api('GET', '/api/me', { token: second.token }), 200);
  });

  test('logout without a session is 401', T, async () => {
    assertError(await c.api('POST', '/api/auth/logout'), 'unauthorized');
  });

  test('when both are sent, the Bearer token counts, not the cookie', T, async () => {
    const a = await c.register('Cookie owner');
    const b = await c.register('Bearer owner');
    const res = await c.api('GET', '/api/me', { token: b.token, cookie: `mm_session=${a.cookie.value}` });
    assertStatus(res, 200);
    assert.equal(res.body.user.id, b.user.id);
  });

  test('an invalid Bearer token is 401 even with a valid cookie', T, async () => {
    const a = await c.register('Valid cookie');
    const res = await c.api('GET', '/api/me', { token: 'not-a-real-token', cookie: `mm_session=${a.cookie.value}` });
    assertError(res, 'unauthorized');
  });

  test('every endpoint except register, login, /healthz and /metrics needs a session (401 unauthorized)', T, async () => {
    const endpoints = [
      ['GET', '/api/me'], ['PUT', '/api/me/profile', { headline: 'x' }], ['GET', '/api/users/available'],
      ['GET', '/api/questions'], ['POST', '/api/interviews', { inviteeId: 'x', questionIds: ['y'] }],
      ['POST', '/api/interviews/accept/some-room'], ['POST', '/api/interviews/reject/some-room'],
      ['POST', '/api/interviews/cancel/some-room'], ['POST', '/api/interviews/complete/some-room'],
      ['GET', '/api/interviews'], ['GET', '/api/interviews/some-room'],
      ['POST', '/api/interviews/some-room/feedback', { rating: 5 }], ['GET', '/api/stats/invitations'],
      ['GET', '/api/rtc/config'], ['POST', '/api/auth/logout'],
    ];
    for (const [method, path, body] of endpoints) {
      for (const token of [undefined, 'garbage-token']) {
        const res = await c.api(method, path, { body, token });
        assert.equal(res.status, 401, `${method} ${path} (${token ? 'bad token' : 'no session'}): ${res.status} ${res.text}`);
        assertError(res, 'unauthorized');
      }
    }
  });

  test('/healthz answers 200 {status: "ok"} without a session', T, async () => {
    const res = await c.api('GET', '/healthz');
    assertStatus(res, 200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  test('/metrics answers Prometheus text format without a session', T, async () => {
    await c.api('GET', '/healthz');
    const res = await c.api('GET', '/metrics', { headers: { Accept: 'text/plain' } });
    assertStatus(res, 200);
    assert.match(res.headers['content-type'] ?? '', /^text\/plain/);
    const lines = res.text.split('\n').filter((l) => l.length > 0);
    assert.ok(lines.length > 0, 'some metrics');
    assert.ok(lines.some((l) => l.startsWith('# TYPE ')), 'at least one # TYPE line');
    const sample = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? [-+]?([0-9.]+([eE][-+]?\d+)?|NaN|\+Inf|-Inf)( \d+)?$/;
    for (const line of lines) {
      if (line.startsWith('#')) {
        assert.match(line, /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$|^# /, `comment line: ${line}`);
        if (line.startsWith('# TYPE ')) assert.match(line, / (counter|gauge|histogram|summary|untyped)$/, line);
      } else {
        assert.match(line, sample, `not a Prometheus sample line: ${line}`);
      }
    }
  });

  test('an unknown route is 404 in the error shape', T, async () => {
    const u = await c.register('Lost');
    assertError(await c.api('GET', '/api/no-such-thing', { token: u.token }), 'not_found');
    assertError(await c.api('POST', '/api/interviews/launch/abc', { token: u.token }), 'not_found');
  });

  test('a known path with an unsupported method is refused in the error shape (404 or 405)', T, async () => {
    const u = await c.register('Method');
    const res = await c.api('DELETE', '/api/me', { token: u.token });
    assert.ok([404, 405].includes(res.status), `got ${res.status}`);
    assert.equal(typeof res.body?.error?.code, 'string');
  });
});

describe('register validation (validation_failed naming the field; nothing is created)', () => {
  let srv, c;
  before(async () => { srv = await startServer(); c = clientFor(srv); });
  after(() => srv?.cleanup());

  const reg = (body) => c.api('POST', '/api/auth/register', { body });
  // An email of exactly n characters with DNS-valid labels.
  function emailOfLength(n) {
    const local = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.padEnd(40, 'u');
    let rest = n - local.length - 1 - '.com'.length; // characters left for the labels and their dots
    const labels = [];
    while (rest > 0) {
      let take = Math.min(63, rest);
      if (rest - take === 1) take -= 1; // never leave a lone dot
      labels.push('d'.repeat(take));
      rest -= take;
      if (rest > 0) rest -= 1; // the dot before the next label
    }
    const email = `${local}@${labels.join('.')}.com`;
    assert.equal(email.length, n, `built email of ${email.length} characters, wanted ${n}`);
    return email;
  }

  test('email: missing, malformed, or over 254 characters', T, async () => {
    assertError(await reg({ password: DEFAULT_PASSWORD, name: 'N' }), 'validation_failed', { field: 'email' });
    assertError(await reg({ email: 'not-an-email', password: DEFAULT_PASSWORD, name: 'N' }), 'validation_failed', { field: 'email' });
    assertError(await reg({ email: emailOfLength(255), password: DEFAULT_PASSWORD, name: 'N' }), 'validation_failed', { field: 'email' });
  });

  test('email of exactly 254 characters is accepted', T, async () => {
    assertStatus(await reg({ email: emailOfLength(254), password: DEFAULT_PASSWORD, name: 'Long' }), 201);
  });

  test('password: fewer than 8 or more than 128 characters', T, async () => {
    const email = uniqueEmail('pw');
    assertError(await reg({ email, password: '1234567', name: 'N' }), 'validation_failed', { field: 'password' });
    assertError(await reg({ email, password: 'p'.repeat(129), name: 'N' }), 'validation_failed', { field: 'password' });
    assertError(await reg({ email, name: 'N' }), 'validation_failed', { field: 'password' });
    // a failed request changed nothing: the email is still free
    assertStatus(await reg({ email, password: '12345678', name: 'N' }), 201);
    assertStatus(await reg({ email: uniqueEmail('pw128'), password: 'p'.repeat(128), name: 'N' }), 201);
  });

  test('name: empty, missing, or over 80 characters', T, async () => {
    assertError(await reg({ email: uniqueEmail('n'), password: DEFAULT_PASSWORD, name: '' }), 'validation_failed', { field: 'name' });
    assertError(await reg({ email: uniqueEmail('n'), password: DEFAULT_PASSWORD }), 'validation_failed', { field: 'name' });
    assertError(await reg({ email: uniqueEmail('n'), password: DEFAULT_PASSWORD, name: 'n'.repeat(81) }), 'validation_failed', { field: 'name' });
    assertStatus(await reg({ email: uniqueEmail('n'), password: DEFAULT_PASSWORD, name: 'n'.repeat(80) }), 201);
  });

  test('limits count characters, not bytes: a name of 80 non-ASCII characters is accepted', T, async () => {
    const res = await reg({ email: uniqueEmail('utf8'), password: DEFAULT_PASSWORD, name: 'é'.repeat(80) });
    assertStatus(res, 201);
    assert.equal(res.body.user.name, 'é'.repeat(80));
  });

  test('wrong JSON types are validation_failed naming the field', T, async () => {
    assertError(await reg({ email: 5, password: DEFAULT_PASSWORD, name: 'N' }), 'validation_failed', { field: 'email' });
    assertError(await reg({ email: uniqueEmail('t'), password: 12345678, name: 'N' }), 'validation_failed', { field: 'password' });
    assertError(await reg({ email: uniqueEmail('t'), password: DEFAULT_PASSWORD, name: ['N'] }), 'validation_failed', { field: 'name' });
    assertError(await reg({ email: uniqueEmail('t'), password: DEFAULT_PASSWORD, name: null }), 'validation_failed', { field: 'name' });
  });

  test('a body that is JSON but not an object is a 400', T, async () => {
    for (const body of [[], 'text', 42]) {
      const res = await c.api('POST', '/api/auth/register', { body });
      assert.equal(res.status, 400, `${JSON.stringify(body)} -> ${res.status}`);
      assert.ok(['validation_failed', 'malformed_json'].includes(res.body?.error?.code), res.text);
    }
  });

  test('malformed JSON is 400 malformed_json', T, async () => {
    for (const raw of ['{"email": ', '{email: "a@b.c"}', 'not json at all', '{"a":1}}']) {
      assertError(await c.api('POST', '/api/auth/register', { rawBody: raw }), 'malformed_json');
    }
    assertError(await c.api('POST', '/api/auth/login', { rawBody: '{"email"' }), 'malformed_json');
  });

  test('a body over 1 MiB is 413 payload_too_large', T, async () => {
    const big = { email: uniqueEmail('big'), password: DEFAULT_PASSWORD, name: 'B', pad: 'x'.repeat(1024 * 1024 + 1024) };
    assertError(await c.api('POST', '/api/auth/register', { body: big }), 'payload_too_large');
    const u = await c.register('Big profile');
    assertError(await c.api('PUT', '/api/me/profile', { token: u.token, body: { bio: 'b'.repeat(1100 * 1024) } }), 'payload_too_large');
    // the server is fine afterwards
    assertStatus(await c.api('GET', '/api/me', { token: u.token }), 200);
  });

  test('a body just under 1 MiB is read and validated normally (validation_failed, not 413)', T, async () => {
    const u = await c.register('Under limit');
    assertError(await c.api('PUT', '/api/me/profile', { token: u.token, body: { bio: 'b'.repeat(900 * 1024) } }), 'validation_failed', { field: 'bio' });
  });
});

describe('login throttling', () => {
  test('10 failed logins within 15 minutes: the next attempt is 429 rate_limited with Retry-After, even with the right password', T, async () => {
    const srv = await startServer();
    try {
      const c = clientFor(srv);
      const u = await c.register('Throttled');
      for (let i = 0; i < 10; i++) {
        assertError(await c.api('POST', '/api/auth/login', { body: { email: u.email, password: `wrong-password-${i}` } }), 'unauthorized');
      }
      const res = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: 'wrong-password-x' } });
      assertError(res, 'rate_limited');
      assertRetryAfter(res, 15 * 60);
      const right = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
      assertError(right, 'rate_limited');
      // an existing session is not affected
      assertStatus(await c.api('GET', '/api/me', { token: u.token }), 200);
    } finally {
      await srv.cleanup();
    }
  });

  test('an unknown email is throttled the same way (no account enumeration)', T, async () => {
    const srv = await startServer();
    try {
      const c = clientFor(srv);
      const email = uniqueEmail('ghost');
      for (let i = 0; i < 10; i++) {
        assertError(await c.api('POST', '/api/auth/login', { body: { email, password: `wrong-password-${i}` } }), 'unauthorized');
      }
      const res = await c.api('POST', '/api/auth/login', { body: { email, password: 'wrong-password-x' } });
      assertError(res, 'rate_limited');
      assertRetryAfter(res, 15 * 60);
    } finally {
      await srv.cleanup();
    }
  });
});

describe('cross-site protection of cookie-authenticated state changes', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--allowed-origin', ALLOWED] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  const put = (u, body, headers) => c.api('PUT', '/api/me/profile', { cookie: `mm_session=${u.cookie.value}`, body, headers });
  const headlineOf = async (u) => (await c.api('GET', '/api/me', { token: u.token })).body.profile.headline;

  test('a foreign Origin with the cookie is 403 and changes nothing', T, async () => {
    const u = await c.register('Victim');
    assertStatus(await put(u, { headline: 'before' }), 200);
    const res = await put(u, { headline: 'evil' }, { Origin: 'https://evil.example' });
    assertError(res, 'forbidden');
    assert.equal(await headlineOf(u), 'before');
  });

  test('the server\'s own Origin, a configured allowed origin, and no Origin are accepted', T, async () => {
    const u = await c.register('Friendly');
    assertStatus(await put(u, { headline: 'own' }, { Origin: srv.origin }), 200);
    assertStatus(await put(u, { headline: 'allowed' }, { Origin: ALLOWED }), 200);
    assertStatus(await put(u, { headline: 'none' }), 200);
    assert.equal(await headlineOf(u), 'none');
  });

  test('a foreign Origin with a Bearer token is accepted (the rule is for cookies)', T, async () => {
    const u = await c.register('Bearer app');
    const res = await c.api('PUT', '/api/me/profile', { token: u.token, body: { headline: 'native' }, headers: { Origin: 'https://elsewhere.example' } });
    assertStatus(res, 200);
  });

  test('a foreign Origin may still read with the cookie (GET is not a state change)', T, async () => {
    const u = await c.register('Reader');
    assertStatus(await c.api('GET', '/api/me', { cookie: `mm_session=${u.cookie.value}`, headers: { Origin: 'https://evil.example' } }), 200);
  });

  test('logout by cookie from a foreign Origin is 403 and the session survives', T, async () => {
    const u = await c.register('Sticky');
    assertError(await c.api('POST', '/api/auth/logout', { cookie: `mm_session=${u.cookie.value}`, headers: { Origin: 'https://evil.example' } }), 'forbidden');
    assertStatus(await c.api('GET', '/api/me', { token: u.token }), 200);
  });

  test('a cookie-authenticated state change with a non-JSON content type is refused and changes nothing', T, async () => {
    const u = await c.register('Form post');
    assertStatus(await put(u, { headline: 'json' }), 200);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await c.api('PUT', '/api/me/profile', {
        cookie: `mm_session=${u.cookie.value}`, rawBody: JSON.stringify({ headline: 'smuggled' }), contentType: type,
      });
      assert.ok([400, 403, 415].includes(res.status), `${type}: expected a refusal, got ${res.status} ${res.text}`);
      assert.equal(typeof res.body?.error?.code, 'string', 'in the error shape');
    }
    assert.equal(await headlineOf(u), 'json');
  });
});

describe('persistence', () => {
  test('accounts, sessions and profiles survive a restart', T, async () => {
    const srv = await startServer();
    try {
      const c = clientFor(srv);
      const u = await c.register('Durable');
      await c.completeProfile(u.token, { headline: 'still here', topics: ['graphs'] });
      const before = (await c.api('GET', '/api/me', { token: u.token })).body;
      await srv.restart();
      const after = await c.api('GET', '/api/me', { token: u.token });
      assertStatus(after, 200);
      assert.deepEqual(after.body, before);
      assertProfile(after.body.profile);
      const again = await c.api('POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
      assertStatus(again, 200);
      assert.equal(again.body.user.id, u.user.id);
      // the bank is seeded once, not duplicated on restart
      const qs = await c.api('GET', '/api/questions', { token: u.token });
      const ids = qs.body.questions.map((q) => q.id);
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      await srv.cleanup();
    }
  });
});
