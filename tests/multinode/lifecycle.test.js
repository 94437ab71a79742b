// An inviter and an invitee on different nodes, each with tabs on several nodes, through the whole
// lifecycle: presence, invitation, acceptance, the room and its signaling, a place moving between
// nodes, the end; presence stays right while tabs of one user live on several nodes.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCluster, personOn } from './lib/cluster.js';
import { connect, emitAck, emitOk, nextEvent, expectNoEvent, close, drain } from '../integration/lib/socket.js';
import { assertInterview, assertAckError } from '../integration/lib/shapes.js';

const about = (roomId) => ({ where: (d) => (d?.interview?.roomId ?? d?.roomId) === roomId });
const presenceOf = (id, extra = () => true) => ({ where: (p) => p?.userId === id && extra(p) });

describe('one interview across three nodes', { timeout: 90_000 }, () => {
  let cl;
  before(async () => { cl = await startCluster({ nodes: 3, args: ['--invitation-rate-limit', '0'] }); });
  after(() => cl?.cleanup());

  test('invitation, room, signaling, a moving place and presence, with every user on several nodes', async () => {
    const a = await personOn(cl, 'Ada Inviter', [0, 1]);
    const b = await personOn(cl, 'Ben Invitee', [1, 2]);
    const w = await personOn(cl, 'Wes Watcher', [2]);
    const all = [...a.tabs, ...b.tabs];

    const watched = await emitOk(w.tab, 'watch-presence', { userIds: [a.user.id, b.user.id] });
    for (const id of [a.user.id, b.user.id]) {
      assert.equal(watched.presence.find((p) => p.userId === id)?.online, true, 'users on other nodes are online');
    }

    // Sent through node 0; both of the invitee's tabs (nodes 1 and 2) hear of it.
    const qids = await cl.client.questionIds(a.token, 2);
    const sent = await emitOk(a.tabs[0], 'send-interview-invitation', { inviteeId: b.user.id, questionIds: qids });
    assert.equal(sent.inviteeOnline, true);
    const roomId = assertInterview(sent.interview, { status: 'pending' }).roomId;
    for (const t of b.tabs) {
      const got = await nextEvent(t, 'interview-invitation-received', 3000, about(roomId));
      assert.equal(got.from.id, a.user.id);
      assert.equal(got.from.online, true);
    }

    // Accepted through node 2: every tab of both, on every node, is told once.
    await emitOk(b.tabs[1], 'respond-to-invitation', { roomId, accept: true });
    for (const t of all) assertInterview((await nextEvent(t, 'invitation-accepted', 3000, about(roomId))).interview, { status: 'accepted' });
    await nextEvent(w.tab, 'presence', 3000, presenceOf(a.user.id, (p) => p.busy));

    // The room: A on node 0, B on node 2.
    const ja = await emitOk(a.tabs[0], 'join-room', { roomId });
    assert.deepEqual(ja.peers, []);
    const jb = await emitOk(b.tabs[1], 'join-room', { roomId });
    assert.deepEqual(jb.peers, [a.user.id]);
    assert.equal(jb.polite, true);
    assert.equal((await nextEvent(a.tabs[0], 'peer-joined', 3000, about(roomId))).userId, b.user.id);
    for (const t of all) await nextEvent(t, 'interview-started', 3000, about(roomId));

    // Signaling both ways between nodes 0 and 2, only to the sockets in the room.
    await emitOk(a.tabs[0], 'webrtc-offer', { roomId, sdp: 'v=0 offer one' });
    const offer = await nextEvent(b.tabs[1], 'webrtc-offer', 3000, about(roomId));
    assert.deepEqual(offer, { roomId, from: a.user.id, sdp: 'v=0 offer one' });
    await emitOk(b.tabs[1], 'webrtc-answer', { roomId, sdp: 'v=0 answer one' });
    assert.equal((await nextEvent(a.tabs[0], 'webrtc-answer', 3000, about(roomId))).sdp, 'v=0 answer one');
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    await emitOk(b.tabs[1], 'webrtc-ice-candidate', { roomId, candidate });
    assert.deepEqual((await nextEvent(a.tabs[0], 'webrtc-ice-candidate', 3000, about(roomId))).candidate, candidate);
    await expectNoEvent(b.tabs[0], 'webrtc-offer', 300);
    await expectNoEvent(a.tabs[1], 'webrtc-answer', 1);

    // B's place moves from node 2 to node 1: the old socket is told, A negotiates afresh.
    const jb2 = await emitOk(b.tabs[0], 'join-room', { roomId });
    assert.deepEqual(jb2.peers, [a.user.id]);
    assert.deepEqual(await nextEvent(b.tabs[1], 'left-room', 3000), { roomId, reason: 'joined_elsewhere' });
    assert.equal((await nextEvent(a.tabs[0], 'peer-joined', 3000, about(roomId))).userId, b.user.id);
    await emitOk(a.tabs[0], 'webrtc-offer', { roomId, sdp: 'v=0 offer two' });
    assert.equal((await nextEvent(b.tabs[0], 'webrtc-offer', 3000, about(roomId))).sdp, 'v=0 offer two');
    await expectNoEvent(b.tabs[1], 'webrtc-offer', 300);
    assertAckError(await emitAck(b.tabs[1], 'webrtc-offer', { roomId, sdp: 'v=0 stale' }), 'forbidden');

    // A's place moves from node 0 to node 1 (both B's place and A's now on node 1).
    await emitOk(a.tabs[1], 'join-room', { roomId });
    assert.deepEqual(await nextEvent(a.tabs[0], 'left-room', 3000), { roomId, reason: 'joined_elsewhere' });
    await emitOk(b.tabs[0], 'webrtc-answer', { roomId, sdp: 'v=0 answer two' });
    assert.equal((await nextEvent(a.tabs[1], 'webrtc-answer', 3000, about(roomId))).sdp, 'v=0 answer two');
    await expectNoEvent(a.tabs[0], 'webrtc-answer', 300, about(roomId));

    // B closes the node-2 tab; the node-1 tab lives: nobody hears B went offline.
    close(cl.nodes[2], b.tabs[1]);
    await expectNoEvent(w.tab, 'presence', 6500, presenceOf(b.user.id, (p) => !p.online));

    // Ended through node 1: every remaining tab hears it.
    await emitOk(b.tabs[0], 'end-interview', { roomId });
    for (const t of [a.tabs[0], a.tabs[1], b.tabs[0]]) {
      assertInterview((await nextEvent(t, 'interview-ended', 3000, about(roomId))).interview, { status: 'completed' });
    }

    // A leaves both nodes: one offline, after the 5 s grace; A comes back on node 2: one online.
    await new Promise((r) => setTimeout(r, 300));
    drain(w.tab, 'presence');
    const t0 = Date.now();
    close(cl.nodes[0], a.tabs[0]);
    close(cl.nodes[1], a.tabs[1]);
    const off = await nextEvent(w.tab, 'presence', 9000, presenceOf(a.user.id));
    const waited = Date.now() - t0;
    assert.equal(off.online, false);
    assert.ok(waited >= 4500 && waited < 8000, `offline after ${waited} ms`);
    await expectNoEvent(w.tab, 'presence', 1500, presenceOf(a.user.id));
    await connect(cl.nodes[2], { token: a.token });
    const on = await nextEvent(w.tab, 'presence', 3000, presenceOf(a.user.id));
    assert.equal(on.online, true);
    await expectNoEvent(w.tab, 'presence', 1000, presenceOf(a.user.id));
  });
});
