// Access matrix: an inviter (A), an invitee (B) and a stranger (C) against every endpoint and
// every socket event that takes a room id, in every state an interview goes through. A stranger
// gets exactly what an unknown id gets (404 / not_found, same message), sees no data, changes
// nothing, and none of C's sockets ever receives an event about the interview. A participant in
// the wrong role gets forbidden. Nobody but its owner ever sees a user's email.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../integration/lib/server.js';
import { connect, emitAck, emitOk, nextEvent, drain } from '../integration/lib/socket.js';
import { scenario } from '../integration/lib/people.js';
import { assertAckError, assertError, assertStatus } from '../integration/lib/shapes.js';

const T = { timeout: 60_000 };
const SDP = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
const CANDIDATE = { candidate: 'candidate:1 1 udp 1677729535 192.0.2.10 46154 typ srflx', sdpMid: '0', sdpMLineIndex: 0 };
const UNKNOWN_ROOM = 'no-such-room-0123456789';

// Every REST request that names a room: [label, method, path(roomId), body].
const REST = [
  ['GET detail', 'GET', (id) => `/api/interviews/${encodeURIComponent(id)}`],
  ['GET hints', 'GET', (id) => `/api/interviews/${encodeURIComponent(id)}/hints`],
  ['POST accept', 'POST', (id) => `/api/interviews/accept/${encodeURIComponent(id)}`],
  ['POST reject', 'POST', (id) => `/api/interviews/reject/${encodeURIComponent(id)}`],
  ['POST cancel', 'POST', (id) => `/api/interviews/cancel/${encodeURIComponent(id)}`],
  ['POST complete', 'POST', (id) => `/api/interviews/complete/${encodeURIComponent(id)}`],
  ['POST feedback', 'POST', (id) => `/api/interviews/${encodeURIComponent(id)}/feedback`, { rating: 5, comments: 'x' }],
];

// Every socket event that names a room: [event, payload(roomId)].
const EVENTS = [
  ['respond-to-invitation', (roomId) => ({ roomId, accept: true })],
  ['respond-to-invitation', (roomId) => ({ roomId, accept: false })],
  ['cancel-interview-invitation', (roomId) => ({ roomId })],
  ['join-room', (roomId) => ({ roomId })],
  ['leave-room', (roomId) => ({ roomId })],
  ['webrtc-offer', (roomId) => ({ roomId, sdp: SDP })],
  ['webrtc-answer', (roomId) => ({ roomId, sdp: SDP })],
  ['webrtc-ice-candidate', (roomId) => ({ roomId, candidate: CANDIDATE })],
  ['end-interview', (roomId) => ({ roomId })],
];

