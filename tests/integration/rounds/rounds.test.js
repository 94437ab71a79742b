// Rounds and roles (API.md v2): round 1 at in_progress, start-round with the roles swapped and
// round-started on every tab of both, its refusals, the hints following the interviewer, the
// questions' tests, elapsedMs on the server's clock, and rounds across a restart.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { connect, emitAck, emitOk, nextEvent, expectNoEvent } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError, assertError, assertInterview, ms } from '../lib/shapes.js';
import { assertQuestionWithTests, assertRound, inProgress } from './helpers.js';

const T = { timeout: 30_000 };

describe('rounds and roles (--round-minutes 45)', () => {
  let srv, s, bank, coding, behavioral;
  before(async () => {
    srv = await startServer({ args: ['--round-minutes', '45'] });
    s = scenario(srv);
    const someone = await s.c.readyUser('Question reader');
    bank = await s.c.questions(someone.token);
    coding = bank.filter((q) => q.category === 'algorithms').map((q) => q.id);
    behavioral = bank.filter((q) => q.category === 'behavioral').map((q) => q.id);
  });
  after(() => srv?.cleanup());

  test('every question carries its tests: examples for coding questions, [] for the others', T, async () => {
    bank.forEach(assertQuestionWithTests);
    assert.ok(coding.length >= 10 && behavioral.length >= 1);
    const who = await s.c.readyUser('Test reader');
    const filtered = await s.c.api('GET', '/api/questions?category=behavioral', { token: who.token });
    assert.equal(filtered.status, 200, filtered.text);
    for (const q of filtered.body.questions) assert.deepEqual(q.tests, []);
    const twoSum = bank.find((q) => q.id === 'two-sum');
    assert.deepEqual(twoSum.tests[0], { name: 'example', input: '4 10\n3 8 11 2\n', expectedOutput: '1 3\n' });
  });

  test('round 1 starts with in_progress: the inviter interviews the invitee on the invitation\'s questions', T, async () => {
    const qids = [coding[2], behavioral[0]];
    const a = await s.person('Round one inviter');
    const b = await s.person('Round one invitee');
    const inv = await s.c.invite(a, b, qids);
    assert.equal(inv.status, 201, inv.text);
    const roomId = inv.body.interview.roomId;
    assertInterview(inv.body.interview, { status: 'pending', origin: 'invitation', rounds: [] });
    const acc = await s.c.act(b, 'accept', roomId);
    assertInterview(acc.body.interview, { status: 'accepted', rounds: [] });
    const joined = await emitOk(a.tab, 'join-room', { roomId });
    assert.deepEqual(joined.interview.rounds, [], 'one participant in: no round yet');
    await emitOk(b.tab, 'join-room', { roomId });
    const started = await nextEvent(a.tab, 'interview-started', 3000, s.aboutRoom(roomId));
    const iv = assertInterview(started.interview, { status: 'in_progress', origin: 'invitation' });
    assert.equal(iv.rounds.length, 1);
    const one = assertRound(iv.rounds[0], { number: 1, interviewer: a, candidate: b, questionIds: qids, running: true, plannedMinutes: 45 });
    assert.equal(one.startedAt, iv.startedAt, 'round 1 starts when the interview does');
    iv.questions.forEach(assertQuestionWithTests);
    assert.ok(one.questions[0].tests.length >= 3, 'the coding question brings its examples into the room');
    const detail = await s.c.detail(b, roomId);
    assert.equal(detail.status, 200, detail.text);
    assertRound(detail.body.interview.rounds[0], { number: 1, interviewer: a, candidate: b, questionIds: qids, running: true });
  });

  test('start-round by round 1\'s candidate swaps the roles; round-started reaches every tab of both', T, async () => {
    const { a, b, roomId } = await inProgress(s, ['Switch inviter', 'Switch invitee'], { tabs: 2 });
    const next = [coding[5], coding[6]];
    const ack = await emitAck(b.tab, 'start-round', { roomId, questionIds: next });
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(Object.keys(ack).sort(), ['interview', 'ok']);
    const iv = assertInterview(ack.interview, { status: 'in_progress' });
    assert.equal(iv.rounds.length, 2);
    const one = assertRound(iv.rounds[0], { number: 1, interviewer: a, candidate: b, running: false });
    const two = assertRound(iv.rounds[1], { number: 2, interviewer: b, candidate: a, questionIds: next, running: true, plannedMinutes: 45 });
    assert.equal(one.endedAt, two.startedAt, 'round 1 ends as round 2 starts');
    assert.ok(two.elapsedMs < 2000, `a fresh round: ${two.elapsedMs} ms`);
    for (const tab of [...a.tabs, ...b.tabs]) {
      const ev = await nextEvent(tab, 'round-started', 3000, s.aboutRoom(roomId));
      assert.deepEqual(Object.keys(ev), ['interview']);
      assert.equal(ev.interview.rounds.length, 2);
      assertRound(ev.interview.rounds[1], { number: 2, interviewer: b, candidate: a, questionIds: next, running: true });
      assert.equal(ev.interview.rounds[1].startedAt, two.startedAt);
    }
  });

  test('refusals: the interviewer forbidden, strangers and unknown rooms not_found, bad questionIds validation_failed', T, async () => {
    const { a, b, roomId } = await inProgress(s, ['Refusing inviter', 'Refusing invitee']);
    const eve = await s.person('Refusal stranger');
    const ok = [coding[1]];
    assertAckError(await emitAck(a.tab, 'start-round', { roomId, questionIds: ok }), 'forbidden');
    assertAckError(await emitAck(eve.tab, 'start-round', { roomId, questionIds: ok }), 'not_found');
    assertAckError(await emitAck(b.tab, 'start-round', { roomId: 'r_no_such_room', questionIds: ok }), 'not_found');
    for (const bad of [undefined, null, [], 'two-sum', [1], [coding[0], coding[0]], coding.slice(0, 6), ['no-such-question']]) {
      const ack = await emitAck(b.tab, 'start-round', { roomId, questionIds: bad });
      assertAckError(ack, 'validation_failed', { field: 'questionIds' });
    }
    assertAckError(await emitAck(b.tab, 'start-round', { questionIds: ok }), 'validation_failed', { field: 'roomId' });
    assertAckError(await emitAck(b.tab, 'start-round', null), 'validation_failed');
    await expectNoEvent(a.tab, 'round-started', 300);
    const after = (await s.c.detail(a, roomId)).body.interview;
    assert.equal(after.rounds.length, 1, 'nothing changed');
    assertRound(after.rounds[0], { number: 1, running: true });
  });

  test('a socket of the candidate that has not joined the room is forbidden; the joined one may switch', T, async () => {
    const { a, b, roomId } = await inProgress(s, ['Tab inviter', 'Tab invitee']);
    const other = await connect(srv, { token: b.token });
    assertAckError(await emitAck(other, 'start-round', { roomId, questionIds: [coding[3]] }), 'forbidden');
    assert.equal((await s.c.detail(b, roomId)).body.interview.rounds.length, 1);
    await emitOk(b.tab, 'start-round', { roomId, questionIds: [coding[3]] });
    assert.equal((await nextEvent(other, 'round-started', 3000, s.aboutRoom(roomId))).interview.rounds.length, 2,
      'a tab outside the room still hears of the switch');
    await nextEvent(a.tab, 'round-started', 3000, s.aboutRoom(roomId));
  });

  test('no third round, for either; before in_progress and after the end: conflict', T, async () => {
    const { a, b, roomId } = await inProgress(s, ['Third inviter', 'Third invitee']);
    await emitOk(b.tab, 'start-round', { roomId, questionIds: [coding[4]] });
    for (const who of [a, b]) assertAckError(await emitAck(who.tab, 'start-round', { roomId, questionIds: [coding[7]] }), 'conflict');
    await emitOk(a.tab, 'end-interview', { roomId });
    const ended = (await s.c.detail(a, roomId)).body.interview;
    assertInterview(ended, { status: 'completed' });
    assert.equal(ended.rounds.length, 2);
    assertRound(ended.rounds[0], { running: false });
    const last = assertRound(ended.rounds[1], { number: 2, running: false });
    assert.equal(last.endedAt, ended.endedAt, 'the running round ends with the interview');
    assertAckError(await emitAck(b.tab, 'start-round', { roomId, questionIds: [coding[7]] }), 'conflict');

    const c = await s.person('Early inviter');
    const d = await s.person('Early invitee');
    const early = await s.accepted(c, d);
    await emitOk(d.tab, 'join-room', { roomId: early.roomId });
    assertAckError(await emitAck(d.tab, 'start-round', { roomId: early.roomId, questionIds: [coding[7]] }), 'conflict');
    assert.deepEqual((await s.c.detail(d, early.roomId)).body.interview.rounds, []);
  });

  test('two start-round at once create exactly one round 2', T, async () => {
    const { b, roomId } = await inProgress(s, ['Race inviter', 'Race invitee']);
    const acks = await Promise.all([
      emitAck(b.tab, 'start-round', { roomId, questionIds: [coding[8]] }),
      emitAck(b.tab, 'start-round', { roomId, questionIds: [coding[9]] }),
    ]);
    const won = acks.filter((x) => x.ok);
    assert.equal(won.length, 1, JSON.stringify(acks));
    assertAckError(acks.find((x) => !x.ok), 'conflict');
    const iv = (await s.c.detail(b, roomId)).body.interview;
    assert.equal(iv.rounds.length, 2);
    assert.deepEqual(iv.rounds[1].questions.map((q) => q.id), won[0].interview.rounds[1].questions.map((q) => q.id));
  });

  test('the hints follow the interviewer of the current round and that round\'s questions', T, async () => {
    const first = [coding[0], coding[1]];
    const { a, b, roomId } = await inProgress(s, ['Hint inviter', 'Hint invitee'], { questionIds: first });
    const eve = await s.c.readyUser('Hint stranger');
    const hints = (who) => s.c.api('GET', `/api/interviews/${encodeURIComponent(roomId)}/hints`, { token: who.token });
    const one = await hints(a);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(Object.keys(one.body.hints).sort(), [...first].sort());
    for (const list of Object.values(one.body.hints)) assert.ok(list.length > 0 && list.every((h) => typeof h === 'string'));
    assertError(await hints(b), 'forbidden');
    assertError(await hints(eve), 'not_found');

    const second = [coding[10]];
    await emitOk(b.tab, 'start-round', { roomId, questionIds: second });
    const two = await hints(b);
    assert.equal(two.status, 200, two.text);
    assert.deepEqual(Object.keys(two.body.hints), second, 'round 2\'s questions only');
    assertError(await hints(a), 'forbidden');
    assertError(await hints(eve), 'not_found');
  });

  test('elapsedMs is the server\'s count and grows while the round runs', T, async () => {
    const { a, roomId } = await inProgress(s, ['Clock inviter', 'Clock invitee']);
    const first = (await s.c.detail(a, roomId)).body.interview.rounds[0];
    await sleep(400);
    const later = (await s.c.detail(a, roomId)).body.interview.rounds[0];
    assert.equal(later.startedAt, first.startedAt);
    assert.ok(later.elapsedMs >= first.elapsedMs + 350, `${first.elapsedMs} -> ${later.elapsedMs}`);
    assert.ok(Math.abs(later.elapsedMs - (Date.now() - ms(later.startedAt))) < 1500, 'counted from startedAt');
  });
});

