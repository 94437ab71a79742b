// Races across nodes: accept, reject, cancel and expiry of one pending invitation fired at different
// nodes (sockets and REST); exactly one wins, losers get conflict or invitation_expired, and every
// tab, on whichever node, sees exactly one outcome.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCluster, personOn, sleep } from './lib/cluster.js';
import { clientFor } from '../integration/lib/http.js';
import { emitAck, eventsOf } from '../integration/lib/socket.js';
import { ms } from '../integration/lib/shapes.js';

const TTL_S = 0.3;
const PAIRS = 20;
const TRIALS_PER_PAIR = 11; // 220 trials
const OUTCOME_EVENT = { accepted: 'invitation-accepted', rejected: 'invitation-rejected', cancelled: 'invitation-cancelled', expired: 'invitation-expired' };
const LOSER_CODES = ['conflict', 'invitation_expired'];

describe('invitation races across nodes', { timeout: 150_000 }, () => {
  let cl, pairs, rest;
  before(async () => {
    cl = await startCluster({ nodes: 3, args: ['--invitation-ttl', String(TTL_S), '--invitation-rate-limit', '0'] });
    rest = cl.nodes.map((n) => clientFor(n));
    pairs = [];
    for (let i = 0; i < PAIRS; i += 5) {
      pairs.push(...await Promise.all([...Array(Math.min(5, PAIRS - i)).keys()].map(async (k) => {
        const p = i + k;
        return {
          // the inviter on node p, the invitee's two tabs on the two other nodes
          inviter: await personOn(cl, `Racer inviter ${p}`, [p % 3]),
          invitee: await personOn(cl, `Racer invitee ${p}`, [(p + 1) % 3, (p + 2) % 3]),
        };
      })));
    }
  });
  after(() => cl?.cleanup());

  const outcome = (r) => (r.ok ? { ok: true, status: r.interview?.status } : { ok: false, code: r.error?.code });
  const viaRest = async (node, who, action, roomId) => {
    const res = await rest[node].act(who, action, roomId);
    return res.status === 200 ? { ok: true, interview: res.body.interview } : { ok: false, error: res.body?.error, status: res.status };
  };

  test(`accept, reject, cancel and expiry at different nodes: exactly one winner in each of ${PAIRS * TRIALS_PER_PAIR} trials`, { timeout: 120_000 }, async (t) => {
    const qids = await cl.client.questionIds(pairs[0].inviter.token, 1);
    const failures = [];
    const trials = [];

    await Promise.all(pairs.map(async ({ inviter, invitee }, p) => {
      for (let k = 0; k < TRIALS_PER_PAIR; k++) {
        const useSocket = (p + k) % 2 === 0;
        const node = (p + k) % 3;
        const created = useSocket
          ? await emitAck(inviter.tab, 'send-interview-invitation', { inviteeId: invitee.user.id, questionIds: qids })
          : await rest[node].invite(inviter, invitee, qids).then((r) => ({ ok: r.status === 201, interview: r.body?.interview, error: r.body?.error }));
        if (!created.ok) { failures.push(`pair ${p} trial ${k}: invitation refused ${JSON.stringify(created.error)}`); break; }
        const iv = created.interview;
        const roomId = iv.roomId;
        await sleep(Math.random() * TTL_S * 1200);
        const jitter = () => sleep(Math.random() * 15);
        // Each action goes through a different node than the other two where it can.
        const actions = {
          accept: jitter().then(() => (useSocket
            ? emitAck(invitee.tabs[0], 'respond-to-invitation', { roomId, accept: true })
            : viaRest((node + 1) % 3, invitee, 'accept', roomId))),
          reject: jitter().then(() => (k % 3 === 0
            ? viaRest((node + 2) % 3, invitee, 'reject', roomId)
            : emitAck(invitee.tabs[1], 'respond-to-invitation', { roomId, accept: false }))),
          cancel: jitter().then(() => (useSocket
            ? viaRest(node, inviter, 'cancel', roomId)
            : emitAck(inviter.tab, 'cancel-interview-invitation', { roomId }))),
        };
        const results = Object.fromEntries(await Promise.all(Object.entries(actions).map(async ([name, pr]) => [name, await pr])));
        const wait = ms(iv.expiresAt) + 250 - Date.now();
        if (wait > 0) await sleep(wait);
        const final = (await rest[(node + 1) % 3].detail(inviter, roomId)).body.interview;
        trials.push({ p, k, roomId, final, results });

        const winners = Object.entries(results).filter(([, r]) => r.ok).map(([n]) => n);
        const expectedWinner = { accepted: 'accept', rejected: 'reject', cancelled: 'cancel', expired: null }[final.status];
        const desc = `pair ${p} trial ${k} (${roomId}): final ${final.status}/${final.reason}, results ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([n, r]) => [n, outcome(r)])))}`;
        if (expectedWinner === undefined) failures.push(`${desc}: unexpected final status`);
        else if (expectedWinner === null ? winners.length !== 0 : (winners.length !== 1 || winners[0] !== expectedWinner)) failures.push(`${desc}: winners ${winners}`);
        for (const [name, r] of Object.entries(results)) {
          if (r.ok && r.interview?.status !== final.status) failures.push(`${desc}: ${name} acked ${r.interview?.status}`);
          if (!r.ok && !LOSER_CODES.includes(r.error?.code)) failures.push(`${desc}: ${name} lost with ${JSON.stringify(r.error)}`);
        }
        if (final.status === 'accepted') {
          const done = await rest[(node + 2) % 3].act(inviter, 'complete', roomId);
          if (done.status !== 200) failures.push(`${desc}: could not complete: ${done.status} ${done.text}`);
        }
      }
    }));

    // Every tab of both participants, on three nodes, saw exactly one outcome event per room.
    await sleep(700);
    for (const tr of trials) {
      const { inviter, invitee } = pairs[tr.p];
      for (const [who, sock] of [['inviter', inviter.tab], ['invitee tab 1', invitee.tabs[0]], ['invitee tab 2', invitee.tabs[1]]]) {
        const seen = Object.values(OUTCOME_EVENT).flatMap((ev) => eventsOf(sock, ev, (d) => d?.interview?.roomId === tr.roomId).map(() => ev));
        const want = OUTCOME_EVENT[tr.final.status];
        if (seen.length !== 1 || seen[0] !== want) failures.push(`pair ${tr.p} trial ${tr.k}: ${who} (node ${sock.node}) saw [${seen}] for a ${tr.final.status} invitation`);
      }
    }
    const counts = trials.reduce((acc, x) => ({ ...acc, [x.final.status]: (acc[x.final.status] ?? 0) + 1 }), {});
    t.diagnostic(`outcomes: ${JSON.stringify(counts)}`);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures; outcome counts ${JSON.stringify(counts)}`);
    assert.equal(trials.length, PAIRS * TRIALS_PER_PAIR);
    for (const status of ['accepted', 'rejected', 'cancelled']) assert.ok((counts[status] ?? 0) > 0, `no trial ended ${status}: ${JSON.stringify(counts)}`);
  });
});
