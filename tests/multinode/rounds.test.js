// Rounds across nodes (API.md v2, "Rounds and roles"): start-round on one node reaches every tab
// of both participants on every node as round-started, and the database lets exactly one of two
// switches sent through different nodes start round 2.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCluster, personOn } from './lib/cluster.js';
import { connect, emitAck, emitOk, nextEvent } from '../integration/lib/socket.js';
import { assertAckError } from '../integration/lib/shapes.js';

const about = (roomId) => ({ where: (d) => (d?.interview?.roomId ?? d?.roomId) === roomId });

describe('rounds across two nodes', { timeout: 60_000 }, () => {
  let cl;
  before(async () => { cl = await startCluster({ nodes: 2, args: ['--invitation-rate-limit', '0'] }); });
  after(() => cl?.cleanup());

  test('round-started reaches every tab of both, on both nodes', async () => {
    const a = await personOn(cl, 'Ada Rounds', [0, 1]);
    const b = await personOn(cl, 'Ben Rounds', [1, 0]);
    const qids = await cl.client.questionIds(a.token, 3);
    const sent = await emitOk(a.tabs[0], 'send-interview-invitation', { inviteeId: b.user.id, questionIds: qids.slice(0, 2) });
    const roomId = sent.interview.roomId;
    await emitOk(b.tabs[0], 'respond-to-invitation', { roomId, accept: true });
    await emitOk(a.tabs[0], 'join-room', { roomId });
    await emitOk(b.tabs[0], 'join-room', { roomId });
    for (const t of [...a.tabs, ...b.tabs]) {
      const started = await nextEvent(t, 'interview-started', 3000, about(roomId));
      assert.equal(started.interview.rounds.length, 1);
      assert.equal(started.interview.rounds[0].interviewer.id, a.user.id);
    }

    // Switched through node 1 (B's room tab); A's tabs on nodes 0 and 1 and B's other tab hear it.
    await emitOk(b.tabs[0], 'start-round', { roomId, questionIds: [qids[2]] });
    for (const t of [...a.tabs, ...b.tabs]) {
      const ev = await nextEvent(t, 'round-started', 3000, about(roomId));
      assert.equal(ev.interview.rounds.length, 2);
      assert.equal(ev.interview.rounds[1].interviewer.id, b.user.id);
      assert.deepEqual(ev.interview.rounds[1].questions.map((q) => q.id), [qids[2]]);
    }
    assertAckError(await emitAck(a.tabs[1], 'start-round', { roomId, questionIds: [qids[0]] }), 'conflict');
  });

  test('racing switches make one round 2; a late one through the other node is conflict', async () => {
    const a = await personOn(cl, 'Ada Race', [0]);
    const b = await personOn(cl, 'Ben Race', [1]);
    const qids = await cl.client.questionIds(a.token, 4);
    const sent = await emitOk(a.tab, 'send-interview-invitation', { inviteeId: b.user.id, questionIds: qids.slice(0, 1) });
    const roomId = sent.interview.roomId;
    await emitOk(b.tab, 'respond-to-invitation', { roomId, accept: true });
    await emitOk(a.tab, 'join-room', { roomId });
    await emitOk(b.tab, 'join-room', { roomId });
    await nextEvent(b.tab, 'interview-started', 3000, about(roomId));
    // B's place moves to node 0 with a second tab; the first tab, on node 1, comes late.
    const moved = await connect(cl.nodes[0], { token: b.token });
    await emitOk(moved, 'join-room', { roomId });
    const acks = await Promise.all([
      emitAck(moved, 'start-round', { roomId, questionIds: [qids[2]] }),
      emitAck(moved, 'start-round', { roomId, questionIds: [qids[3]] }),
    ]);
    assert.equal(acks.filter((x) => x.ok).length, 1, JSON.stringify(acks));
    assertAckError(acks.find((x) => !x.ok), 'conflict');
    assertAckError(await emitAck(b.tab, 'start-round', { roomId, questionIds: [qids[1]] }), 'conflict');
    const detail = await cl.client.detail(b, roomId);
    assert.equal(detail.body.interview.rounds.length, 2);
  });
});
