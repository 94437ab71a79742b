// The notifier: an invitation to someone with no connected socket is pushed, encrypted and
// VAPID-signed, with TTL, Urgency and Topic; its end is pushed as invitation-closed with the same
// Topic; a socket connected means no push; 410 deletes the subscription (API.md v2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../lib/socket.js';
import { pushWorld, subscribed, waitPushes, sleep } from './push-helpers.js';

let world;
before(async () => { world = await pushWorld({ args: ['--invitation-ttl', '30'] }); });
after(async () => {
  await world.srv.cleanup();
  await world.svc.stop();
});

async function people() {
  const { c } = world;
  const ada = await c.readyUser('Ada Inviter');
  const bob = await c.readyUser('Bob Offline');
  return { ada, bob };
}

async function publicKey(who) {
  return (await world.c.api('GET', '/api/push/config', { token: who.token })).body.publicKey;
}

async function invite(from, to) {
  const res = await world.c.invite(from, to);
  assert.equal(res.status, 201, res.text);
  return res.body.interview;
}

test('an invitation to a user with no socket arrives decrypted, signed, with TTL, Urgency and Topic, and without question text', async () => {
  const { c, svc } = world;
  const { ada, bob } = await people();
  const browser = svc.subscribe();
  await subscribed(c, bob, browser);
  const questions = await c.questions(ada.token);
  const iv = await invite(ada, bob);
  const [push] = await waitPushes(svc, browser, 1);
  assert.equal(push.method, 'POST');
  assert.deepEqual(push.json, { type: 'invitation', roomId: iv.roomId, from: { id: ada.user.id, name: ada.name }, expiresAt: iv.expiresAt });
  for (const q of questions) {
    assert.ok(!push.payload.includes(q.title), 'no question title in the payload');
    assert.ok(!push.payload.includes(q.body), 'no question text in the payload');
  }
  const left = (Date.parse(iv.expiresAt) - push.at) / 1000;
  const ttl = Number(push.headers.ttl);
  assert.ok(Number.isInteger(ttl) && ttl <= Math.ceil(left) && ttl >= Math.floor(left) - 2, `TTL ${push.headers.ttl}, ${left} s left`);
  assert.ok(ttl <= 30);
  assert.equal(push.headers.urgency, 'high');
  assert.match(push.headers.topic, /^[A-Za-z0-9_-]{1,32}$/);
  assert.ok(!push.headers.topic.includes(iv.roomId));
  assert.equal(push.headers['content-encoding'], 'aes128gcm');
  assert.equal(push.vapid.publicKey, await publicKey(bob));
  assert.equal(push.vapid.claims.aud, svc.origin);
  assert.equal(push.vapid.claims.sub, 'mailto:admin@localhost');
  assert.ok(push.vapid.claims.exp <= Math.floor(push.at / 1000) + 12 * 3600);
  await c.act(ada, 'cancel', iv.roomId);
});

test('no push when the invitee has a socket connected', async () => {
  const { c, svc, srv } = world;
  const { ada, bob } = await people();
  const browser = svc.subscribe();
  await subscribed(c, bob, browser);
  const tab = await connect(srv, { token: bob.token });
  const iv = await invite(ada, bob);
  // A second invitee without a socket, invited after: once their push is in, bob's would be too.
  const carol = await c.readyUser('Carol Offline');
  const carolBrowser = svc.subscribe();
  await subscribed(c, carol, carolBrowser);
  const dan = await c.readyUser('Dan Inviter');
  await invite(dan, carol);
  await waitPushes(svc, carolBrowser, 1);
  await sleep(300);
  assert.equal(svc.received(browser.id).length, 0);
  tab.disconnect();
  await c.act(ada, 'cancel', iv.roomId);
  await sleep(300);
  assert.equal(svc.received(browser.id).length, 0, 'no invitation-closed without the invitation');
});

for (const [how, status, close] of [
  ['declined', 'rejected', (ada, bob, room) => world.c.act(bob, 'reject', room)],
  ['cancelled', 'cancelled', (ada, bob, room) => world.c.act(ada, 'cancel', room)],
  ['accepted', 'accepted', (ada, bob, room) => world.c.act(bob, 'accept', room)],
]) {
  test(`an invitation ${how} is withdrawn with invitation-closed {status: ${status}} under the same Topic, once`, async () => {
    const { c, svc } = world;
    const { ada, bob } = await people();
    const browsers = [svc.subscribe(), svc.subscribe()];
    for (const b of browsers) await subscribed(c, bob, b);
    const iv = await invite(ada, bob);
    for (const b of browsers) await waitPushes(svc, b, 1);
    const res = await close(ada, bob, iv.roomId);
    assert.equal(res.status, 200, res.text);
    for (const b of browsers) {
      const [first, closed] = await waitPushes(svc, b, 2);
      assert.deepEqual(closed.json, { type: 'invitation-closed', roomId: iv.roomId, status });
      assert.equal(closed.headers.topic, first.headers.topic);
    }
    await sleep(300);
    for (const b of browsers) assert.equal(svc.received(b.id).length, 2);
  });
}

