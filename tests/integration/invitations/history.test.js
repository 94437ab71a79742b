// GET /api/interviews (history) and GET /api/stats/invitations.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { scenario } from '../lib/people.js';
import { assertError, assertStatus, assertInterview, ms } from '../lib/shapes.js';

const T = { timeout: 60_000 };

describe('interview history', () => {
  let srv, s, me, others, rooms, stranger;
  before(async () => {
    srv = await startServer();
    s = scenario(srv);
    me = await s.person('Historian', { tabs: 0 });
    stranger = await s.person('Stranger', { tabs: 0 });
    others = [];
    for (let i = 0; i < 4; i++) others.push(await s.person(`Other ${i}`, { tabs: 0 }));
    rooms = [];
    // me -> others[0]: cancelled
    let r = (await s.c.invite(me, others[0])).body.interview; rooms.push(r.roomId);
    assertStatus(await s.c.act(me, 'cancel', r.roomId), 200);
    await sleep(5);
    // others[1] -> me: rejected by me
    r = (await s.c.invite(others[1], me)).body.interview; rooms.push(r.roomId);
    assertStatus(await s.c.act(me, 'reject', r.roomId), 200);
    await sleep(5);
    // me -> others[2]: accepted then completed
    r = (await s.c.invite(me, others[2])).body.interview; rooms.push(r.roomId);
    assertStatus(await s.c.act(others[2], 'accept', r.roomId), 200);
    assertStatus(await s.c.act(me, 'complete', r.roomId), 200);
    await sleep(5);
    // others[3] -> me: pending
    r = (await s.c.invite(others[3], me)).body.interview; rooms.push(r.roomId);
    await sleep(5);
    // me -> others[0]: pending
    r = (await s.c.invite(me, others[0])).body.interview; rooms.push(r.roomId);
    // noise between other people
    assertStatus(await s.c.invite(stranger, others[1]), 201);
  });
  after(() => srv?.cleanup());

  const history = async (query = {}, who = me) => {
    const res = await s.c.api('GET', `/api/interviews?${new URLSearchParams(query)}`, { token: who.token });
    assertStatus(res, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['interviews', 'nextCursor']);
    res.body.interviews.forEach((iv) => assertInterview(iv));
    return res.body;
  };

  test('lists the caller\'s interviews as inviter and as invitee, newest first', T, async () => {
    const { interviews, nextCursor } = await history();
    assert.equal(nextCursor, null);
    assert.deepEqual(interviews.map((iv) => iv.roomId), [...rooms].reverse());
    for (let i = 1; i < interviews.length; i++) assert.ok(ms(interviews[i - 1].createdAt) >= ms(interviews[i].createdAt));
  });

  test('never lists other people\'s interviews', T, async () => {
    const { interviews } = await history({}, stranger);
    assert.equal(interviews.length, 1);
    assert.ok(interviews.every((iv) => iv.inviter.id === stranger.user.id || iv.invitee.id === stranger.user.id));
  });

  test('status filter', T, async () => {
    assert.deepEqual((await history({ status: 'pending' })).interviews.map((iv) => iv.roomId), [rooms[4], rooms[3]]);
    assert.deepEqual((await history({ status: 'cancelled' })).interviews.map((iv) => iv.roomId), [rooms[0]]);
    assert.deepEqual((await history({ status: 'rejected' })).interviews.map((iv) => iv.roomId), [rooms[1]]);
    assert.deepEqual((await history({ status: 'completed' })).interviews.map((iv) => iv.roomId), [rooms[2]]);
    assert.deepEqual((await history({ status: 'expired' })).interviews, []);
  });

  test('role filter (inviter / invitee)', T, async () => {
    assert.deepEqual((await history({ role: 'inviter' })).interviews.map((iv) => iv.roomId), [rooms[4], rooms[2], rooms[0]]);
    assert.deepEqual((await history({ role: 'invitee' })).interviews.map((iv) => iv.roomId), [rooms[3], rooms[1]]);
    assert.deepEqual((await history({ role: 'invitee', status: 'pending' })).interviews.map((iv) => iv.roomId), [rooms[3]]);
  });

  test('limit and cursor page through the history without duplicates', T, async () => {
    const seen = [];
    let cursor = null;
    let pages = 0;
    do {
      const page = await history(cursor ? { limit: 2, cursor } : { limit: 2 });
      assert.ok(page.interviews.length <= 2);
      seen.push(...page.interviews.map((iv) => iv.roomId));
      cursor = page.nextCursor;
      pages += 1;
      assert.ok(pages < 10);
    } while (cursor !== null);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...rooms].reverse());
  });

  test('an interview created between pages does not cause duplicates', T, async () => {
    const first = await history({ limit: 2 });
    const x = await s.person('Newcomer', { tabs: 0 });
    // me has a pending sent invitation; others may invite me
    const extra = (await s.c.invite(x, me)).body.interview;
    const rest = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await history({ limit: 2, cursor });
      rest.push(...page.interviews.map((iv) => iv.roomId));
      cursor = page.nextCursor;
    }
    const all = [...first.interviews.map((iv) => iv.roomId), ...rest];
    assert.equal(new Set(all).size, all.length);
    assert.ok(!rest.includes(extra.roomId), 'a newer interview does not show up on later pages');
    assertStatus(await s.c.act(x, 'cancel', extra.roomId), 200);
  });

  test('invalid filters are validation_failed naming them', T, async () => {
    assertError(await s.c.api('GET', '/api/interviews?status=lost', { token: me.token }), 'validation_failed', { field: 'status' });
    assertError(await s.c.api('GET', '/api/interviews?role=judge', { token: me.token }), 'validation_failed', { field: 'role' });
    assertError(await s.c.api('GET', '/api/interviews?limit=0', { token: me.token }), 'validation_failed', { field: 'limit' });
  });
});

