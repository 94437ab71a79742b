// ICE servers: GET /api/rtc/config and the join-room ack carry STUN URIs and TURN entries with
// coturn use-auth-secret credentials; the secret itself never leaves the server.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startServer } from '../lib/server.js';
import { emitAck, emitOk } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertStatus } from '../lib/shapes.js';

const T = { timeout: 30_000 };
const SECRET = 'n0t-for-clients-7f3a9c';
const STUN = ['stun:stun1.example.org:3478', 'stun:stun2.example.org:19302'];
const TURN = ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349?transport=tcp'];
const TURN_TTL = 600;

const urlsOf = (entry) => (Array.isArray(entry.urls) ? entry.urls : [entry.urls]);

// Checks the iceServers list for `userId`; returns the TURN entries.
function checkIceServers(iceServers, userId) {
  assert.ok(Array.isArray(iceServers), 'iceServers is an array');
  for (const e of iceServers) {
    assert.ok(typeof e.urls === 'string' || (Array.isArray(e.urls) && e.urls.every((u) => typeof u === 'string')), `urls: ${JSON.stringify(e)}`);
  }
  const all = iceServers.flatMap(urlsOf);
  for (const u of [...STUN, ...TURN]) assert.ok(all.includes(u), `${u} missing from ${JSON.stringify(all)}`);
  const turnEntries = iceServers.filter((e) => urlsOf(e).some((u) => /^turns?:/.test(u)));
  assert.ok(turnEntries.length > 0);
  const now = Math.floor(Date.now() / 1000);
  for (const e of turnEntries) {
    assert.equal(typeof e.username, 'string');
    assert.equal(typeof e.credential, 'string');
    const m = /^(\d+):(.+)$/.exec(e.username);
    assert.ok(m, `username should be <expiry>:<userId>, got ${e.username}`);
    assert.equal(m[2], userId, 'the username names the user');
    const expiry = Number(m[1]);
    assert.ok(expiry > now, 'the credential is not already expired');
    assert.ok(expiry <= now + TURN_TTL + 5, `expiry ${expiry - now} s away, more than --turn-ttl ${TURN_TTL}`);
    assert.ok(expiry >= now + TURN_TTL - 60, 'lives about --turn-ttl');
    const expected = createHmac('sha1', SECRET).update(e.username).digest('base64');
    assert.equal(e.credential, expected, 'credential = base64(HMAC-SHA1(secret, username))');
  }
  for (const e of iceServers.filter((x) => urlsOf(x).every((u) => /^stuns?:/.test(u)))) {
    assert.ok(!Object.hasOwn(e, 'credential') || e.credential == null, 'STUN entries carry no credential');
  }
  return turnEntries;
}

describe('ICE servers with STUN and TURN configured', () => {
  let srv, s;
  before(async () => {
    srv = await startServer({
      args: [...STUN.flatMap((u) => ['--stun-uri', u]), ...TURN.flatMap((u) => ['--turn-uri', u]), '--turn-secret', SECRET, '--turn-ttl', String(TURN_TTL)],
    });
    s = scenario(srv);
  });
  after(() => srv?.cleanup());

  test('GET /api/rtc/config answers {iceServers} with every STUN and TURN URI and valid short-lived TURN credentials', T, async () => {
    const u = await s.person('RTC user', { tabs: 0 });
    const res = await s.c.api('GET', '/api/rtc/config', { token: u.token });
    assertStatus(res, 200);
    assert.deepEqual(Object.keys(res.body), ['iceServers']);
    checkIceServers(res.body.iceServers, u.user.id);
  });

  test('each user gets credentials of their own', T, async () => {
    const u = await s.person('RTC one', { tabs: 0 });
    const v = await s.person('RTC two', { tabs: 0 });
    const cu = (await s.c.api('GET', '/api/rtc/config', { token: u.token })).body.iceServers;
    const cv = (await s.c.api('GET', '/api/rtc/config', { token: v.token })).body.iceServers;
    const nameOf = (list) => list.find((e) => e.username)?.username;
    assert.notEqual(nameOf(cu), nameOf(cv));
    checkIceServers(cv, v.user.id);
  });

  test('the join-room ack carries the same kind of iceServers, for the joining user', T, async () => {
    const a = await s.person('Joiner A');
    const b = await s.person('Joiner B');
    const iv = await s.accepted(a, b);
    const ack = await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    checkIceServers(ack.iceServers, a.user.id);
    const ackB = await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
    checkIceServers(ackB.iceServers, b.user.id);
  });

  test('the TURN secret never appears in any response', T, async () => {
    const a = await s.person('Auditor A');
    const b = await s.person('Auditor B');
    const iv = await s.accepted(a, b);
    const texts = [];
    for (const path of ['/api/rtc/config', '/api/me', '/api/questions', '/api/users/available', '/api/interviews', `/api/interviews/${iv.roomId}`, '/api/stats/invitations?scope=all', '/healthz', '/metrics', '/api/nope']) {
      texts.push((await s.c.api('GET', path, { token: a.token })).text);
    }
    texts.push((await s.c.api('GET', '/api/rtc/config')).text);
    texts.push(JSON.stringify(await emitAck(a.tab, 'join-room', { roomId: iv.roomId })));
    texts.push(JSON.stringify(await emitAck(b.tab, 'join-room', { roomId: iv.roomId })));
    texts.push(JSON.stringify(b.tab.received));
    for (const t of texts) assert.ok(!t.includes(SECRET), `the secret leaked: ${t.slice(0, 200)}`);
  });
});

describe('ICE servers without TURN', () => {
  test('with only --stun-uri, iceServers lists the STUN URI and no credentials', T, async () => {
    const srv = await startServer({ args: ['--stun-uri', STUN[0]] });
    try {
      const s = scenario(srv);
      const u = await s.person('STUN only', { tabs: 0 });
      const res = await s.c.api('GET', '/api/rtc/config', { token: u.token });
      assertStatus(res, 200);
      const all = res.body.iceServers.flatMap(urlsOf);
      assert.ok(all.includes(STUN[0]));
      assert.ok(!all.some((x) => /^turns?:/.test(x)), 'no TURN entry');
      assert.ok(res.body.iceServers.every((e) => !e.credential));
    } finally {
      await srv.cleanup();
    }
  });

  test('with nothing configured, iceServers is an array (possibly empty) and the room still works', T, async () => {
    const srv = await startServer();
    try {
      const s = scenario(srv);
      const a = await s.person('Plain A');
      const b = await s.person('Plain B');
      const res = await s.c.api('GET', '/api/rtc/config', { token: a.token });
      assertStatus(res, 200);
      assert.ok(Array.isArray(res.body.iceServers));
      const iv = await s.accepted(a, b);
      const ack = await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
      assert.ok(Array.isArray(ack.iceServers));
    } finally {
      await srv.cleanup();
    }
  });
});