test('an invitation that expires is withdrawn with status expired', async (t) => {
  const local = await pushWorld({ args: ['--invitation-ttl', '2'] });
  t.after(async () => { await local.srv.cleanup(); await local.svc.stop(); });
  const ada = await local.c.readyUser('Ada');
  const bob = await local.c.readyUser('Bob');
  const browser = local.svc.subscribe();
  await subscribed(local.c, bob, browser);
  const res = await local.c.invite(ada, bob);
  assert.equal(res.status, 201, res.text);
  const [first] = await waitPushes(local.svc, browser, 1);
  assert.ok(Number(first.headers.ttl) <= 2, `TTL ${first.headers.ttl}`);
  const [, closed] = await waitPushes(local.svc, browser, 2, 8000);
  assert.deepEqual(closed.json, { type: 'invitation-closed', roomId: res.body.interview.roomId, status: 'expired' });
  assert.equal(closed.headers.topic, first.headers.topic);
});

test('only the subscriptions that got the invitation get invitation-closed', async () => {
  const { c, svc } = world;
  const { ada, bob } = await people();
  const refused = svc.subscribe();
  const fine = svc.subscribe();
  svc.script(refused.id, [{ status: 400 }]);
  await subscribed(c, bob, refused);
  await subscribed(c, bob, fine);
  const iv = await invite(ada, bob);
  await waitPushes(svc, refused, 1);
  await waitPushes(svc, fine, 1);
  await sleep(200); // the refusal is handled
  await c.act(bob, 'reject', iv.roomId);
  await waitPushes(svc, fine, 2);
  await sleep(300);
  assert.equal(svc.received(refused.id).length, 1);
});

test('410 from the push service deletes the subscription; 404 too', async () => {
  const { c, svc } = world;
  for (const status of [410, 404]) {
    const { ada, bob } = await people();
    const dead = svc.subscribe();
    const alive = svc.subscribe();
    svc.script(dead.id, [{ status }]);
    const gone = await subscribed(c, bob, dead);
    const kept = await subscribed(c, bob, alive);
    const iv = await invite(ada, bob);
    await waitPushes(svc, dead, 1);
    let ids;
    for (let i = 0; i < 200; i++) {
      ids = (await c.api('GET', '/api/push/subscriptions', { token: bob.token })).body.subscriptions.map((s) => s.id);
      if (!ids.includes(gone.id)) break;
      await sleep(25);
    }
    assert.deepEqual(ids, [kept.id], `after ${status}`);
    await c.act(ada, 'cancel', iv.roomId);
    await waitPushes(svc, alive, 2);
    assert.equal(svc.received(dead.id).length, 1, 'nothing more to a deleted subscription');
  }
});

test('a 503 with Retry-After is tried again and delivered', async () => {
  const { c, svc } = world;
  const { ada, bob } = await people();
  const flaky = svc.subscribe();
  svc.script(flaky.id, [{ status: 503, headers: { 'Retry-After': '1' } }, { status: 201 }]);
  await subscribed(c, bob, flaky);
  const iv = await invite(ada, bob);
  const [first, second] = await waitPushes(svc, flaky, 2);
  assert.ok(second.at - first.at >= 900, `retried after ${second.at - first.at} ms`);
  assert.deepEqual(second.json, first.json);
  assert.ok(Number(second.headers.ttl) <= Number(first.headers.ttl));
  await c.act(ada, 'cancel', iv.roomId);
  const [, , closed] = await waitPushes(svc, flaky, 3);
  assert.equal(closed.json.type, 'invitation-closed');
});

test('a slow push service does not delay the acknowledgement', async () => {
  const { c, svc, srv } = world;
  const { ada, bob } = await people();
  const slow = svc.subscribe();
  svc.script(slow.id, [{ status: 201, delayMs: 3000 }]);
  await subscribed(c, bob, slow);
  const tab = await connect(srv, { token: ada.token });
  const started = Date.now();
  const res = await c.invite(ada, bob);
  const took = Date.now() - started;
  assert.equal(res.status, 201, res.text);
  assert.ok(took < 1000, `the invitation took ${took} ms`);
  await waitPushes(svc, slow, 1);
  const cancelled = await c.act(ada, 'cancel', res.body.interview.roomId);
  assert.equal(cancelled.status, 200);
  assert.ok(Date.now() - started < 2500, 'the cancel did not wait for the slow push either');
  tab.disconnect();
});

test('metrics count the pushes by kind and outcome', async () => {
  const { c, srv } = world;
  const res = await c.api('GET', '/metrics');
  assert.equal(res.status, 200);
  assert.match(res.text, /mockmate_push_sends_total\{kind="invitation",outcome="delivered"\} \d+/);
  assert.match(res.text, /mockmate_push_sends_total\{kind="invitation-closed",outcome="delivered"\} \d+/);
  assert.match(res.text, /mockmate_push_subscriptions_removed_total\{reason="gone"\} \d+/);
  assert.ok(srv.url);
});
