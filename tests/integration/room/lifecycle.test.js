// From accepted to the end: rejoin within grace, abandoned (left / no_show), end-interview and REST
// complete, and grace deadlines across a restart.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { connect, emitAck, emitOk, nextEvent, expectNoEvent, close, drain } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError, assertError, assertInterview, assertStatus, ms } from '../lib/shapes.js';

const T = { timeout: 40_000 };
const GRACE_MS = 1000;

describe('room lifecycle (--rejoin-grace 1)', () => {
  let srv, s;
  before(async () => { srv = await startServer({ args: ['--rejoin-grace', '1'] }); s = scenario(srv); });
  after(() => srv?.cleanup());

  async function inProgress(tabs = 1) {
    const a = await s.person('Lifecycle inviter', { tabs });
    const b = await s.person('Lifecycle invitee', { tabs });
    const iv = await s.accepted(a, b);
    await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
    await nextEvent(a.tab, 'interview-started', 2000);
    for (const t of [...a.tabs, ...b.tabs]) drain(t);
    return { a, b, roomId: iv.roomId };
  }

  test('a participant whose sockets are all gone may come back within the grace period', T, async () => {
    const { a, b, roomId } = await inProgress();
    close(srv, a.tab);
    assert.deepEqual(await nextEvent(b.tab, 'peer-left', 2000), { roomId, userId: a.user.id });
    await sleep(200);
    const back = await connect(srv, { token: a.token });
    const ack = await emitAck(back, 'join-room', { roomId });
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assertInterview(ack.interview, { status: 'in_progress' });
    assert.deepEqual(ack.peers, [b.user.id]);
    assert.deepEqual(await nextEvent(b.tab, 'peer-joined', 2000), { roomId, userId: a.user.id });
    await expectNoEvent(b.tab, 'interview-ended', GRACE_MS + 800);
    assert.equal((await s.c.detail(a, roomId)).body.interview.status, 'in_progress');
  });

  test('past the grace period the interview is abandoned with reason left; interview-ended reaches every tab of the other', T, async () => {
    const { a, b, roomId } = await inProgress(2);
    for (const t of [...a.tabs]) close(srv, t);
    const gone = Date.now();
    const events = await Promise.all(b.tabs.map((t) => nextEvent(t, 'interview-ended', GRACE_MS + 3000, { withTime: true })));
    for (const ev of events) {
      const iv = assertInterview(ev.data.interview, { roomId, status: 'abandoned', reason: 'left' });
      assert.ok(ms(iv.endedAt) >= gone + GRACE_MS - 150, 'not before the grace period');
      assert.ok(ev.at - gone <= GRACE_MS + 1500, `ended ${ev.at - gone} ms after leaving`);
    }
    assertInterview((await s.c.detail(b, roomId)).body.interview, { status: 'abandoned', reason: 'left' });
  });

  test('leave-room also starts the grace period; interview-ended reaches every tab of both, in the room or not', T, async () => {
    const { a, b, roomId } = await inProgress(2);
    await emitOk(a.tab, 'leave-room', { roomId });
    const events = await Promise.all([...a.tabs, ...b.tabs].map((t) => nextEvent(t, 'interview-ended', GRACE_MS + 3000)));
    for (const ev of events) assertInterview(ev.interview, { roomId, status: 'abandoned', reason: 'left' });
  });

  test('accepted but nobody joins within the grace period: abandoned with reason no_show', T, async () => {
    const a = await s.person('No show A');
    const b = await s.person('No show B');
    const iv = await s.accepted(a, b);
    for (const t of [a.tab, b.tab]) {
      const ev = await nextEvent(t, 'interview-ended', GRACE_MS + 3000, { where: (d) => d.interview.roomId === iv.roomId });
      assertInterview(ev.interview, { status: 'abandoned', reason: 'no_show', startedAt: null });
    }
  });

  test('only one participant joins within the grace period: abandoned with reason no_show', T, async () => {
    const a = await s.person('Lonely joiner A');
    const b = await s.person('Never joins B');
    const iv = await s.accepted(a, b);
    await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    const ev = await nextEvent(a.tab, 'interview-ended', GRACE_MS + 3000);
    assertInterview(ev.interview, { status: 'abandoned', reason: 'no_show' });
    assert.ok(ms(ev.interview.endedAt) - ms(iv.respondedAt) >= GRACE_MS - 150, 'grace counts from acceptance');
  });

  test('end-interview completes: ack {ok, interview}; interview-ended on every tab of both', T, async () => {
    const { a, b, roomId } = await inProgress(2);
    const ack = await emitAck(b.tab, 'end-interview', { roomId });
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.deepEqual(Object.keys(ack).sort(), ['interview', 'ok']);
    assertInterview(ack.interview, { roomId, status: 'completed', reason: 'completed' });
    for (const ev of await s.onEveryTab([...a.tabs, ...b.tabs], 'interview-ended', roomId)) {
      assertInterview(ev.interview, { status: 'completed', reason: 'completed' });
    }
    await sleep(GRACE_MS + 300);
    assert.equal((await s.c.detail(a, roomId)).body.interview.status, 'completed', 'leaving afterwards changes nothing');
  });

  test('end-interview is allowed from accepted, before anyone joined', T, async () => {
    const a = await s.person('Quick A');
    const b = await s.person('Quick B');
    const iv = await s.accepted(a, b);
    const ack = await emitAck(a.tab, 'end-interview', { roomId: iv.roomId });
    assertInterview(ack.interview, { status: 'completed', reason: 'completed', startedAt: null });
    await nextEvent(b.tab, 'interview-ended', 2000);
  });

  test('POST /api/interviews/complete/:roomId answers 200 {interview} completed and sends interview-ended', T, async () => {
    const { a, b, roomId } = await inProgress();
    const res = await s.c.act(a, 'complete', roomId);
    assertStatus(res, 200);
    assertInterview(res.body.interview, { status: 'completed', reason: 'completed' });
    await s.onEveryTab([a.tab, b.tab], 'interview-ended', roomId);
  });

  test('ending a final interview is conflict; a stranger gets not_found', T, async () => {
    const { a, b, roomId } = await inProgress();
    const x = await s.person('Not invited');
    assertAckError(await emitAck(x.tab, 'end-interview', { roomId }), 'not_found');
    assertError(await s.c.act(x, 'complete', roomId), 'not_found');
    await emitOk(a.tab, 'end-interview', { roomId });
    assertAckError(await emitAck(b.tab, 'end-interview', { roomId }), 'conflict');
    assertError(await s.c.act(b, 'complete', roomId), 'conflict');
    assertAckError(await emitAck(a.tab, 'join-room', { roomId }), 'conflict');
  });

  test('after completion both participants are free again', T, async () => {
    const { a, b, roomId } = await inProgress();
    await emitOk(a.tab, 'end-interview', { roomId });
    assertStatus(await s.c.invite(b, a), 201);
  });
});