describe('invitation statistics', () => {
  let srv, s, a, b, f, g, z;
  const responseSeconds = [];
  before(async () => {
    srv = await startServer({ args: ['--invitation-ttl', '2'] });
    s = scenario(srv);
    a = await s.person('Stats A', { tabs: 0 });
    b = await s.person('Stats B', { tabs: 0 });
    const c = await s.person('Stats C', { tabs: 0 });
    const d = await s.person('Stats D', { tabs: 0 });
    const e = await s.person('Stats E', { tabs: 0 });
    f = await s.person('Stats F', { tabs: 0 });
    g = await s.person('Stats G', { tabs: 0 });
    z = await s.person('Stats Z (no invitations)', { tabs: 0 });
    const answeredAfter = (iv) => (ms(iv.respondedAt) - ms(iv.createdAt)) / 1000;

    // A -> B accepted after ~0.2 s, then completed
    let iv = (await s.c.invite(a, b)).body.interview;
    await sleep(200);
    let done = (await s.c.act(b, 'accept', iv.roomId)).body.interview;
    responseSeconds.push(answeredAfter(done));
    assertStatus(await s.c.act(a, 'complete', iv.roomId), 200);
    // A -> C declined after ~0.5 s
    iv = (await s.c.invite(a, c)).body.interview;
    await sleep(500);
    done = (await s.c.act(c, 'reject', iv.roomId)).body.interview;
    responseSeconds.push(answeredAfter(done));
    // A -> D cancelled
    iv = (await s.c.invite(a, d)).body.interview;
    assertStatus(await s.c.act(a, 'cancel', iv.roomId), 200);
    // A -> E expires
    iv = (await s.c.invite(a, e)).body.interview;
    await sleep(2600);
    assert.equal((await s.c.detail(a, iv.roomId)).body.interview.status, 'expired');
    // G -> A pending; F -> A accepted by A after ~0.8 s, which rejects G's with reason busy
    const fromG = (await s.c.invite(g, a)).body.interview;
    iv = (await s.c.invite(f, a)).body.interview;
    await sleep(800);
    done = (await s.c.act(a, 'accept', iv.roomId)).body.interview;
    responseSeconds.push(answeredAfter(done));
    assert.equal((await s.c.detail(g, fromG.roomId)).body.interview.reason, 'busy');
    assertStatus(await s.c.act(f, 'complete', iv.roomId), 200);
  });
  after(() => srv?.cleanup());

  const stats = async (who, query = '') => {
    const res = await s.c.api('GET', `/api/stats/invitations${query}`, { token: who.token });
    assertStatus(res, 200);
    assert.deepEqual(Object.keys(res.body).sort(),
      ['acceptanceRate', 'accepted', 'cancelled', 'expired', 'medianResponseSeconds', 'received', 'rejected', 'sent']);
    return res.body;
  };
  const median = (xs) => { const v = [...xs].sort((x, y) => x - y); return v[Math.floor(v.length / 2)]; };

  test('scope=me counts what the caller sent and received, and the outcomes of all of them', T, async () => {
    const st = await stats(a, '?scope=me');
    assert.equal(st.sent, 4);
    assert.equal(st.received, 2);
    assert.equal(st.accepted, 2, 'accepted counts invitations that were accepted, even if the interview later completed');
    assert.equal(st.rejected, 2, 'declined and busy rejections');
    assert.equal(st.cancelled, 1);
    assert.equal(st.expired, 1);
  });

  test('acceptanceRate = accepted / (accepted + declined + expired): busy rejections are left out', T, async () => {
    const st = await stats(a, '?scope=me');
    assert.ok(Math.abs(st.acceptanceRate - 2 / 4) < 1e-9, `acceptanceRate ${st.acceptanceRate}`);
  });

  test('medianResponseSeconds is the median time to a person\'s answer, as a fraction', T, async () => {
    const st = await stats(a, '?scope=me');
    const expected = median(responseSeconds);
    assert.equal(typeof st.medianResponseSeconds, 'number');
    assert.ok(Math.abs(st.medianResponseSeconds - expected) < 0.05, `median ${st.medianResponseSeconds}, expected ~${expected} of ${responseSeconds}`);
    assert.ok(!Number.isInteger(st.medianResponseSeconds) || expected % 1 === 0, 'a fraction, not rounded to whole seconds');
  });

  test('scope=me is the default', T, async () => {
    assert.deepEqual(await stats(a), await stats(a, '?scope=me'));
  });

  test('an invitee\'s own view', T, async () => {
    const st = await stats(b);
    assert.deepEqual({ ...st, medianResponseSeconds: null }, {
      sent: 0, received: 1, accepted: 1, rejected: 0, cancelled: 0, expired: 0, acceptanceRate: 1, medianResponseSeconds: null,
    });
    assert.ok(Math.abs(st.medianResponseSeconds - responseSeconds[0]) < 0.05);
  });

  test('a user with only a busy rejection has acceptanceRate null and medianResponseSeconds null', T, async () => {
    const st = await stats(g);
    assert.equal(st.sent, 1);
    assert.equal(st.rejected, 1);
    assert.equal(st.acceptanceRate, null);
    assert.equal(st.medianResponseSeconds, null);
  });

  test('a user without invitations sees zeros and nulls', T, async () => {
    assert.deepEqual(await stats(z), {
      sent: 0, received: 0, accepted: 0, rejected: 0, cancelled: 0, expired: 0, acceptanceRate: null, medianResponseSeconds: null,
    });
  });

  test('scope=all aggregates over everyone, for any signed-in user', T, async () => {
    const st = await stats(z, '?scope=all');
    assert.equal(st.sent, 6);
    assert.equal(st.received, 6);
    assert.equal(st.accepted, 2);
    assert.equal(st.rejected, 2);
    assert.equal(st.cancelled, 1);
    assert.equal(st.expired, 1);
    assert.ok(Math.abs(st.acceptanceRate - 0.5) < 1e-9);
    assert.ok(Math.abs(st.medianResponseSeconds - median(responseSeconds)) < 0.05);
    assert.deepEqual(await stats(a, '?scope=all'), st);
  });

  test('an unknown scope is validation_failed', T, async () => {
    assertError(await s.c.api('GET', '/api/stats/invitations?scope=everyone', { token: a.token }), 'validation_failed', { field: 'scope' });
  });
});
