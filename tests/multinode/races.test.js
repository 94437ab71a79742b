// Races across nodes: accept, reject, cancel and expiry of one pending invitation fired at different
// nodes (sockets and REST); exactly one wins, losers get conflict or invitation_expired, and every
// tab, on whichever node, sees exactly one outcome.
import { describe, test, before, after } from 'node:test';
import { startCluster, personOn } from './lib/cluster.js';
import { clientFor } from '../integration/lib/http.js';
import { assertRaces, checkOutcomeEvents, mixedRoutes, raceTrials } from '../lib/races.js';

const TTL_S = 0.3;
const PAIRS = 20;
const TRIALS_PER_PAIR = 11; // 220 trials

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

  test(`accept, reject, cancel and expiry at different nodes: exactly one winner in each of ${PAIRS * TRIALS_PER_PAIR} trials`, { timeout: 120_000 }, async (t) => {
    const qids = await cl.client.questionIds(pairs[0].inviter.token, 1);
    const node = (p, k) => (p + k) % 3;
    // Each action goes through a different node than the other two where it can.
    const offset = { accept: 1, reject: 2, cancel: 0 };
    const run = await raceTrials({
      pairs,
      trialsPerPair: TRIALS_PER_PAIR,
      ttlS: TTL_S,
      ...mixedRoutes({
        qids,
        invite: (p, k, inviter, invitee) => rest[node(p, k)].invite(inviter, invitee, qids),
        act: (name, p, k, who, action, roomId) => rest[(node(p, k) + offset[name]) % 3].act(who, action, roomId),
      }),
      detail: async ({ inviter }, p, k, roomId) => (await rest[(node(p, k) + 1) % 3].detail(inviter, roomId)).body.interview,
      complete: ({ inviter }, p, k, roomId) => rest[(node(p, k) + 2) % 3].act(inviter, 'complete', roomId),
    });
    // Every tab of both participants, on three nodes, saw exactly one outcome event per room.
    await checkOutcomeEvents(run, pairs, ({ inviter, invitee }) => [
      [`inviter (node ${inviter.tab.node})`, inviter.tab],
      [`invitee tab 1 (node ${invitee.tabs[0].node})`, invitee.tabs[0]],
      [`invitee tab 2 (node ${invitee.tabs[1].node})`, invitee.tabs[1]],
    ]);
    assertRaces(t, run, PAIRS * TRIALS_PER_PAIR);
  });
});