describe('rounds across a restart', () => {
  let srv, s;
  before(async () => { srv = await startServer({ args: ['--rejoin-grace', '60'] }); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('a restart keeps both rounds, their questions and times; the running one keeps counting', T, async () => {
    const { a, b, roomId } = await inProgress(s, ['Restart inviter', 'Restart invitee']);
    const qs = await s.c.questions(a.token);
    const next = [qs.find((q) => q.category === 'algorithms' && q.id !== 'two-sum').id];
    await emitOk(b.tab, 'start-round', { roomId, questionIds: next });
    const before = (await s.c.detail(a, roomId)).body.interview;
    await srv.restart();
    const after = (await s.c.detail(a, roomId)).body.interview;
    assertInterview(after, { status: 'in_progress' });
    assert.equal(after.rounds.length, 2);
    for (const i of [0, 1]) {
      for (const k of ['number', 'interviewer', 'candidate', 'questions', 'startedAt', 'endedAt', 'plannedMinutes'])
        assert.deepEqual(after.rounds[i][k], before.rounds[i][k], `round ${i + 1}.${k}`);
    }
    assertRound(after.rounds[1], { number: 2, interviewer: b, candidate: a, questionIds: next, running: true, plannedMinutes: 30 });
    assert.ok(after.rounds[1].elapsedMs >= before.rounds[1].elapsedMs, 'the count goes on');
  });
});