describe('grace deadlines across a restart (--rejoin-grace 2)', () => {
  test('after a restart, in_progress participants count as having left at start-up: abandoned unless they come back', T, async () => {
    const srv = await startServer({ args: ['--rejoin-grace', '2'] });
    try {
      const s = scenario(srv);
      const pairs = [];
      for (let i = 0; i < 2; i++) {
        const a = await s.person(`Restart A${i}`);
        const b = await s.person(`Restart B${i}`);
        const iv = await s.accepted(a, b);
        await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
        await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
        await nextEvent(a.tab, 'interview-started', 2000);
        pairs.push({ a, b, roomId: iv.roomId });
      }
      const c = await s.person('Accepted C', { tabs: 0 });
      const d = await s.person('Accepted D', { tabs: 0 });
      const waiting = await s.accepted(c, d);

      await srv.restart();
      const started = Date.now();
      // the first pair comes back at once
      const [p0, p1] = pairs;
      const ta = await connect(srv, { token: p0.a.token });
      const tb = await connect(srv, { token: p0.b.token });
      const ja = await emitAck(ta, 'join-room', { roomId: p0.roomId });
      const jb = await emitAck(tb, 'join-room', { roomId: p0.roomId });
      assert.equal(ja.ok, true, JSON.stringify(ja));
      assert.equal(jb.ok, true, JSON.stringify(jb));
      await sleep(Math.max(0, started + 2000 + 1500 - Date.now()));
      assert.equal((await s.c.detail(p0.a, p0.roomId)).body.interview.status, 'in_progress', 'came back in time');
      assertInterview((await s.c.detail(p1.a, p1.roomId)).body.interview, { status: 'abandoned', reason: 'left' });
      const abandoned = (await s.c.detail(p1.a, p1.roomId)).body.interview;
      assert.ok(ms(abandoned.endedAt) >= started - 500 + 2000 - 300, 'not before grace after start-up');
      // the accepted interview's no_show deadline was kept (it was accepted more than 2 s ago by now)
      assertInterview((await s.c.detail(c, waiting.roomId)).body.interview, { status: 'abandoned', reason: 'no_show' });
    } finally {
      await srv.cleanup();
    }
  });

  test('a no_show deadline is stored: after kill -9 it still fires on time', T, async () => {
    const srv = await startServer({ args: ['--rejoin-grace', '3'] });
    try {
      const s = scenario(srv);
      const a = await s.person('Crash A', { tabs: 0 });
      const b = await s.person('Crash B', { tabs: 0 });
      const iv = await s.accepted(a, b);
      await srv.kill9();
      await srv.start();
      const tab = await connect(srv, { token: a.token });
      const ev = await nextEvent(tab, 'interview-ended', 6000, { withTime: true });
      assertInterview(ev.data.interview, { roomId: iv.roomId, status: 'abandoned', reason: 'no_show' });
      const lateness = ev.at - (ms(iv.respondedAt) + 3000);
      assert.ok(lateness >= -150 && lateness <= 1500, `no_show ${lateness} ms after the deadline`);
    } finally {
      await srv.cleanup();
    }
  });
});