describe('access matrix: inviter, invitee, stranger', () => {
  let srv, s, c;
  let A, B, C, strangerTabs;
  const leaks = []; // every response text and ack seen by C, checked for A's and B's data

  before(async () => {
    srv = await startServer({ args: ['--rejoin-grace', '30'] });
    s = scenario(srv);
    c = s.c;
    A = await s.person('Alice Inviter', { tabs: 1 });
    B = await s.person('Bob Invitee', { tabs: 1 });
    C = await s.person('Carol Stranger', { tabs: 2 });
    strangerTabs = C.tabs;
  });
  after(() => srv?.cleanup());

  const message = (res) => res.body?.error?.message;

  // C's view of a room, REST and socket, must be the view of an unknown room.
  async function strangerSeesNothing(roomId, state) {
    const before = (await c.detail(A, roomId)).body.interview;
    for (const [label, method, path, body] of REST) {
      const res = await c.api(method, path(roomId), { token: C.token, body });
      assertError(res, 'not_found');
      leaks.push(res.text);
      const unknown = await c.api(method, path(UNKNOWN_ROOM), { token: C.token, body });
      assertError(unknown, 'not_found');
      assert.equal(message(res).replaceAll(roomId, '<id>'), message(unknown).replaceAll(UNKNOWN_ROOM, '<id>'),
        `${label} (${state}): a stranger's answer must not tell an existing room from an unknown one`);
    }
    for (const [event, payload] of EVENTS) {
      for (const tab of strangerTabs) {
        const ack = await emitAck(tab, event, payload(roomId));
        assertAckError(ack, 'not_found');
        leaks.push(JSON.stringify(ack));
        const unknown = await emitAck(tab, event, payload(UNKNOWN_ROOM));
        assertAckError(unknown, 'not_found');
        assert.equal(ack.error.message.replaceAll(roomId, '<id>'), unknown.error.message.replaceAll(UNKNOWN_ROOM, '<id>'),
          `${event} (${state}): same answer as for an unknown room`);
      }
    }
    // Bearer and cookie alike: the cookie path is checked too for the reads.
    const byCookie = await c.api('GET', `/api/interviews/${encodeURIComponent(roomId)}`, { cookie: C.cookie.value });
    assertError(byCookie, 'not_found');
    // History and stats never list it.
    const history = await c.api('GET', '/api/interviews?limit=100', { token: C.token });
    assertStatus(history, 200);
    assert.ok(!history.text.includes(roomId), `${state}: the stranger's history lists the room`);
    leaks.push(history.text);
    // Nothing changed.
    const afterwards = (await c.detail(A, roomId)).body.interview;
    assert.equal(afterwards.status, before.status, `${state}: a stranger's attempts changed the status`);
    assert.equal(afterwards.respondedAt, before.respondedAt);
    assert.equal(afterwards.endedAt, before.endedAt);
  }

  function assertNoLeak() {
    const all = leaks.join('\n');
    for (const u of [A, B]) {
      assert.ok(!all.includes(u.email), `the stranger saw ${u.name}'s email`);
      assert.ok(!all.includes(u.token), `the stranger saw ${u.name}'s token`);
    }
    for (const [i, tab] of strangerTabs.entries()) {
      assert.deepEqual(tab.received.map((e) => e.name), [], `stranger tab ${i} received events`);
    }
  }

  test('pending: the stranger gets not_found everywhere; the wrong participant gets forbidden', T, async () => {
    const inv = await c.invite(A, B);
    assertStatus(inv, 201);
    const roomId = inv.body.interview.roomId;
    await nextEvent(B.tab, 'interview-invitation-received', 3000);
    await strangerSeesNothing(roomId, 'pending');
    // wrong roles
    assertError(await c.act(A, 'accept', roomId), 'forbidden');
    assertError(await c.act(A, 'reject', roomId), 'forbidden');
    assertError(await c.act(B, 'cancel', roomId), 'forbidden');
    assertAckError(await emitAck(A.tab, 'respond-to-invitation', { roomId, accept: true }), 'forbidden');
    assertAckError(await emitAck(B.tab, 'cancel-interview-invitation', { roomId }), 'forbidden');
    assert.equal((await c.detail(B, roomId)).body.interview.status, 'pending');
    // the invitee sees the inviter's id and name but not the email, and the other way round
    const seenByB = await c.detail(B, roomId);
    assert.ok(!seenByB.text.includes(A.email) && !seenByB.text.includes(B.email), 'emails in an interview');
    assertOk(await c.act(A, 'cancel', roomId));
    assertNoLeak();
  });

  function assertOk(res) { assert.ok(res.status === 200 || res.status === 201, `${res.status} ${res.text}`); }

  test('accepted, then in_progress with both in the room: no join, relay, leave or end for the stranger', T, async () => {
    const iv = await s.accepted(A, B);
    const roomId = iv.roomId;
    await strangerSeesNothing(roomId, 'accepted');
    await emitOk(A.tab, 'join-room', { roomId });
    await emitOk(B.tab, 'join-room', { roomId });
    await nextEvent(A.tab, 'peer-joined', 3000);
    assert.equal((await c.detail(A, roomId)).body.interview.status, 'in_progress');
    await strangerSeesNothing(roomId, 'in_progress');
    // Signaling between the participants still reaches only the other participant.
    drain(A.tab);
    drain(B.tab);
    await emitOk(A.tab, 'webrtc-offer', { roomId, sdp: SDP });
    const offer = await nextEvent(B.tab, 'webrtc-offer', 3000);
    assert.equal(offer.from, A.user.id);
    // The stranger's sdp/candidate never reached a participant.
    assert.equal(B.tab.received.filter((e) => e.name.startsWith('webrtc-')).length, 1);
    assert.equal(A.tab.received.filter((e) => e.name.startsWith('webrtc-')).length, 0);
    const done = await emitAck(A.tab, 'end-interview', { roomId });
    assert.equal(done.ok, true, JSON.stringify(done));
    await strangerSeesNothing(roomId, 'completed');
    // feedback from the participants works; the stranger cannot read it
    assertStatus(await c.api('POST', `/api/interviews/${roomId}/feedback`, { token: A.token, body: { rating: 4, comments: 'secret note' } }), 201);
    const res = await c.api('GET', `/api/interviews/${roomId}`, { token: C.token });
    assertError(res, 'not_found');
    assert.ok(!res.text.includes('secret note'));
    assertNoLeak();
  });

  test('rejected and expired interviews are not the stranger\'s either', T, async () => {
    const inv = await c.invite(A, B);
    const roomId = inv.body.interview.roomId;
    assertOk(await c.act(B, 'reject', roomId));
    await strangerSeesNothing(roomId, 'rejected');
    assertNoLeak();
  });

  test('odd room ids are not_found or validation_failed, never a 5xx', T, async () => {
    const ids = ['..', '../me', '%2e%2e', "' OR 1=1 --", '"; DROP TABLE interviews; --', '*', '%', '\u0000',
      'r'.repeat(129), 'r'.repeat(4000), '😀', '$where', '{"$gt":""}'];
    for (const id of ids) {
      for (const [label, method, path, body] of REST) {
        const res = await c.api(method, path(id), { token: C.token, body });
        assert.ok([400, 404].includes(res.status), `${label} ${JSON.stringify(id).slice(0, 40)}: ${res.status} ${res.text.slice(0, 200)}`);
      }
      for (const [event, payload] of EVENTS) {
        const ack = await emitAck(C.tab, event, payload(id));
        assert.equal(ack.ok, false);
        assert.ok(['not_found', 'validation_failed'].includes(ack.error.code), `${event} ${JSON.stringify(id).slice(0, 40)}: ${JSON.stringify(ack)}`);
      }
      // non-string ids are validation_failed
    }
    for (const bad of [null, 42, [], {}, true]) {
      for (const [event] of EVENTS) {
        const ack = await emitAck(C.tab, event, { roomId: bad, accept: true, sdp: SDP, candidate: CANDIDATE });
        assertAckError(ack, 'validation_failed');
      }
    }
    assertNoLeak();
  });

  test('a user id in an invitation: unknown is not_found, and users never see each other\'s email', T, async () => {
    assertError(await c.invite(C, { user: { id: 'no-such-user' } }), 'not_found');
    const partners = await c.api('GET', '/api/users/available?limit=100', { token: C.token });
    assertStatus(partners, 200);
    assert.ok(!partners.text.includes(A.email) && !partners.text.includes(B.email), 'emails in the partner list');
    const presence = await emitAck(C.tab, 'watch-presence', { userIds: [A.user.id, B.user.id, 'no-such-user'] });
    assert.equal(presence.ok, true);
    assert.ok(!JSON.stringify(presence).includes(A.email));
    drain(C.tab, 'presence');
  });
});
