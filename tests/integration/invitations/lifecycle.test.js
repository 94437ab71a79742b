// The invitation lifecycle by socket and by REST: sending, accepting, rejecting, cancelling, role
// rules, conflicts on final states, expiry on time.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { nextEvent, expectNoEvent, emitAck } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import {
  assertAckError, assertError, assertStatus, assertInterview, assertPartner, ms,
} from '../lib/shapes.js';

const T = { timeout: 30_000 };
const EVENTS = ['invitation-accepted', 'invitation-rejected', 'invitation-cancelled', 'invitation-expired'];

describe('sending an invitation', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('send-interview-invitation acks {ok, interview, inviteeOnline}; the interview is pending with the chosen questions', T, async () => {
    const a = await s.person('Alice Inviter');
    const b = await s.person('Bob Invitee');
    const qs = (await s.c.questions(a.token)).slice(3, 6);
    const before = Date.now();
    const ack = await s.sendInvitation(a, b, qs.map((q) => q.id));
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(Object.keys(ack).sort(), ['interview', 'inviteeOnline', 'ok']);
    assert.equal(ack.inviteeOnline, true);
    const iv = assertInterview(ack.interview, { status: 'pending', inviterId: a.user.id, inviteeId: b.user.id });
    assert.deepEqual(iv.inviter, { id: a.user.id, name: 'Alice Inviter' });
    assert.deepEqual(iv.invitee, { id: b.user.id, name: 'Bob Invitee' });
    assert.deepEqual(iv.questions, qs, 'the questions, in the order chosen');
    assert.ok(Math.abs(ms(iv.createdAt) - before) < 5000, 'createdAt is now');
    assert.ok(Math.abs(ms(iv.expiresAt) - ms(iv.createdAt) - 120_000) <= 1000, 'default lifetime 120 s');
    assert.ok(iv.expiresInMs > 115_000 && iv.expiresInMs <= 120_000, `expiresInMs ${iv.expiresInMs}`);
    for (const k of ['respondedAt', 'startedAt', 'endedAt', 'reason']) assert.equal(iv[k], null, k);
  });

  test('every tab of the invitee receives interview-invitation-received {interview, from: partner}; the inviter\'s tabs do not', T, async () => {
    const a = await s.person('Inviter Two Tabs', { tabs: 2 });
    const b = await s.person('Invitee Three Tabs', { tabs: 3 });
    const iv = await s.invited(a, b);
    const got = await s.onEveryTab(b.tabs, 'interview-invitation-received', iv.roomId);
    for (const ev of got) {
      assert.deepEqual(Object.keys(ev).sort(), ['from', 'interview']);
      assertInterview(ev.interview, { status: 'pending', roomId: iv.roomId });
      assertPartner(ev.from);
      assert.equal(ev.from.id, a.user.id);
      assert.equal(ev.from.name, 'Inviter Two Tabs');
    }
    for (const tab of a.tabs) await expectNoEvent(tab, 'interview-invitation-received', 300);
  });

  test('inviteeOnline is false when the invitee has no connected tab', T, async () => {
    const a = await s.person('Caller');
    const b = await s.person('Offline', { tabs: 0 });
    const ack = await s.sendInvitation(a, b);
    assert.equal(ack.ok, true);
    assert.equal(ack.inviteeOnline, false);
  });

  test('POST /api/interviews answers 201 {interview, inviteeOnline} and the invitee\'s tabs are told', T, async () => {
    const a = await s.person('REST Inviter', { tabs: 0 });
    const b = await s.person('REST Invitee', { tabs: 2 });
    const qids = await s.c.questionIds(a.token, 1);
    const res = await s.c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: b.user.id, questionIds: qids } });
    assertStatus(res, 201);
    assert.deepEqual(Object.keys(res.body).sort(), ['interview', 'inviteeOnline']);
    assert.equal(res.body.inviteeOnline, true);
    const iv = assertInterview(res.body.interview, { status: 'pending', inviterId: a.user.id, inviteeId: b.user.id });
    assert.deepEqual(iv.questions.map((q) => q.id), qids);
    await s.onEveryTab(b.tabs, 'interview-invitation-received', iv.roomId);
  });

  test('expiresInMs is the server\'s count of what is left, and it goes down', T, async () => {
    const a = await s.person('Counter A', { tabs: 0 });
    const b = await s.person('Counter B', { tabs: 0 });
    const inv = await s.c.invite(a, b);
    const roomId = inv.body.interview.roomId;
    const first = (await s.c.detail(a, roomId)).body.interview.expiresInMs;
    await sleep(600);
    const second = (await s.c.detail(b, roomId)).body.interview.expiresInMs;
    assert.ok(second < first, `${second} should be below ${first}`);
    assert.ok(first - second >= 400 && first - second <= 3000, `went down by ${first - second} ms in ~600 ms`);
  });

  test('GET /api/interviews/:roomId answers {interview} to both participants and 404 to anyone else', T, async () => {
    const a = await s.person('Detail A', { tabs: 0 });
    const b = await s.person('Detail B', { tabs: 0 });
    const x = await s.person('Stranger', { tabs: 0 });
    const roomId = (await s.c.invite(a, b)).body.interview.roomId;
    for (const who of [a, b]) {
      const res = await s.c.detail(who, roomId);
      assertStatus(res, 200);
      assertInterview(res.body.interview, { roomId, status: 'pending' });
    }
    assertError(await s.c.detail(x, roomId), 'not_found');
    assertError(await s.c.detail(a, 'no-such-room'), 'not_found');
  });
});

