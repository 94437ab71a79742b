// A node killed with SIGKILL: its users go offline for the others within 30 s (users with a tab on
// a surviving node stay online), its pending invitations still expire on time, and its room places
// count as left (the grace starts; coming back through another node works). Nothing else moves.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCluster, personOn, sleep } from './lib/cluster.js';
import { clientFor } from '../integration/lib/http.js';
import { connect, emitOk, nextEvent, eventsOf } from '../integration/lib/socket.js';
import { assertInterview, ms } from '../integration/lib/shapes.js';

const TTL_S = 8;
const about = (roomId) => ({ where: (d) => (d?.interview?.roomId ?? d?.roomId) === roomId });

describe('a node killed with SIGKILL', { timeout: 90_000 }, () => {
  let cl;
  before(async () => {
    cl = await startCluster({ nodes: 3, args: ['--invitation-ttl', String(TTL_S), '--rejoin-grace', '60', '--invitation-rate-limit', '0'] });
  });
  after(() => cl?.cleanup());

  test('its users go offline for the others, its invitation expires on time, its room places are left', async (t) => {
    const [n0, n1, n2] = cl.nodes;
    const w = await personOn(cl, 'Watcher', [0]);
    const u = await personOn(cl, 'Only on the doomed node', [2]);
    const v = await personOn(cl, 'On two nodes', [1, 2]);
    const x = await personOn(cl, 'Inviter on the doomed node', [2]);
    const y = await personOn(cl, 'Invitee on node 0', [0]);
    const p = await personOn(cl, 'Participant on the doomed node', [2]);
    const q = await personOn(cl, 'Participant on node 0', [0]);
    await emitOk(w.tab, 'watch-presence', { userIds: [u.user.id, v.user.id, x.user.id] });

    // A room in progress between p (node 2) and q (node 0).
    const inv = await clientFor(n2).invite(p, q);
    assert.equal(inv.status, 201, inv.text);
    const roomId = inv.body.interview.roomId;
    assert.equal((await clientFor(n0).act(q, 'accept', roomId)).status, 200);
    await emitOk(p.tab, 'join-room', { roomId });
    await emitOk(q.tab, 'join-room', { roomId });
    await nextEvent(q.tab, 'interview-started', 3000, about(roomId));

    // A pending invitation sent through node 2 (whose timer dies with it).
    const sent = await emitOk(x.tab, 'send-interview-invitation', { inviteeId: y.user.id, questionIds: await cl.client.questionIds(x.token, 1) });
    const pending = sent.interview;
    await nextEvent(y.tab, 'interview-invitation-received', 3000, about(pending.roomId));

    const killedAt = Date.now();
    await n2.kill9();

    // u and x go offline for w, within 30 s; v (still on node 1) does not.
    const offline = new Map();
    await Promise.all([u, x].map(async (who) => {
      const ev = await nextEvent(w.tab, 'presence', 30_000, { where: (d) => d.userId === who.user.id && d.online === false });
      offline.set(who.user.id, Date.now() - killedAt);
      return ev;
    }));
    for (const [id, after] of offline) assert.ok(after < 30_000, `${id} offline after ${after} ms`);
    t.diagnostic(`offline for the others after ${[...offline.values()].join(' and ')} ms`);

    // The invitation expired on time through a survivor's sweep, and y heard it.
    const expired = await nextEvent(y.tab, 'invitation-expired', Math.max(1000, ms(pending.expiresAt) - Date.now() + 3000),
      { ...about(pending.roomId), withTime: true });
    assertInterview(expired.data.interview, { status: 'expired', reason: 'invite_timeout' });
    const late = expired.at - ms(pending.expiresAt);
    assert.ok(late < 1000, `expired ${late} ms after its deadline`);
    t.diagnostic(`expired ${late} ms after its deadline`);

    // p's place counts as left: q is told, the interview waits for the grace.
    const left = await nextEvent(q.tab, 'peer-left', 30_000, about(roomId));
    assert.equal(left.userId, p.user.id);
    t.diagnostic(`peer-left ${Date.now() - killedAt} ms after the kill`);
    const detail = await clientFor(n1).detail(q, roomId);
    assert.equal(detail.body.interview.status, 'in_progress');

    // p comes back through node 1 and takes the place again.
    const again = await connect(n1, { token: p.token });
    const rejoined = await emitOk(again, 'join-room', { roomId });
    assert.deepEqual(rejoined.peers, [q.user.id]);
    assert.equal((await nextEvent(q.tab, 'peer-joined', 3000, about(roomId))).userId, p.user.id);

    // Nothing else moved: v never went offline, w and q are still connected, each offline came once.
    await sleep(500);
    assert.deepEqual(eventsOf(w.tab, 'presence', (d) => d.userId === v.user.id && d.online === false), []);
    assert.equal(eventsOf(w.tab, 'presence', (d) => d.userId === u.user.id && d.online === false).length, 1);
    assert.ok(w.tab.connected && q.tab.connected && v.tabs[0].connected);
    const still = await emitOk(v.tabs[0], 'watch-presence', { userIds: [v.user.id, w.user.id] });
    assert.ok(still.presence.every((s) => s.online));
    await emitOk(q.tab, 'end-interview', { roomId });
  });

  test('a node stopped with SIGTERM: its users go offline after the reload grace, its room places are left at once', async (t) => {
    const [n0, n1] = cl.nodes;
    const w = await personOn(cl, 'Watcher two', [0]);
    const u = await personOn(cl, 'Only on the stopping node', [1]);
    const p = await personOn(cl, 'Participant on the stopping node', [1]);
    const q = await personOn(cl, 'Participant staying', [0]);
    await emitOk(w.tab, 'watch-presence', { userIds: [u.user.id] });
    const inv = await clientFor(n1).invite(p, q);
    const roomId = inv.body.interview.roomId;
    assert.equal((await clientFor(n0).act(q, 'accept', roomId)).status, 200);
    await emitOk(p.tab, 'join-room', { roomId });
    await emitOk(q.tab, 'join-room', { roomId });
    await nextEvent(q.tab, 'interview-started', 3000, about(roomId));

    const stoppedAt = Date.now();
    await n1.stop();
    const left = await nextEvent(q.tab, 'peer-left', 5000, about(roomId));
    assert.equal(left.userId, p.user.id);
    const off = await nextEvent(w.tab, 'presence', 15_000, { where: (d) => d.userId === u.user.id && !d.online });
    const after = Date.now() - stoppedAt;
    t.diagnostic(`offline ${after} ms after SIGTERM`);
    assert.ok(after >= 4000 && after < 10_000, `offline after ${after} ms`);
    assert.ok(off);
    assert.equal((await clientFor(n0).detail(q, roomId)).body.interview.status, 'in_progress');
    await emitOk(q.tab, 'end-interview', { roomId });
  });
});
