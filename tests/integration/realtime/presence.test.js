// watch-presence and presence events: only to watchers, online on the first tab, offline 5 s after the
// last tab, no flapping on reload, and the online flag in /api/users/available.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor, sleep } from '../lib/http.js';
import { connect, emitAck, nextEvent, expectNoEvent, close } from '../lib/socket.js';
import { assertAckError, assertKeys, assertStatus } from '../lib/shapes.js';

const T = { timeout: 40_000 };
const OFFLINE_AFTER_MS = 5000;

describe('presence', () => {
  let srv, c;
  before(async () => { srv = await startServer(); c = clientFor(srv); });
  after(() => srv?.cleanup());

  const watcher = async (ids) => {
    const w = await c.readyUser('Watcher');
    const s = await connect(srv, { token: w.token });
    const ack = await emitAck(s, 'watch-presence', { userIds: ids });
    assert.equal(ack.ok, true, JSON.stringify(ack));
    return { w, s, ack };
  };
  const isAbout = (id) => ({ where: (p) => p?.userId === id });

  test('watch-presence answers {ok, presence: [{userId, online, busy, available}]} for known ids only', T, async () => {
    const a = await c.readyUser('Known');
    const b = await c.readyUser('Known offline');
    await connect(srv, { token: a.token });
    const { ack } = await watcher([a.user.id, b.user.id, 'no-such-user-id']);
    assert.ok(Array.isArray(ack.presence));
    assert.equal(ack.presence.length, 2, 'unknown ids are left out');
    for (const p of ack.presence) {
      assertKeys(p, ['userId', 'online', 'busy', 'available'], 'presence');
      assert.equal(typeof p.online, 'boolean');
      assert.equal(typeof p.busy, 'boolean');
      assert.equal(typeof p.available, 'boolean');
    }
    const byId = Object.fromEntries(ack.presence.map((p) => [p.userId, p]));
    assert.deepEqual(byId[a.user.id], { userId: a.user.id, online: true, busy: false, available: true });
    assert.deepEqual(byId[b.user.id], { userId: b.user.id, online: false, busy: false, available: true });
  });

  test('watching oneself is allowed', T, async () => {
    const me = await c.readyUser('Self');
    const s = await connect(srv, { token: me.token });
    const ack = await emitAck(s, 'watch-presence', { userIds: [me.user.id] });
    assert.equal(ack.ok, true);
    assert.deepEqual(ack.presence, [{ userId: me.user.id, online: true, busy: false, available: true }]);
  });

  test('duplicate ids count once; 200 distinct ids are accepted, 201 are validation_failed', T, async () => {
    const me = await c.readyUser('Many');
    const s = await connect(srv, { token: me.token });
    const dup = await emitAck(s, 'watch-presence', { userIds: [me.user.id, me.user.id] });
    assert.equal(dup.ok, true);
    assert.equal(dup.presence.length, 1);
    const ids = Array.from({ length: 200 }, (_, i) => `unknown-${i}`);
    const ok = await emitAck(s, 'watch-presence', { userIds: [...ids, ...ids.slice(0, 50)] });
    assert.equal(ok.ok, true, '200 distinct (with repeats) are fine');
    assertAckError(await emitAck(s, 'watch-presence', { userIds: [...ids, 'one-more'] }), 'validation_failed', { field: 'userIds' });
    assertAckError(await emitAck(s, 'watch-presence', { userIds: 'everyone' }), 'validation_failed', { field: 'userIds' });
    assertAckError(await emitAck(s, 'watch-presence', {}), 'validation_failed', { field: 'userIds' });
  });

  test('presence {online: true} is sent to watchers when the first tab connects, not for further tabs', T, async () => {
    const a = await c.readyUser('Watched');
    const { s } = await watcher([a.user.id]);
    const other = await watcher([]); // watches nobody
    await connect(srv, { token: a.token });
    const p = await nextEvent(s, 'presence', 2000, isAbout(a.user.id));
    assert.deepEqual(p, { userId: a.user.id, online: true, busy: false, available: true });
    await connect(srv, { token: a.token });
    await expectNoEvent(s, 'presence', 700, isAbout(a.user.id));
    await expectNoEvent(other.s, 'presence', 0);
  });

  test('offline is sent only when the last tab has been gone for about 5 s', T, async () => {
    const a = await c.readyUser('Leaver');
    const tab1 = await connect(srv, { token: a.token });
    const tab2 = await connect(srv, { token: a.token });
    const { s } = await watcher([a.user.id]);
    close(srv, tab1);
    await expectNoEvent(s, 'presence', 1000, isAbout(a.user.id));
    const gone = Date.now();
    close(srv, tab2);
    await expectNoEvent(s, 'presence', OFFLINE_AFTER_MS - 1000, isAbout(a.user.id));
    const ev = await nextEvent(s, 'presence', 3500, { ...isAbout(a.user.id), withTime: true });
    assert.deepEqual(ev.data, { userId: a.user.id, online: false, busy: false, available: true });
    const after = ev.at - gone;
    assert.ok(after >= OFFLINE_AFTER_MS - 500 && after <= OFFLINE_AFTER_MS + 2500, `offline after ${after} ms`);
  });

  test('a quick reconnect (a reload) does not flap: no presence event at all', T, async () => {
    const a = await c.readyUser('Reloader');
    const tab = await connect(srv, { token: a.token });
    const { s } = await watcher([a.user.id]);
    close(srv, tab);
    await sleep(500);
    await connect(srv, { token: a.token });
    await expectNoEvent(s, 'presence', OFFLINE_AFTER_MS + 1500, isAbout(a.user.id));
  });

  test('watch-presence replaces the socket\'s earlier list', T, async () => {
    const a = await c.readyUser('First watched');
    const b = await c.readyUser('Second watched');
    const { s } = await watcher([a.user.id]);
    const ack = await emitAck(s, 'watch-presence', { userIds: [b.user.id] });
    assert.deepEqual(ack.presence.map((p) => p.userId), [b.user.id]);
    await connect(srv, { token: a.token });
    await connect(srv, { token: b.token });
    const p = await nextEvent(s, 'presence', 2000);
    assert.equal(p.userId, b.user.id, 'only the current list is watched');
    await expectNoEvent(s, 'presence', 500, isAbout(a.user.id));
  });

  test('each watching socket is told; a socket of the same user that does not watch is not', T, async () => {
    const a = await c.readyUser('Popular');
    const w = await c.readyUser('Two tabs');
    const watching = await connect(srv, { token: w.token });
    const notWatching = await connect(srv, { token: w.token });
    await emitAck(watching, 'watch-presence', { userIds: [a.user.id] });
    const { s: second } = await watcher([a.user.id]);
    await connect(srv, { token: a.token });
    await nextEvent(watching, 'presence', 2000, isAbout(a.user.id));
    await nextEvent(second, 'presence', 2000, isAbout(a.user.id));
    await expectNoEvent(notWatching, 'presence', 300);
  });

  test('a change of available is sent to watchers', T, async () => {
    const a = await c.readyUser('Toggler');
    await connect(srv, { token: a.token });
    const { s } = await watcher([a.user.id]);
    assertStatus(await c.api('PUT', '/api/me/profile', { token: a.token, body: { available: false } }), 200);
    assert.deepEqual(await nextEvent(s, 'presence', 2000, isAbout(a.user.id)), { userId: a.user.id, online: true, busy: false, available: false });
    assertStatus(await c.api('PUT', '/api/me/profile', { token: a.token, body: { available: true } }), 200);
    assert.deepEqual(await nextEvent(s, 'presence', 2000, isAbout(a.user.id)), { userId: a.user.id, online: true, busy: false, available: true });
  });

  test('a profile update that does not change available sends nothing', T, async () => {
    const a = await c.readyUser('Quiet editor');
    await connect(srv, { token: a.token });
    const { s } = await watcher([a.user.id]);
    assertStatus(await c.api('PUT', '/api/me/profile', { token: a.token, body: { headline: 'new headline' } }), 200);
    await expectNoEvent(s, 'presence', 700, isAbout(a.user.id));
  });

  test('a change of busy (invitation accepted, interview completed) is sent to watchers', T, async () => {
    const a = await c.readyUser('Busy inviter');
    const b = await c.readyUser('Busy invitee');
    const { s } = await watcher([a.user.id, b.user.id]);
    const inv = await c.invite(a, b);
    assertStatus(inv, 201);
    await expectNoEvent(s, 'presence', 300, isAbout(a.user.id)); // a pending invitation does not make anyone busy
    assertStatus(await c.act(b, 'accept', inv.body.interview.roomId), 200);
    assert.deepEqual(await nextEvent(s, 'presence', 2000, isAbout(a.user.id)), { userId: a.user.id, online: false, busy: true, available: true });
    assert.deepEqual(await nextEvent(s, 'presence', 2000, isAbout(b.user.id)), { userId: b.user.id, online: false, busy: true, available: true });
    assertStatus(await c.act(a, 'complete', inv.body.interview.roomId), 200);
    assert.equal((await nextEvent(s, 'presence', 2000, isAbout(a.user.id))).busy, false);
    assert.equal((await nextEvent(s, 'presence', 2000, isAbout(b.user.id))).busy, false);
  });

  test('online in /api/users/available is live', T, async () => {
    const a = await c.readyUser('Liveflag');
    const viewer = await c.readyUser('Viewer');
    const onlineOf = async () => {
      const res = await c.api('GET', `/api/users/available?q=Liveflag&limit=100`, { token: viewer.token });
      assertStatus(res, 200);
      return res.body.users.find((p) => p.id === a.user.id)?.online;
    };
    assert.equal(await onlineOf(), false);
    const tab = await connect(srv, { token: a.token });
    assert.equal(await onlineOf(), true);
    close(srv, tab);
    const deadline = Date.now() + OFFLINE_AFTER_MS + 3000;
    let online = true;
    while (Date.now() < deadline && (online = await onlineOf())) await sleep(250);
    assert.equal(online, false, 'offline again once the user is gone');
  });
});