describe('answering an invitation', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  const both = async () => {
    const a = await s.person('Inviter', { tabs: 2 });
    const b = await s.person('Invitee', { tabs: 2 });
    const iv = await s.invited(a, b);
    await s.onEveryTab(b.tabs, 'interview-invitation-received', iv.roomId);
    return { a, b, iv, tabs: [...a.tabs, ...b.tabs] };
  };
  const noOtherOutcome = async (tabs, roomId, except) => {
    for (const ev of EVENTS.filter((e) => e !== except)) {
      for (const tab of tabs) await expectNoEvent(tab, ev, 0, s.aboutRoom(roomId));
    }
  };

  test('accept (socket): ack {ok, interview} accepted; invitation-accepted on every tab of both', T, async () => {
    const { b, iv, tabs } = await both();
    const ack = await s.respond(b, iv.roomId, true);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(Object.keys(ack).sort(), ['interview', 'ok']);
    const done = assertInterview(ack.interview, { roomId: iv.roomId, status: 'accepted', reason: null, startedAt: null });
    assert.ok(ms(done.respondedAt) >= ms(done.createdAt));
    const events = await s.onEveryTab(tabs, 'invitation-accepted', iv.roomId);
    for (const ev of events) assertInterview(ev.interview, { status: 'accepted', roomId: iv.roomId });
    await noOtherOutcome(tabs, iv.roomId, 'invitation-accepted');
  });

  test('reject (socket): rejected with reason declined; invitation-rejected on every tab of both', T, async () => {
    const { b, iv, tabs } = await both();
    const ack = await s.respond(b, iv.roomId, false);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assertInterview(ack.interview, { status: 'rejected', reason: 'declined' });
    for (const ev of await s.onEveryTab(tabs, 'invitation-rejected', iv.roomId)) {
      assertInterview(ev.interview, { status: 'rejected', reason: 'declined' });
    }
    await noOtherOutcome(tabs, iv.roomId, 'invitation-rejected');
  });

  test('cancel (socket, inviter): cancelled with reason cancelled; invitation-cancelled on every tab of both', T, async () => {
    const { a, iv, tabs } = await both();
    const ack = await s.cancel(a, iv.roomId, a.tabs[1]);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assertInterview(ack.interview, { status: 'cancelled', reason: 'cancelled' });
    for (const ev of await s.onEveryTab(tabs, 'invitation-cancelled', iv.roomId)) {
      assertInterview(ev.interview, { status: 'cancelled', reason: 'cancelled' });
    }
    await noOtherOutcome(tabs, iv.roomId, 'invitation-cancelled');
  });

  for (const [action, status, reason, event, actor] of [
    ['accept', 'accepted', null, 'invitation-accepted', 'b'],
    ['reject', 'rejected', 'declined', 'invitation-rejected', 'b'],
    ['cancel', 'cancelled', 'cancelled', 'invitation-cancelled', 'a'],
  ]) {
    test(`POST /api/interviews/${action}/:roomId answers 200 {interview} ${status} and sends ${event} to every tab of both`, T, async () => {
      const ctx = await both();
      const res = await s.c.act(ctx[actor], action, ctx.iv.roomId);
      assertStatus(res, 200);
      assert.deepEqual(Object.keys(res.body), ['interview']);
      assertInterview(res.body.interview, { status, reason });
      await s.onEveryTab(ctx.tabs, event, ctx.iv.roomId);
      assert.equal((await s.c.detail(ctx.a, ctx.iv.roomId)).body.interview.status, status);
    });
  }

  test('only the invitee accepts or rejects: the inviter gets forbidden, by socket and by REST', T, async () => {
    const { a, b, iv, tabs } = await both();
    assertAckError(await s.respond(a, iv.roomId, true), 'forbidden');
    assertAckError(await s.respond(a, iv.roomId, false), 'forbidden');
    assertError(await s.c.act(a, 'accept', iv.roomId), 'forbidden');
    assertError(await s.c.act(a, 'reject', iv.roomId), 'forbidden');
    assert.equal((await s.c.detail(b, iv.roomId)).body.interview.status, 'pending', 'nothing changed');
    for (const ev of EVENTS) for (const tab of tabs) await expectNoEvent(tab, ev, 0);
  });

  test('only the inviter cancels: the invitee gets forbidden, by socket and by REST', T, async () => {
    const { b, iv } = await both();
    assertAckError(await s.cancel(b, iv.roomId), 'forbidden');
    assertError(await s.c.act(b, 'cancel', iv.roomId), 'forbidden');
    assert.equal((await s.c.detail(b, iv.roomId)).body.interview.status, 'pending');
  });

  test('anyone else gets not_found for every action, and unknown rooms are not_found', T, async () => {
    const { b, iv } = await both();
    const x = await s.person('Stranger');
    assertAckError(await s.respond(x, iv.roomId, true), 'not_found');
    assertAckError(await s.cancel(x, iv.roomId), 'not_found');
    for (const action of ['accept', 'reject', 'cancel', 'complete']) {
      assertError(await s.c.act(x, action, iv.roomId), 'not_found');
      assertError(await s.c.act(b, action, 'no-such-room'), 'not_found');
    }
    assertAckError(await s.respond(b, 'no-such-room', true), 'not_found');
    assert.equal((await s.c.detail(b, iv.roomId)).body.interview.status, 'pending');
  });

  test('acting on an invitation that is no longer pending is conflict', T, async () => {
    let ctx = await both();
    assert.equal((await s.respond(ctx.b, ctx.iv.roomId, true)).ok, true);
    assertAckError(await s.respond(ctx.b, ctx.iv.roomId, true), 'conflict');
    assertAckError(await s.respond(ctx.b, ctx.iv.roomId, false), 'conflict');
    assertAckError(await s.cancel(ctx.a, ctx.iv.roomId), 'conflict');
    assertError(await s.c.act(ctx.b, 'reject', ctx.iv.roomId), 'conflict');
    assertError(await s.c.act(ctx.a, 'cancel', ctx.iv.roomId), 'conflict');
    assert.equal((await s.c.detail(ctx.a, ctx.iv.roomId)).body.interview.status, 'accepted');
    await s.c.act(ctx.a, 'complete', ctx.iv.roomId);

    ctx = await both();
    assert.equal((await s.cancel(ctx.a, ctx.iv.roomId)).ok, true);
    assertAckError(await s.respond(ctx.b, ctx.iv.roomId, true), 'conflict');
    assertError(await s.c.act(ctx.b, 'accept', ctx.iv.roomId), 'conflict');
    assertError(await s.c.act(ctx.a, 'complete', ctx.iv.roomId), 'conflict');

    ctx = await both();
    assert.equal((await s.respond(ctx.b, ctx.iv.roomId, false)).ok, true);
    assertAckError(await s.cancel(ctx.a, ctx.iv.roomId), 'conflict');
    assertError(await s.c.act(ctx.b, 'accept', ctx.iv.roomId), 'conflict');
    assert.equal((await s.c.detail(ctx.a, ctx.iv.roomId)).body.interview.status, 'rejected');
  });

  test('completing a pending invitation is conflict', T, async () => {
    const { a, b, iv } = await both();
    assertError(await s.c.act(a, 'complete', iv.roomId), 'conflict');
    assertError(await s.c.act(b, 'complete', iv.roomId), 'conflict');
  });

  test('malformed socket payloads are validation_failed naming the field', T, async () => {
    const { b, iv } = await both();
    assertAckError(await emitAck(b.tab, 'respond-to-invitation', { roomId: iv.roomId, accept: 'yes' }), 'validation_failed', { field: 'accept' });
    assertAckError(await emitAck(b.tab, 'respond-to-invitation', { accept: true }), 'validation_failed', { field: 'roomId' });
    assertAckError(await emitAck(b.tab, 'cancel-interview-invitation', {}), 'validation_failed', { field: 'roomId' });
    assert.equal((await s.c.detail(b, iv.roomId)).body.interview.status, 'pending');
  });
});

