// Shapes and steps of the rounds tests (API.md v2, "Rounds and roles").
import assert from 'node:assert/strict';
import { emitOk, nextEvent, drain } from '../lib/socket.js';
import { assertIso, assertIsoOrNull, assertKeys, assertQuestion } from '../lib/shapes.js';

// A question of v2: the v1 shape plus `tests` (examples for coding questions, [] otherwise).
export function assertQuestionWithTests(q) {
  assertQuestion(q);
  assert.ok(!Object.hasOwn(q, 'hints'), 'questions never carry hints');
  assert.ok(Array.isArray(q.tests), `question ${q.id}: tests should be an array`);
  for (const t of q.tests) {
    assert.deepEqual(Object.keys(t).sort(), ['expectedOutput', 'input', 'name'], `question ${q.id}: a test is {name, input, expectedOutput}`);
    for (const k of ['name', 'input', 'expectedOutput']) assert.equal(typeof t[k], 'string', `${q.id} test.${k}`);
  }
  if (q.category === 'algorithms') assert.ok(q.tests.length >= 3, `${q.id}: coding questions have examples`);
  else assert.deepEqual(q.tests, [], `${q.id}: ${q.category} questions have no tests`);
  return q;
}

// A round: exact keys, the people, the questions, times; `expect` pins fields.
export function assertRound(r, { number, interviewer, candidate, questionIds, running, plannedMinutes } = {}) {
  assert.deepEqual(Object.keys(r).sort(),
    ['candidate', 'elapsedMs', 'endedAt', 'interviewer', 'number', 'plannedMinutes', 'questions', 'startedAt'], 'round keys');
  for (const who of ['interviewer', 'candidate']) {
    assertKeys(r[who], ['id', 'name'], `round.${who}`);
    assert.equal(Object.keys(r[who]).length, 2, `round.${who} is {id, name}`);
  }
  r.questions.forEach(assertQuestionWithTests);
  assertIso(r.startedAt, 'round.startedAt');
  assertIsoOrNull(r.endedAt, 'round.endedAt');
  assert.ok(Number.isInteger(r.plannedMinutes) && r.plannedMinutes > 0, `plannedMinutes ${r.plannedMinutes}`);
  if (r.endedAt === null) assert.ok(Number.isInteger(r.elapsedMs) && r.elapsedMs >= 0, `running: elapsedMs ${r.elapsedMs}`);
  else assert.equal(r.elapsedMs, null, 'ended: elapsedMs null');
  if (number !== undefined) assert.equal(r.number, number, 'round.number');
  if (interviewer) assert.deepEqual(r.interviewer, { id: interviewer.user.id, name: interviewer.user.name }, 'round.interviewer');
  if (candidate) assert.deepEqual(r.candidate, { id: candidate.user.id, name: candidate.user.name }, 'round.candidate');
  if (questionIds) assert.deepEqual(r.questions.map((q) => q.id), questionIds, 'round.questions');
  if (running !== undefined) assert.equal(r.endedAt === null, running, running ? 'the round runs' : 'the round ended');
  if (plannedMinutes !== undefined) assert.equal(r.plannedMinutes, plannedMinutes, 'plannedMinutes');
  return r;
}

// An interview in progress between a (inviter, round 1's interviewer) and b, with `questionIds`
// (default: the first two); every tab drained. Returns { a, b, roomId, interview (from interview-started) }.
export async function inProgress(s, names, { tabs = 1, questionIds } = {}) {
  const a = await s.person(names[0], { tabs });
  const b = await s.person(names[1], { tabs });
  const inv = await s.c.invite(a, b, questionIds);
  assert.equal(inv.status, 201, inv.text);
  const res = await s.c.act(b, 'accept', inv.body.interview.roomId);
  assert.equal(res.status, 200, res.text);
  const roomId = inv.body.interview.roomId;
  await emitOk(a.tab, 'join-room', { roomId });
  await emitOk(b.tab, 'join-room', { roomId });
  const started = await nextEvent(a.tab, 'interview-started', 3000, s.aboutRoom(roomId));
  for (const t of [...a.tabs, ...b.tabs]) drain(t);
  return { a, b, roomId, interview: started.interview };
}
