// POST/GET /api/push/subscriptions and DELETE /api/push/subscriptions/:id: ownership, the
// endpoint and key rules, the limit, and logout (API.md v2, "Push notifications").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor } from '../lib/http.js';
import { startPushService } from '../../lib/push-service.js';
import { pushWorld, subscribe, subscribed } from './push-helpers.js';

let world;
before(async () => { world = await pushWorld(); });
after(async () => {
  await world.srv.cleanup();
  await world.svc.stop();
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function assertError(res, status, code, field) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.body.error.code, code, res.text);
  if (field) assert.ok(res.body.error.message.includes(field), `the message names ${field}: ${res.body.error.message}`);
}

test('subscribe (201), list, subscribe the same endpoint again (200, replaced), delete (204)', async () => {
  const { c, svc } = world;
  const ada = await c.register('Ada');
  const browser = svc.subscribe();
  const created = await subscribe(c, ada, browser, { expirationTime: null });
  assert.equal(created.status, 201, created.text);
  const sub = created.body.subscription;
  assert.deepEqual(Object.keys(sub).sort(), ['createdAt', 'endpoint', 'id']);
  assert.equal(sub.endpoint, browser.endpoint);
  assert.match(sub.createdAt, ISO);

  const again = await subscribe(c, ada, { ...browser, keys: svc.subscribe().keys });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.subscription.id, sub.id);

  const other = await subscribed(c, ada, svc.subscribe());
  const list = await c.api('GET', '/api/push/subscriptions', { token: ada.token });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.subscriptions.map((s) => s.id), [sub.id, other.id]);
  assert.equal(list.body.subscriptions[0].endpoint, browser.endpoint);

  const del = await c.api('DELETE', `/api/push/subscriptions/${sub.id}`, { token: ada.token });
  assert.equal(del.status, 204);
  assert.equal(del.text, '');
  assertError(await c.api('DELETE', `/api/push/subscriptions/${sub.id}`, { token: ada.token }), 404, 'not_found');
  const after = await c.api('GET', '/api/push/subscriptions', { token: ada.token });
  assert.deepEqual(after.body.subscriptions.map((s) => s.id), [other.id]);
});

test("someone else's subscription is not_found and stays; lists are per user", async () => {
  const { c, svc } = world;
  const ada = await c.register('Ada');
  const eve = await c.register('Eve');
  const sub = await subscribed(c, ada, svc.subscribe());
  assertError(await c.api('DELETE', `/api/push/subscriptions/${sub.id}`, { token: eve.token }), 404, 'not_found');
  assert.deepEqual((await c.api('GET', '/api/push/subscriptions', { token: eve.token })).body.subscriptions, []);
  assert.equal((await c.api('GET', '/api/push/subscriptions', { token: ada.token })).body.subscriptions.length, 1);
});

test('every route needs a session', async () => {
  const { c } = world;
  for (const [method, url] of [['GET', '/api/push/subscriptions'], ['POST', '/api/push/subscriptions'], ['DELETE', '/api/push/subscriptions/ps_x']])
    assertError(await c.api(method, url, { body: method === 'POST' ? {} : undefined }), 401, 'unauthorized');
});