describe('expiry', () => {
  let srv, s;
  before(async () => { srv = await startServer({ args: ['--invitation-ttl', '1'] }); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('an unanswered invitation expires on time: invitation-expired on every tab of both, reason invite_timeout', T, async () => {
    const a = await s.person('Patient', { tabs: 2 });
    const b = await s.person('Absent', { tabs: 2 });
    const iv = await s.invited(a, b);
    assert.ok(Math.abs(ms(iv.expiresAt) - ms(iv.createdAt) - 1000) <= 50, 'lifetime is --invitation-ttl');
    const tabs = [...a.tabs, ...b.tabs];
    const events = await Promise.all(tabs.map((t) => nextEvent(t, 'invitation-expired', 4000, { ...s.aboutRoom(iv.roomId), withTime: true })));
    for (const ev of events) {
      const lateness = ev.at - ms(iv.expiresAt);
      assert.ok(lateness >= -100 && lateness <= 1000, `expired ${lateness} ms after expiresAt`);
      const done = assertInterview(ev.data.interview, { status: 'expired', reason: 'invite_timeout' });
      assert.ok(ms(done.respondedAt) >= ms(iv.expiresAt) - 100, 'respondedAt is when it left pending');
    }
    const detail = (await s.c.detail(a, iv.roomId)).body.interview;
    assertInterview(detail, { status: 'expired', reason: 'invite_timeout', expiresInMs: null, endedAt: null });
  });

  test('fractional lifetimes are honoured (--invitation-ttl 1.5)', T, async () => {
    const other = await startServer({ args: ['--invitation-ttl', '1.5'] });
    try {
      const s2 = scenario(other);
      const a = await s2.person('Fraction A', { tabs: 0 });
      const b = await s2.person('Fraction B', { tabs: 0 });
      const iv = (await s2.c.invite(a, b)).body.interview;
      assert.ok(Math.abs(ms(iv.expiresAt) - ms(iv.createdAt) - 1500) <= 50);
      await sleep(1000);
      assert.equal((await s2.c.detail(a, iv.roomId)).body.interview.status, 'pending', 'still pending at 1.0 s');
      await sleep(1300);
      assert.equal((await s2.c.detail(a, iv.roomId)).body.interview.status, 'expired', 'expired by 2.3 s');
    } finally {
      await other.cleanup();
    }
  });

  test('answering or cancelling an expired invitation is invitation_expired (410)', T, async () => {
    const a = await s.person('Late A');
    const b = await s.person('Late B');
    const iv = await s.invited(a, b);
    await nextEvent(b.tab, 'invitation-expired', 4000, s.aboutRoom(iv.roomId));
    assertAckError(await s.respond(b, iv.roomId, true), 'invitation_expired');
    assertAckError(await s.respond(b, iv.roomId, false), 'invitation_expired');
    assertAckError(await s.cancel(a, iv.roomId), 'invitation_expired');
    assertError(await s.c.act(b, 'accept', iv.roomId), 'invitation_expired');
    assertError(await s.c.act(b, 'reject', iv.roomId), 'invitation_expired');
    assertError(await s.c.act(a, 'cancel', iv.roomId), 'invitation_expired');
    assert.equal((await s.c.detail(a, iv.roomId)).body.interview.status, 'expired');
  });

  test('completing an expired interview is conflict', T, async () => {
    const a = await s.person('Complete expired A', { tabs: 0 });
    const b = await s.person('Complete expired B', { tabs: 0 });
    const iv = (await s.c.invite(a, b)).body.interview;
    await sleep(1600);
    assertError(await s.c.act(a, 'complete', iv.roomId), 'conflict');
  });

  test('an expired invitation is not delivered to an invitee who connects later', T, async () => {
    const a = await s.person('Early', { tabs: 0 });
    const b = await s.person('Later', { tabs: 0 });
    const iv = (await s.c.invite(a, b)).body.interview;
    await sleep(1600);
    const tab = await s.openTab(b);
    await expectNoEvent(tab, 'interview-invitation-received', 700, s.aboutRoom(iv.roomId));
  });

  test('after expiry the inviter may invite again', T, async () => {
    const a = await s.person('Again A', { tabs: 0 });
    const b = await s.person('Again B', { tabs: 0 });
    assertStatus(await s.c.invite(a, b), 201);
    await sleep(1600);
    assertStatus(await s.c.invite(a, b), 201);
  });
});
