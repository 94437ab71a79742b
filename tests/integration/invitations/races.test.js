// Races: exactly one of accept, reject, cancel and expiry wins a pending invitation, whatever the
// interleaving, across tabs and transports; losers get conflict or invitation_expired; every tab sees
// exactly one outcome.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { emitAck } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { LOSER_CODES, assertRaces, checkOutcomeEvents, mixedRoutes, raceTrials } from '../../lib/races.js';

const TTL_S = 0.3;
const PAIRS = 20;
const TRIALS_PER_PAIR = 11; // 220 trials

async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...await Promise.all(items.slice(i, i + size).map(fn)));
  return out;
}

describe('invitation races', { timeout: 240_000 }, () => {
  let srv, s, pairs;
  before(async () => {
    srv = await startServer({ args: ['--invitation-ttl', String(TTL_S), '--invitation-rate-limit', '0'] });
    s = scenario(srv);
    pairs = await inBatches([...Array(PAIRS).keys()], 5, async (i) => ({
      inviter: await s.person(`Racer inviter ${i}`, { tabs: 1 }),
      invitee: await s.person(`Racer invitee ${i}`, { tabs: 2 }),
    }));
  });
  after(() => srv?.cleanup());

  test(`accept, reject, cancel and expiry fired together: exactly one winner in each of ${PAIRS * TRIALS_PER_PAIR} trials`, { timeout: 200_000 }, async (t) => {
    const qids = await s.c.questionIds(pairs[0].inviter.token, 1);
    const run = await raceTrials({
      pairs,
      trialsPerPair: TRIALS_PER_PAIR,
      ttlS: TTL_S,
      ...mixedRoutes({
        qids,
        invite: (p, k, inviter, invitee) => s.c.invite(inviter, invitee, qids),
        act: (name, p, k, who, action, roomId) => s.c.act(who, action, roomId),
      }),
      detail: async ({ inviter }, p, k, roomId) => (await s.c.detail(inviter, roomId)).body.interview,
      complete: ({ inviter }, p, k, roomId) => s.c.act(inviter, 'complete', roomId),
    });
    await checkOutcomeEvents(run, pairs, ({ inviter, invitee }) => [
      ['inviter', inviter.tab], ['invitee tab 1', invitee.tabs[0]], ['invitee tab 2', invitee.tabs[1]],
    ]);
    assertRaces(t, run, PAIRS * TRIALS_PER_PAIR);
  });

  test('two invitations to one invitee accepted at once from two tabs: exactly one is accepted, the other ends busy', { timeout: 60_000 }, async () => {
    const failures = [];
    let won = 0;
    await inBatches([...Array(10).keys()], 5, async (i) => {
      const v = await s.person(`Double invitee ${i}`, { tabs: 2 });
      const i1 = await s.person(`Double inviter A ${i}`, { tabs: 0 });
      const i2 = await s.person(`Double inviter B ${i}`, { tabs: 0 });
      const [r1, r2] = await Promise.all([s.c.invite(i1, v), s.c.invite(i2, v)]);
      if (r1.status !== 201 || r2.status !== 201) { failures.push(`setup ${i}: ${r1.status} ${r2.status}`); return; }
      const rooms = [r1.body.interview.roomId, r2.body.interview.roomId];
      const acks = await Promise.all([
        emitAck(v.tabs[0], 'respond-to-invitation', { roomId: rooms[0], accept: true }),
        emitAck(v.tabs[1], 'respond-to-invitation', { roomId: rooms[1], accept: true }),
      ]);
      await sleep(TTL_S * 1000 + 200);
      const finals = await Promise.all(rooms.map(async (r) => (await s.c.detail(v, r)).body.interview));
      const accepted = finals.filter((f) => f.status === 'accepted');
      const okAcks = acks.filter((a) => a.ok);
      if (okAcks.length > 1 || accepted.length > 1) failures.push(`trial ${i}: two accepted ${JSON.stringify(finals.map((f) => [f.status, f.reason]))}`);
      if (okAcks.length === 0) {
        // both answers came after the deadline (the ttl is short): both expired, both lost
        if (!finals.every((f) => f.status === 'expired')) failures.push(`trial ${i}: no winner but ${JSON.stringify(finals.map((f) => [f.status, f.reason]))}`);
        for (const a of acks) if (!LOSER_CODES.includes(a.error?.code)) failures.push(`trial ${i}: loser got ${JSON.stringify(a.error)}`);
      } else if (okAcks.length === 1) {
        won += 1;
        const other = finals.find((f) => f.roomId !== okAcks[0].interview.roomId);
        // the other one ends busy, unless it had already expired (the ttl is short)
        const endedBusy = other.status === 'rejected' && other.reason === 'busy';
        if (!endedBusy && other.status !== 'expired') failures.push(`trial ${i}: the other one ended ${other.status}/${other.reason}`);
        const loser = acks.find((a) => !a.ok);
        if (!LOSER_CODES.includes(loser.error?.code)) failures.push(`trial ${i}: loser got ${JSON.stringify(loser.error)}`);
      }
      for (const f of accepted) await s.c.act(v, 'complete', f.roomId);
    });
    assert.deepEqual(failures, []);
    assert.ok(won > 0, 'no trial had a winner: every invitation expired first, so nothing raced');
  });

  test('simultaneous mutual invitations meet in exactly one accepted interview', { timeout: 60_000 }, async () => {
    const failures = [];
    await inBatches([...Array(12).keys()], 6, async (i) => {
      const a = await s.person(`Mutual racer A ${i}`, { tabs: 1 });
      const b = await s.person(`Mutual racer B ${i}`, { tabs: 1 });
      const qids = await s.c.questionIds(a.token, 1);
      const [ra, rb] = await Promise.all([
        emitAck(a.tab, 'send-interview-invitation', { inviteeId: b.user.id, questionIds: qids }),
        i % 2 ? emitAck(b.tab, 'send-interview-invitation', { inviteeId: a.user.id, questionIds: qids })
          : s.c.invite(b, a, qids).then((r) => ({ ok: r.status === 200 || r.status === 201, interview: r.body?.interview, error: r.body?.error })),
      ]);
      if (!ra.ok || !rb.ok) { failures.push(`trial ${i}: ${JSON.stringify([ra.error, rb.error])}`); return; }
      if (ra.interview.roomId !== rb.interview.roomId) failures.push(`trial ${i}: two interviews ${ra.interview.roomId} ${rb.interview.roomId}`);
      const list = (await s.c.api('GET', '/api/interviews', { token: a.token })).body.interviews;
      if (list.length !== 1 || list[0].status !== 'accepted') failures.push(`trial ${i}: history ${JSON.stringify(list.map((x) => x.status))}`);
    });
    assert.deepEqual(failures, []);
  });

  test('one inviter sending to five people at once: exactly one invitation is created, the others are conflict', { timeout: 60_000 }, async () => {
    const failures = [];
    const targets = await inBatches([...Array(5).keys()], 5, (i) => s.person(`Target ${i}`, { tabs: 0 }));
    for (let i = 0; i < 10; i++) {
      const a = await s.person(`Greedy ${i}`, { tabs: 2 });
      const qids = await s.c.questionIds(a.token, 1);
      const results = await Promise.all(targets.map((t, j) => (j % 2
        ? emitAck(a.tabs[j % 2], 'send-interview-invitation', { inviteeId: t.user.id, questionIds: qids })
        : s.c.invite(a, t, qids).then((r) => ({ ok: r.status === 201, interview: r.body?.interview, error: r.body?.error })))));
      const ok = results.filter((r) => r.ok);
      if (ok.length !== 1) failures.push(`trial ${i}: ${ok.length} created`);
      for (const r of results.filter((x) => !x.ok)) if (r.error?.code !== 'conflict') failures.push(`trial ${i}: ${JSON.stringify(r.error)}`);
      await sleep(TTL_S * 1000);
    }
    assert.deepEqual(failures, []);
  });
});
