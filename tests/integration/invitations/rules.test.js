// Who may invite whom: one pending per inviter, busy users, self-invitations, unknown users, question
// validation, mutual invitations meeting, acceptance ending other invitations, offline delivery, rate limit.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { nextEvent, expectNoEvent, connect, emitAck } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError, assertError, assertStatus, assertInterview } from '../lib/shapes.js';

const T = { timeout: 60_000 };

describe('invitation rules', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('an inviter has at most one pending invitation (conflict), and may invite again once it is settled', T, async () => {
    const a = await s.person('One at a time');
    const b = await s.person('First choice', { tabs: 0 });
    const c = await s.person('Second choice', { tabs: 0 });
    const iv = await s.invited(a, b);
    assertAckError(await s.sendInvitation(a, c), 'conflict');
    assertError(await s.c.invite(a, c), 'conflict');
    assertError(await s.c.invite(a, b), 'conflict', {}, 'not even to the same invitee');
    assert.equal((await s.c.api('GET', '/api/interviews?status=pending&role=inviter', { token: a.token })).body.interviews.length, 1, 'nothing was created');
    assert.equal((await s.cancel(a, iv.roomId)).ok, true);
    assert.equal((await s.sendInvitation(a, c)).ok, true);
  });

  test('an inviter in an accepted interview may not invite (conflict)', T, async () => {
    const a = await s.person('Engaged A', { tabs: 0 });
    const b = await s.person('Engaged B', { tabs: 0 });
    const c = await s.person('Third', { tabs: 0 });
    const iv = await s.accepted(a, b);
    assertError(await s.c.invite(a, c), 'conflict');
    assertError(await s.c.invite(b, c), 'conflict', {}, 'the invitee of the accepted interview neither');
    assertStatus(await s.c.act(a, 'complete', iv.roomId), 200);
    assertStatus(await s.c.invite(a, c), 201);
  });

  test('inviting oneself is validation_failed naming inviteeId', T, async () => {
    const a = await s.person('Narcissus');
    assertAckError(await s.sendInvitation(a, a), 'validation_failed', { field: 'inviteeId' });
    assertError(await s.c.invite(a, a), 'validation_failed', { field: 'inviteeId' });
  });

  test('an unknown invitee is not_found', T, async () => {
    const a = await s.person('Lonely');
    assertAckError(await s.sendInvitation(a, 'no-such-user'), 'not_found');
    const qids = await s.c.questionIds(a.token, 1);
    assertError(await s.c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: 'no-such-user', questionIds: qids } }), 'not_found');
  });

  test('a missing or non-string inviteeId is validation_failed', T, async () => {
    const a = await s.person('Sloppy');
    const qids = await s.c.questionIds(a.token, 1);
    assertAckError(await emitAck(a.tab, 'send-interview-invitation', { questionIds: qids }), 'validation_failed', { field: 'inviteeId' });
    assertError(await s.c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: 42, questionIds: qids } }), 'validation_failed', { field: 'inviteeId' });
  });

  test('inviting an unavailable user is invitee_busy', T, async () => {
    const a = await s.person('Hopeful');
    const b = await s.person('Do not disturb', { profile: { available: false } });
    assertAckError(await s.sendInvitation(a, b), 'invitee_busy');
    assertError(await s.c.invite(a, b), 'invitee_busy');
    await expectNoEvent(b.tab, 'interview-invitation-received', 300);
    const c = await s.person('Available', { tabs: 0 });
    assertStatus(await s.c.invite(a, c), 201); // the failed attempts left no pending invitation behind
  });

  test('inviting a user who is in an accepted interview is invitee_busy', T, async () => {
    const a = await s.person('Busy one', { tabs: 0 });
    const b = await s.person('Busy two', { tabs: 0 });
    const c = await s.person('Latecomer');
    const iv = await s.accepted(a, b);
    assertAckError(await s.sendInvitation(c, a), 'invitee_busy');
    assertError(await s.c.invite(c, b), 'invitee_busy');
    assertStatus(await s.c.act(b, 'complete', iv.roomId), 200);
    assertStatus(await s.c.invite(c, b), 201);
  });

  test('questionIds must be 1 to 5 distinct existing ids (validation_failed naming questionIds)', T, async () => {
    const a = await s.person('Picky');
    const b = await s.person('Target', { tabs: 0 });
    const ids = await s.c.questionIds(a.token, 6);
    const bad = [[], ids, [ids[0], ids[0]], [ids[0], 'no-such-question'], 'two-sum', [5], null];
    for (const questionIds of bad) {
      assertAckError(await emitAck(a.tab, 'send-interview-invitation', { inviteeId: b.user.id, questionIds }), 'validation_failed', { field: 'questionIds' });
      assertError(await s.c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: b.user.id, questionIds } }), 'validation_failed', { field: 'questionIds' });
    }
    assertAckError(await emitAck(a.tab, 'send-interview-invitation', { inviteeId: b.user.id }), 'validation_failed', { field: 'questionIds' });
    const five = await s.sendInvitation(a, b, ids.slice(0, 5));
    assert.equal(five.ok, true, JSON.stringify(five));
    assert.deepEqual(five.interview.questions.map((q) => q.id), ids.slice(0, 5));
  });

  test('mutual invitations meet (socket): the earlier invitation is accepted, both are told, the request answers it', T, async () => {
    const a = await s.person('Mutual A', { tabs: 2 });
    const b = await s.person('Mutual B', { tabs: 2 });
    const qs = await s.c.questionIds(a.token, 3);
    const first = await s.invited(b, a, [qs[0]]);
    const ack = await s.sendInvitation(a, b, [qs[1], qs[2]]);
    assert.equal(ack.ok, true, JSON.stringify(ack));
    const iv = assertInterview(ack.interview, { roomId: first.roomId, status: 'accepted', inviterId: b.user.id, inviteeId: a.user.id });
    assert.deepEqual(iv.questions.map((q) => q.id), [qs[0]], 'the new request\'s questionIds are not used');
    for (const ev of await s.onEveryTab([...a.tabs, ...b.tabs], 'invitation-accepted', first.roomId)) {
      assertInterview(ev.interview, { status: 'accepted' });
    }
    const mine = (await s.c.api('GET', '/api/interviews?role=inviter', { token: a.token })).body.interviews;
    assert.equal(mine.length, 0, 'no second interview was created');
  });

  test('mutual invitations meet (REST): 200 with the accepted interview', T, async () => {
    const a = await s.person('Mutual REST A', { tabs: 1 });
    const b = await s.person('Mutual REST B', { tabs: 1 });
    const first = (await s.c.invite(b, a)).body.interview;
    const res = await s.c.invite(a, b);
    assertStatus(res, 200);
    assertInterview(res.body.interview, { roomId: first.roomId, status: 'accepted', inviterId: b.user.id });
    await s.onEveryTab([a.tab, b.tab], 'invitation-accepted', first.roomId);
  });

  test('acceptance ends both participants\' other pending invitations with reason busy, and everyone concerned is told', T, async () => {
    const a = await s.person('A (inviter)');
    const b = await s.person('B (invitee)');
    const c = await s.person('C invites A');
    const d = await s.person('D invites B');
    const e = await s.person('E invited by B');
    const main = await s.invited(a, b);
    const toA = await s.invited(c, a);
    const toB = await s.invited(d, b);
    const fromB = await s.invited(b, e);
    const ack = await s.respond(b, main.roomId, true);
    assert.equal(ack.ok, true, JSON.stringify(ack));

    const rejectedA = await nextEvent(a.tab, 'invitation-rejected', 3000, s.aboutRoom(toA.roomId));
    assertInterview(rejectedA.interview, { status: 'rejected', reason: 'busy' });
    assertInterview((await nextEvent(c.tab, 'invitation-rejected', 3000, s.aboutRoom(toA.roomId))).interview, { status: 'rejected', reason: 'busy' });
    assertInterview((await nextEvent(d.tab, 'invitation-rejected', 3000, s.aboutRoom(toB.roomId))).interview, { status: 'rejected', reason: 'busy' });
    assertInterview((await nextEvent(b.tab, 'invitation-rejected', 3000, s.aboutRoom(toB.roomId))).interview, { status: 'rejected', reason: 'busy' });
    assertInterview((await nextEvent(e.tab, 'invitation-cancelled', 3000, s.aboutRoom(fromB.roomId))).interview, { status: 'cancelled', reason: 'busy' });
    assertInterview((await nextEvent(b.tab, 'invitation-cancelled', 3000, s.aboutRoom(fromB.roomId))).interview, { status: 'cancelled', reason: 'busy' });
    await nextEvent(a.tab, 'invitation-accepted', 3000, s.aboutRoom(main.roomId));

    assert.equal((await s.c.detail(c, toA.roomId)).body.interview.reason, 'busy');
    assert.equal((await s.c.detail(d, toB.roomId)).body.interview.status, 'rejected');
    assert.equal((await s.c.detail(e, fromB.roomId)).body.interview.status, 'cancelled');
    // nobody else's invitations are touched
    await expectNoEvent(c.tab, 'invitation-cancelled', 200);
    await expectNoEvent(d.tab, 'invitation-cancelled', 0);
  });

  test('an invitee who is offline receives the pending invitations on connecting, and only pending ones', T, async () => {
    const x = await s.person('Comes online later', { tabs: 0 });
    const p = await s.person('Pending one', { tabs: 0 });
    const q = await s.person('Pending two', { tabs: 0 });
    const r = await s.person('Cancelled', { tabs: 0 });
    const one = (await s.c.invite(p, x)).body;
    const two = (await s.c.invite(q, x)).body;
    assert.equal(one.inviteeOnline, false);
    const gone = (await s.c.invite(r, x)).body.interview;
    assertStatus(await s.c.act(r, 'cancel', gone.roomId), 200);
    const tab = await connect(srv, { token: x.token });
    const got = [
      await nextEvent(tab, 'interview-invitation-received', 3000),
      await nextEvent(tab, 'interview-invitation-received', 3000),
    ];
    assert.deepEqual(got.map((e) => e.interview.roomId).sort(), [one.interview.roomId, two.interview.roomId].sort());
    for (const e of got) {
      assertInterview(e.interview, { status: 'pending' });
      assert.ok([p.user.id, q.user.id].includes(e.from.id));
    }
    await expectNoEvent(tab, 'interview-invitation-received', 500);
    // every new tab gets them again
    const tab2 = await connect(srv, { token: x.token });
    await nextEvent(tab2, 'interview-invitation-received', 3000);
    await nextEvent(tab2, 'interview-invitation-received', 3000);
  });
});

