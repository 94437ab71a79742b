// The video room: who may join and when, the join-room ack, in_progress when both are in, peer events,
// signaling relayed only to the other participant's joined sockets, payload limits, tab moves.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { emitAck, emitOk, nextEvent, expectNoEvent, close, drain } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError, assertInterview, assertStatus, assertError, ms } from '../lib/shapes.js';

const T = { timeout: 30_000 };
const ROOM_EVENTS = ['join-room', 'leave-room', 'webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate', 'end-interview'];
const CANDIDATE = { candidate: 'candidate:842163049 1 udp 1677729535 192.0.2.10 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0', sdpMid: '0', sdpMLineIndex: 0 };
const SDP = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n';

describe('room signaling', () => {
  let srv, s;
  before(async () => {
    srv = await startServer({ args: ['--rejoin-grace', '10', '--stun-uri', 'stun:stun.example.org:3478', '--turn-uri', 'turn:turn.example.org:3478', '--turn-secret', 'room-test-secret'] });
    s = scenario(srv);
  });
  after(() => srv?.cleanup());

  // An accepted interview; a is the inviter, b the invitee, each with `tabs` sockets.
  async function room(tabs = 2) {
    const a = await s.person('Room inviter', { tabs });
    const b = await s.person('Room invitee', { tabs });
    const iv = await s.accepted(a, b);
    for (const t of [...a.tabs, ...b.tabs]) drain(t);
    return { a, b, roomId: iv.roomId, iv };
  }
  const join = (sock, roomId) => emitAck(sock, 'join-room', { roomId });
  async function bothIn(tabs = 2) {
    const r = await room(tabs);
    await emitOk(r.a.tab, 'join-room', { roomId: r.roomId });
    await emitOk(r.b.tab, 'join-room', { roomId: r.roomId });
    await nextEvent(r.a.tab, 'peer-joined', 2000);
    for (const t of [...r.a.tabs, ...r.b.tabs]) drain(t);
    return r;
  }

  test('a stranger joining gets not_found, and so does an unknown room', T, async () => {
    const { roomId } = await room(1);
    const x = await s.person('Gatecrasher');
    assertAckError(await join(x.tab, roomId), 'not_found');
    assertAckError(await join(x.tab, 'no-such-room'), 'not_found');
  });

  test('joining a pending interview, or a final one, is conflict', T, async () => {
    const a = await s.person('Too early A');
    const b = await s.person('Too early B');
    const iv = await s.invited(a, b);
    assertAckError(await join(a.tab, iv.roomId), 'conflict');
    assertAckError(await join(b.tab, iv.roomId), 'conflict');
    await emitOk(a.tab, 'cancel-interview-invitation', { roomId: iv.roomId });
    assertAckError(await join(a.tab, iv.roomId), 'conflict');
    const r = await room(1);
    assertStatus(await s.c.act(r.a, 'complete', r.roomId), 200);
    assertAckError(await join(r.a.tab, r.roomId), 'conflict');
    assertAckError(await join(r.b.tab, r.roomId), 'conflict');
  });

  test('the first to join gets {ok, interview, peers: [], iceServers, polite}; the inviter is not polite', T, async () => {
    const { a, roomId } = await room(1);
    const ack = await join(a.tab, roomId);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(Object.keys(ack).sort(), ['iceServers', 'interview', 'ok', 'peers', 'polite']);
    assertInterview(ack.interview, { roomId, status: 'accepted' });
    assert.deepEqual(ack.peers, []);
    assert.ok(Array.isArray(ack.iceServers) && ack.iceServers.length > 0);
    assert.equal(ack.polite, false);
  });

  test('the second to join sees the first in peers, the invitee is polite, and the interview is in_progress', T, async () => {
    const { a, b, roomId } = await room(1);
    await emitOk(a.tab, 'join-room', { roomId });
    const ack = await join(b.tab, roomId);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(ack.peers, [a.user.id]);
    assert.equal(ack.polite, true);
    const iv = assertInterview(ack.interview, { status: 'in_progress' });
    assertInterview((await s.c.detail(a, roomId)).body.interview, { status: 'in_progress', startedAt: iv.startedAt });
  });

  test('the invitee is polite even when joining first', T, async () => {
    const { a, b, roomId } = await room(1);
    const ack = await join(b.tab, roomId);
    assert.equal(ack.polite, true);
    assert.deepEqual(ack.peers, []);
    assert.equal((await join(a.tab, roomId)).polite, false);
  });

  test('interview-started {interview} reaches every tab of both, joined or not, once both are in', T, async () => {
    const { a, b, roomId } = await room(2);
    await emitOk(a.tab, 'join-room', { roomId });
    for (const t of [...a.tabs, ...b.tabs]) await expectNoEvent(t, 'interview-started', 0);
    const before = Date.now();
    await emitOk(b.tab, 'join-room', { roomId });
    for (const ev of await s.onEveryTab([...a.tabs, ...b.tabs], 'interview-started', roomId)) {
      const iv = assertInterview(ev.interview, { roomId, status: 'in_progress' });
      assert.ok(Math.abs(ms(iv.startedAt) - before) < 5000);
    }
  });

  test('peer-joined {roomId, userId} goes only to the other participant\'s sockets in the room', T, async () => {
    const { a, b, roomId } = await room(2);
    await emitOk(a.tab, 'join-room', { roomId });
    await emitOk(b.tab, 'join-room', { roomId });
    assert.deepEqual(await nextEvent(a.tab, 'peer-joined', 2000), { roomId, userId: b.user.id });
    await expectNoEvent(a.tabs[1], 'peer-joined', 300);
    for (const t of b.tabs) await expectNoEvent(t, 'peer-joined', 0);
  });

  for (const [event, field, value] of [['webrtc-offer', 'sdp', SDP], ['webrtc-answer', 'sdp', SDP], ['webrtc-ice-candidate', 'candidate', CANDIDATE]]) {
    test(`${event} is relayed as {roomId, from, ${field}} only to the other participant's joined socket`, T, async () => {
      const { a, b, roomId } = await bothIn(2);
      const x = await s.person('Eavesdropper');
      const ack = await emitAck(a.tab, event, { roomId, [field]: value });
      assert.deepEqual(ack, { ok: true });
      assert.deepEqual(await nextEvent(b.tab, event, 2000), { roomId, from: a.user.id, [field]: value });
      await expectNoEvent(b.tabs[1], event, 300);
      for (const t of [...a.tabs, x.tab]) await expectNoEvent(t, event, 0);
      // and the other way round
      await emitOk(b.tab, event, { roomId, [field]: value });
      assert.deepEqual(await nextEvent(a.tab, event, 2000), { roomId, from: b.user.id, [field]: value });
      await expectNoEvent(a.tabs[1], event, 200);
    });
  }

  test('a participant\'s socket that has not joined gets forbidden for signaling, and nothing is relayed', T, async () => {
    const { a, b, roomId } = await bothIn(2);
    assertAckError(await emitAck(a.tabs[1], 'webrtc-offer', { roomId, sdp: SDP }), 'forbidden');
    assertAckError(await emitAck(a.tabs[1], 'webrtc-answer', { roomId, sdp: SDP }), 'forbidden');
    assertAckError(await emitAck(a.tabs[1], 'webrtc-ice-candidate', { roomId, candidate: CANDIDATE }), 'forbidden');
    for (const t of b.tabs) {
      for (const ev of ['webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate']) await expectNoEvent(t, ev, 100);
    }
  });

  test('a non-participant gets not_found for every room event, including leave-room', T, async () => {
    const { roomId } = await bothIn(1);
    const x = await s.person('Outsider');
    for (const ev of ROOM_EVENTS) {
      const payload = { roomId, sdp: SDP, candidate: CANDIDATE };
      assertAckError(await emitAck(x.tab, ev, payload), 'not_found', {});
    }
  });

  test('leave-room from a participant\'s socket that is not in the room answers {ok: true}', T, async () => {
    const { a, roomId } = await bothIn(2);
    assert.deepEqual(await emitAck(a.tabs[1], 'leave-room', { roomId }), { ok: true });
  });

  test('leave-room answers {ok}; the other participant gets peer-left {roomId, userId}; signaling stops reaching the leaver', T, async () => {
    const { a, b, roomId } = await bothIn(1);
    assert.deepEqual(await emitAck(a.tab, 'leave-room', { roomId }), { ok: true });
    assert.deepEqual(await nextEvent(b.tab, 'peer-left', 2000), { roomId, userId: a.user.id });
    await emitAck(b.tab, 'webrtc-offer', { roomId, sdp: SDP });
    await expectNoEvent(a.tab, 'webrtc-offer', 400);
    assertAckError(await emitAck(a.tab, 'webrtc-offer', { roomId, sdp: SDP }), 'forbidden');
  });

  test('sdp may be 64 KiB; larger is payload_too_large and is not relayed', T, async () => {
    const { a, b, roomId } = await bothIn(1);
    const max = 'v'.repeat(64 * 1024);
    assert.deepEqual(await emitAck(a.tab, 'webrtc-offer', { roomId, sdp: max }), { ok: true });
    assert.equal((await nextEvent(b.tab, 'webrtc-offer', 2000)).sdp.length, 64 * 1024);
    assertAckError(await emitAck(a.tab, 'webrtc-offer', { roomId, sdp: `${max}v` }), 'payload_too_large');
    assertAckError(await emitAck(a.tab, 'webrtc-answer', { roomId, sdp: 'a'.repeat(100 * 1024) }), 'payload_too_large');
    await expectNoEvent(b.tab, 'webrtc-offer', 300);
    await expectNoEvent(b.tab, 'webrtc-answer', 0);
  });

  test('a candidate over 2 KiB as JSON is payload_too_large and is not relayed', T, async () => {
    const { a, b, roomId } = await bothIn(1);
    const big = { ...CANDIDATE, candidate: `candidate:${'x'.repeat(2100)}` };
    assertAckError(await emitAck(a.tab, 'webrtc-ice-candidate', { roomId, candidate: big }), 'payload_too_large');
    await expectNoEvent(b.tab, 'webrtc-ice-candidate', 300);
    const fits = { ...CANDIDATE, candidate: 'c'.repeat(1900) };
    assert.ok(JSON.stringify(fits).length <= 2048);
    assert.deepEqual(await emitAck(a.tab, 'webrtc-ice-candidate', { roomId, candidate: fits }), { ok: true });
  });

  test('signaling payloads of the wrong type are validation_failed', T, async () => {
    const { a, roomId } = await bothIn(1);
    assertAckError(await emitAck(a.tab, 'webrtc-offer', { roomId, sdp: 42 }), 'validation_failed', { field: 'sdp' });
    assertAckError(await emitAck(a.tab, 'webrtc-offer', { roomId }), 'validation_failed', { field: 'sdp' });
    assertAckError(await emitAck(a.tab, 'webrtc-ice-candidate', { roomId, candidate: 'not an object' }), 'validation_failed', { field: 'candidate' });
    assertAckError(await emitAck(a.tab, 'join-room', {}), 'validation_failed', { field: 'roomId' });
  });

  test('joining from a second tab moves the place: left-room joined_elsewhere to the old socket, peer-joined again to the other', T, async () => {
    const { a, b, roomId } = await bothIn(2);
    const ack = await join(a.tabs[1], roomId);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(ack.peers, [b.user.id]);
    assert.deepEqual(await nextEvent(a.tab, 'left-room', 2000), { roomId, reason: 'joined_elsewhere' });
    assert.deepEqual(await nextEvent(b.tab, 'peer-joined', 2000), { roomId, userId: a.user.id });
    await expectNoEvent(b.tab, 'peer-left', 300);
    // signaling now reaches the new socket only
    await emitOk(b.tab, 'webrtc-offer', { roomId, sdp: SDP });
    assert.equal((await nextEvent(a.tabs[1], 'webrtc-offer', 2000)).from, b.user.id);
    await expectNoEvent(a.tab, 'webrtc-offer', 300);
    assertAckError(await emitAck(a.tab, 'webrtc-answer', { roomId, sdp: SDP }), 'forbidden');
    assert.equal((await s.c.detail(a, roomId)).body.interview.status, 'in_progress');
  });

  test('closing a tab that is not in the room sends no peer event', T, async () => {
    const { a, b, roomId } = await bothIn(2);
    close(srv, a.tabs[1]);
    await expectNoEvent(b.tab, 'peer-left', 700);
    assert.equal((await s.c.detail(b, roomId)).body.interview.status, 'in_progress');
  });

  test('closing the socket that holds the place sends peer-left', T, async () => {
    const { a, b, roomId } = await bothIn(2);
    close(srv, a.tab);
    assert.deepEqual(await nextEvent(b.tab, 'peer-left', 2000), { roomId, userId: a.user.id });
  });

  test('a user in an in_progress interview cannot be invited (invitee_busy) and cannot invite (conflict)', T, async () => {
    const { a, b } = await bothIn(1);
    const x = await s.person('Hopeful', { tabs: 0 });
    assertError(await s.c.invite(x, a), 'invitee_busy');
    assertError(await s.c.invite(b, x), 'conflict');
  });
});