test('the body is validated as API.md says, naming the field, and a refused request stores nothing', async () => {
  const { c, svc } = world;
  const ada = await c.register('Ada');
  const good = svc.subscribe();
  const p256 = good.keys.p256dh;
  const cases = [
    [{ keys: good.keys }, 'endpoint'],
    [{ endpoint: 42, keys: good.keys }, 'endpoint'],
    [{ endpoint: 'http://push.example.com/x', keys: good.keys }, 'endpoint'],
    [{ endpoint: 'not a url', keys: good.keys }, 'endpoint'],
    [{ endpoint: 'https://user:pw@push.example.com/x', keys: good.keys }, 'endpoint'],
    [{ endpoint: 'https://10.1.2.3/push', keys: good.keys }, 'endpoint'],
    [{ endpoint: 'https://169.254.169.254/latest', keys: good.keys }, 'endpoint'],
    [{ endpoint: 'https://[::1]/push', keys: good.keys }, 'endpoint'],
    [{ endpoint: 'https://localhost/push', keys: good.keys }, 'endpoint'],
    [{ endpoint: `https://127.0.0.1:${svc.port}/push/x`, keys: good.keys }, 'endpoint'], // not the allowed origin (https)
    [{ endpoint: good.endpoint }, 'keys'],
    [{ endpoint: good.endpoint, keys: { auth: good.keys.auth } }, 'keys.p256dh'],
    [{ endpoint: good.endpoint, keys: { p256dh: p256.slice(0, 40), auth: good.keys.auth } }, 'keys.p256dh'],
    [{ endpoint: good.endpoint, keys: { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'), auth: good.keys.auth } }, 'keys.p256dh'],
    [{ endpoint: good.endpoint, keys: { p256dh: '!!!' + p256.slice(3), auth: good.keys.auth } }, 'keys.p256dh'],
    [{ endpoint: good.endpoint, keys: { p256dh: p256 } }, 'keys.auth'],
    [{ endpoint: good.endpoint, keys: { p256dh: p256, auth: Buffer.alloc(15).toString('base64url') } }, 'keys.auth'],
    [{ endpoint: good.endpoint, keys: { p256dh: p256, auth: Buffer.alloc(17).toString('base64url') } }, 'keys.auth'],
    [{ endpoint: good.endpoint, keys: good.keys, expirationTime: 'soon' }, 'expirationTime'],
    [{ endpoint: good.endpoint, keys: good.keys, expirationTime: Date.now() - 1000 }, 'expirationTime'],
  ];
  for (const [body, field] of cases) {
    const res = await c.api('POST', '/api/push/subscriptions', { token: ada.token, body });
    assertError(res, 400, 'validation_failed', field);
  }
  assertError(await c.api('POST', '/api/push/subscriptions', { token: ada.token, rawBody: '{"endpoint":' }), 400, 'malformed_json');
  assert.deepEqual((await c.api('GET', '/api/push/subscriptions', { token: ada.token })).body.subscriptions, []);
  // Padded base64url, as some browsers send it, and a future expirationTime are fine.
  const padded = svc.subscribe();
  const ok = await subscribe(c, ada, { ...padded, keys: { p256dh: padded.keys.p256dh + '=', auth: padded.keys.auth + '==' } },
    { expirationTime: Date.now() + 3_600_000 });
  assert.equal(ok.status, 201, ok.text);
});

test('an internal address is refused without --push-allow-origin, even the push service that the other server allows', async (t) => {
  const svc = await startPushService();
  const srv = await startServer();
  t.after(async () => { await srv.cleanup(); await svc.stop(); });
  const c = clientFor(srv);
  const ada = await c.register('Ada');
  assertError(await subscribe(c, ada, svc.subscribe()), 400, 'validation_failed', 'endpoint');
  // With the flag, that exact origin only.
  const { c: allowed } = world;
  const bob = await allowed.register('Bob');
  assert.equal((await subscribe(allowed, bob, world.svc.subscribe())).status, 201);
  assertError(await subscribe(allowed, bob, svc.subscribe()), 400, 'validation_failed', 'endpoint');
});

test('at most 10 per user: the 11th is a conflict; replacing one of the ten is not', async () => {
  const { c, svc } = world;
  const ada = await c.register('Ada');
  const browsers = Array.from({ length: 10 }, () => svc.subscribe());
  for (const b of browsers) await subscribed(c, ada, b);
  assertError(await subscribe(c, ada, svc.subscribe()), 409, 'conflict');
  assert.equal((await subscribe(c, ada, browsers[3])).status, 200);
  assert.equal((await c.api('GET', '/api/push/subscriptions', { token: ada.token })).body.subscriptions.length, 10);
});

test("logging out deletes that session's subscriptions, not the other session's", async () => {
  const { c, svc } = world;
  const ada = await c.register('Ada');
  const other = await c.login(ada.email);
  const mine = await subscribed(c, ada, svc.subscribe());
  const theirs = await subscribed(c, other, svc.subscribe());
  const out = await c.api('POST', '/api/auth/logout', { token: ada.token });
  assert.equal(out.status, 204);
  const list = await c.api('GET', '/api/push/subscriptions', { token: other.token });
  assert.deepEqual(list.body.subscriptions.map((s) => s.id), [theirs.id]);
  assert.notEqual(mine.id, theirs.id);
});