describe('invitation rate limit (default 20 per 10 minutes)', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('the 21st invitation within 10 minutes is rate_limited: REST 429 with Retry-After, socket error with retryAfterSeconds', T, async () => {
    const a = await s.person('Eager');
    const b = await s.person('Target', { tabs: 0 });
    for (let i = 0; i < 20; i++) {
      const ack = await s.sendInvitation(a, b);
      assert.equal(ack.ok, true, `invitation ${i + 1}: ${JSON.stringify(ack)}`);
      assert.equal((await s.cancel(a, ack.interview.roomId)).ok, true);
    }
    const ack = await s.sendInvitation(a, b);
    assertAckError(ack, 'rate_limited');
    assert.ok(Number.isFinite(ack.error.retryAfterSeconds) && ack.error.retryAfterSeconds > 0 && ack.error.retryAfterSeconds <= 600,
      `retryAfterSeconds ${ack.error.retryAfterSeconds}`);
    const res = await s.c.invite(a, b);
    assertError(res, 'rate_limited');
    assert.ok(Number(res.headers['retry-after']) <= 600);
    // others are not affected
    const other = await s.person('Patient', { tabs: 0 });
    assertStatus(await s.c.invite(other, b), 201);
  });

  test('refused attempts do not count: only created invitations do', T, async () => {
    const a = await s.person('Refused often');
    const busy = await s.person('Unavailable', { tabs: 0, profile: { available: false } });
    const b = await s.person('Free', { tabs: 0 });
    for (let i = 0; i < 25; i++) assertAckError(await s.sendInvitation(a, busy), 'invitee_busy');
    const ack = await s.sendInvitation(a, b);
    assert.equal(ack.ok, true, JSON.stringify(ack));
  });

  test('--invitation-rate-limit 0 turns the limit off', T, async () => {
    const off = await startServer({ args: ['--invitation-rate-limit', '0'] });
    try {
      const s2 = scenario(off);
      const a = await s2.person('Load generator', { tabs: 0 });
      const b = await s2.person('Sink', { tabs: 0 });
      for (let i = 0; i < 25; i++) {
        const res = await s2.c.invite(a, b);
        assertStatus(res, 201);
        assertStatus(await s2.c.act(a, 'cancel', res.body.interview.roomId), 200);
      }
    } finally {
      await off.cleanup();
    }
  });
});
