// POST /api/interviews/:roomId/feedback and the feedback shown in GET /api/interviews/:roomId.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { scenario } from '../lib/people.js';
import { assertError, assertStatus, assertFeedback, assertInterview, ms } from '../lib/shapes.js';

const T = { timeout: 30_000 };

describe('feedback', () => {
  let srv, s;
  before(async () => { srv = await startServer({ args: ['--rejoin-grace', '1', '--invitation-ttl', '1'] }); s = scenario(srv); });
  after(() => srv?.cleanup());

  const give = (who, roomId, body) => s.c.api('POST', `/api/interviews/${encodeURIComponent(roomId)}/feedback`, { token: who.token, body });
  async function completed() {
    const a = await s.person('Feedback A', { tabs: 0 });
    const b = await s.person('Feedback B', { tabs: 0 });
    const iv = await s.accepted(a, b);
    assertStatus(await s.c.act(a, 'complete', iv.roomId), 200);
    return { a, b, roomId: iv.roomId };
  }

  test('feedback on a completed interview answers 201 {feedback} of the documented shape', T, async () => {
    const { a, roomId } = await completed();
    const before = Date.now();
    const res = await give(a, roomId, { rating: 4, rubric: { problemSolving: 5, communication: 3, codeQuality: null }, comments: 'Clear thinking, rushed the tests.' });
    assertStatus(res, 201);
    assert.deepEqual(Object.keys(res.body), ['feedback']);
    const f = res.body.feedback;
    assertFeedback(f);
    assert.equal(f.roomId, roomId);
    assert.deepEqual(f.from, { id: a.user.id, name: 'Feedback A' });
    assert.equal(f.rating, 4);
    assert.deepEqual(f.rubric, { problemSolving: 5, communication: 3, codeQuality: null });
    assert.equal(f.comments, 'Clear thinking, rushed the tests.');
    assert.ok(Math.abs(ms(f.createdAt) - before) < 5000);
  });

  test('rubric and comments are optional: rubric scores and comments default to null', T, async () => {
    const { b, roomId } = await completed();
    const res = await give(b, roomId, { rating: 2 });
    assertStatus(res, 201);
    assert.deepEqual(res.body.feedback.rubric, { problemSolving: null, communication: null, codeQuality: null });
    assert.equal(res.body.feedback.comments, null);
  });

  test('once per participant: a second feedback is conflict', T, async () => {
    const { a, b, roomId } = await completed();
    assertStatus(await give(a, roomId, { rating: 5 }), 201);
    assertError(await give(a, roomId, { rating: 1 }), 'conflict');
    assertStatus(await give(b, roomId, { rating: 3 }), 201, 'the other participant still may');
  });

  test('both participants read both feedbacks in GET /api/interviews/:roomId', T, async () => {
    const { a, b, roomId } = await completed();
    const fa = (await give(a, roomId, { rating: 5, comments: 'from a' })).body.feedback;
    const fb = (await give(b, roomId, { rating: 3, rubric: { communication: 4 } })).body.feedback;
    assert.deepEqual(fb.rubric, { problemSolving: null, communication: 4, codeQuality: null }, 'absent rubric scores are null');
    for (const who of [a, b]) {
      const res = await s.c.detail(who, roomId);
      assertStatus(res, 200);
      assert.deepEqual(Object.keys(res.body).sort(), ['feedback', 'interview', 'workspaces'], 'v2 adds workspaces');
      assertInterview(res.body.interview, { status: 'completed' });
      assert.equal(res.body.feedback.length, 2);
      res.body.feedback.forEach(assertFeedback);
      const byId = Object.fromEntries(res.body.feedback.map((f) => [f.id, f]));
      assert.deepEqual(byId[fa.id], fa);
      assert.deepEqual(byId[fb.id], fb);
    }
  });

  test('a completed interview without feedback shows feedback: []', T, async () => {
    const { a, roomId } = await completed();
    const res = await s.c.detail(a, roomId);
    assert.deepEqual(res.body.feedback, []);
  });

  test('feedback before the interview is over is conflict (accepted, pending)', T, async () => {
    const a = await s.person('Too soon A', { tabs: 0 });
    const b = await s.person('Too soon B', { tabs: 0 });
    const pending = (await s.c.invite(a, b)).body.interview;
    assertError(await give(b, pending.roomId, { rating: 3 }), 'conflict');
    assertStatus(await s.c.act(b, 'accept', pending.roomId), 200);
    assertError(await give(a, pending.roomId, { rating: 3 }), 'conflict');
  });

  test('feedback on a cancelled, rejected or expired invitation is conflict', T, async () => {
    const a = await s.person('Never met A', { tabs: 0 });
    const b = await s.person('Never met B', { tabs: 0 });
    let iv = (await s.c.invite(a, b)).body.interview;
    await s.c.act(a, 'cancel', iv.roomId);
    assertError(await give(a, iv.roomId, { rating: 3 }), 'conflict');
    iv = (await s.c.invite(a, b)).body.interview;
    await s.c.act(b, 'reject', iv.roomId);
    assertError(await give(b, iv.roomId, { rating: 3 }), 'conflict');
    iv = (await s.c.invite(a, b)).body.interview;
    await sleep(1500);
    assertError(await give(a, iv.roomId, { rating: 3 }), 'conflict');
  });

  test('feedback on an abandoned interview is allowed', T, async () => {
    const a = await s.person('Abandoned A', { tabs: 0 });
    const b = await s.person('Abandoned B', { tabs: 0 });
    const iv = await s.accepted(a, b);
    await sleep(2000);
    assertInterview((await s.c.detail(a, iv.roomId)).body.interview, { status: 'abandoned', reason: 'no_show' });
    assertStatus(await give(a, iv.roomId, { rating: 1, comments: 'never showed up' }), 201);
  });

  test('a stranger gets not_found, and so does an unknown room', T, async () => {
    const { a, roomId } = await completed();
    const x = await s.person('Critic', { tabs: 0 });
    assertError(await give(x, roomId, { rating: 5 }), 'not_found');
    assertError(await give(a, 'no-such-room', { rating: 5 }), 'not_found');
  });

  test('rating must be an integer 1..5 (validation_failed naming rating)', T, async () => {
    const { a, roomId } = await completed();
    for (const rating of [0, 6, 2.5, '5', null, undefined]) {
      assertError(await give(a, roomId, { rating }), 'validation_failed', { field: 'rating' });
    }
    for (const rating of [1, 5]) {
      const { b, roomId: r2 } = await completed();
      assertStatus(await give(b, r2, { rating }), 201);
    }
    assertStatus(await give(a, roomId, { rating: 3 }), 201, 'the failed attempts did not count as the one feedback');
  });

  test('rubric scores must be integers 1..5 or null (validation_failed naming the score)', T, async () => {
    const { a, roomId } = await completed();
    for (const [key, value] of [['problemSolving', 0], ['communication', 6], ['codeQuality', 'great'], ['problemSolving', 4.5]]) {
      assertError(await give(a, roomId, { rating: 3, rubric: { [key]: value } }), 'validation_failed', { field: key });
    }
    assertError(await give(a, roomId, { rating: 3, rubric: 'good' }), 'validation_failed', { field: 'rubric' });
    assertError(await give(a, roomId, { rating: 3, comments: 7 }), 'validation_failed', { field: 'comments' });
  });

  test('malformed JSON is malformed_json', T, async () => {
    const { a, roomId } = await completed();
    assertError(await s.c.api('POST', `/api/interviews/${roomId}/feedback`, { token: a.token, rawBody: '{"rating": 5' }), 'malformed_json');
  });
});
