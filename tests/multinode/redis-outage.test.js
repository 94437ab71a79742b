// Redis stopped and started again: each node keeps serving its own users meanwhile; delivery
// between nodes resumes within 5 s of Redis returning, and clients are re-synced (what other nodes
// sent during the outage: pending invitations again, the watched users' presence).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCluster, personOn, sleep } from './lib/cluster.js';
import { clientFor } from '../integration/lib/http.js';
import { emitOk, nextEvent, expectNoEvent, drain } from '../integration/lib/socket.js';

const about = (roomId) => ({ where: (d) => (d?.interview?.roomId ?? d?.roomId) === roomId });

describe('Redis stopped and restarted', { timeout: 90_000 }, () => {
  let cl;
  before(async () => { cl = await startCluster({ nodes: 2, args: ['--invitation-rate-limit', '0'] }); });
  after(() => cl?.cleanup());

  test('local delivery goes on, delivery between nodes resumes within 5 s, clients are re-synced', async (t) => {
    const [n0, n1] = cl.nodes;
    const a = await personOn(cl, 'A on node 0', [0]);
    const c = await personOn(cl, 'C on node 0', [0]);
    const d = await personOn(cl, 'D on node 0', [0]);
    const b = await personOn(cl, 'B on node 1', [1]);
    const w = await personOn(cl, 'W on node 1', [1]);
    await emitOk(w.tab, 'watch-presence', { userIds: [a.user.id] });

    await cl.redis.stop();
    await sleep(500);

    // Same node: still delivered.
    const local = await emitOk(a.tab, 'send-interview-invitation', { inviteeId: c.user.id, questionIds: await cl.client.questionIds(a.token, 1) });
    await nextEvent(c.tab, 'interview-invitation-received', 3000, about(local.interview.roomId));
    // Across nodes: stored, but the event is lost with Redis.
    const missed = await emitOk(b.tab, 'send-interview-invitation', { inviteeId: d.user.id, questionIds: await cl.client.questionIds(b.token, 1) });
    const missedRoom = missed.interview.roomId;
    // Presence of a user on another node is kept as it was, not flapped.
    await expectNoEvent(w.tab, 'presence', 2500, { where: (p) => p.userId === a.user.id && !p.online });
    drain(d.tab);
    drain(w.tab, 'presence');

    await cl.redis.start();
    const back = Date.now();

    // Re-synced: d gets the invitation sent while Redis was away; w gets a's presence again.
    await nextEvent(d.tab, 'interview-invitation-received', 5000, about(missedRoom));
    const resent = Date.now() - back;
    const p = await nextEvent(w.tab, 'presence', 5000, { where: (x) => x.userId === a.user.id });
    assert.equal(p.online, true);

    // Delivery between nodes: a's availability, changed on node 0, reaches w on node 1.
    const api0 = clientFor(n0);
    let delivered = null;
    for (let i = 0; delivered === null && Date.now() - back < 5000; i++) {
      const available = i % 2 === 1;
      await api0.api('PUT', '/api/me/profile', { token: a.token, body: { available } });
      delivered = await nextEvent(w.tab, 'presence', 300, { where: (x) => x.userId === a.user.id && x.available === available }).catch(() => null);
    }
    const resumed = Date.now() - back;
    assert.ok(delivered, 'no presence crossed the nodes within 5 s of Redis returning');
    assert.ok(resumed < 5000, `delivery resumed after ${resumed} ms`);
    t.diagnostic(`re-synced after ${resent} ms, delivery between nodes after ${resumed} ms (at most)`);

    // And the whole path works again: d accepts on node 0, b hears it on node 1.
    await emitOk(d.tab, 'respond-to-invitation', { roomId: missedRoom, accept: true });
    await nextEvent(b.tab, 'invitation-accepted', 3000, about(missedRoom));
    assert.ok(resent < 5000, `re-sent after ${resent} ms`);
    await clientFor(n1).act(b, 'complete', missedRoom);
  });
});
