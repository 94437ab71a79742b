// The race checker shared by tests/integration/invitations/races.test.js (one node) and
// tests/multinode/races.test.js (three): accept, reject, cancel and expiry fired together at one
// pending invitation, trial after trial; exactly one wins, losers get conflict or
// invitation_expired, the final state has the winner's reason, and every tab of both
// participants sees exactly one outcome event, the one matching the final state.
//
//   const run = await raceTrials({ pairs, trialsPerPair, ttlS, ...mixedRoutes({ qids, invite, act }), detail, complete });
//   await checkOutcomeEvents(run, pairs, (pair) => [['inviter', pair.inviter.tab], ...]);
//   assertRaces(t, run, pairs.length * trialsPerPair);
//
// The callers choose the nodes; the mix of socket and REST routes and the judging are here.
import assert from 'node:assert/strict';
import { emitAck, eventsOf } from '../integration/lib/socket.js';
import { ms } from '../integration/lib/shapes.js';

export const OUTCOME_EVENT = { accepted: 'invitation-accepted', rejected: 'invitation-rejected', cancelled: 'invitation-cancelled', expired: 'invitation-expired' };
export const LOSER_CODES = ['conflict', 'invitation_expired'];
const WINNER = { accepted: 'accept', rejected: 'reject', cancelled: 'cancel', expired: null };
const REASON = { accepted: null, rejected: 'declined', cancelled: 'cancelled', expired: 'invite_timeout' };

const sleep = (t) => new Promise((r) => setTimeout(r, t));

// An HTTP answer as an ack: {ok: true, interview} or {ok: false, error, status}.
export function restOutcome(res) {
  return res.status === 200 ? { ok: true, interview: res.body.interview } : { ok: false, error: res.body?.error, status: res.status };
}

// The routes both suites take, for pairs {inviter: {tab}, invitee: {tabs: [2]}}: trial k of pair
// p invites, accepts and cancels by socket when p + k is even, else by REST; reject goes by REST
// every third trial, else by the invitee's second tab. The caller says where REST goes:
//   invite(p, k, inviter, invitee)           -> the HTTP response of the invitation
//   act(name, p, k, who, action, roomId)     -> the HTTP response of accept/reject/cancel
export function mixedRoutes({ qids, invite, act }) {
  return {
    create: ({ inviter, invitee }, p, k) => ((p + k) % 2 === 0
      ? emitAck(inviter.tab, 'send-interview-invitation', { inviteeId: invitee.user.id, questionIds: qids })
      : invite(p, k, inviter, invitee).then((r) => ({ ok: r.status === 201, interview: r.body?.interview, error: r.body?.error }))),
    actions: ({ inviter, invitee }, p, k, roomId) => {
      const bySocket = (p + k) % 2 === 0;
      const rest = async (name, who) => restOutcome(await act(name, p, k, who, name, roomId));
      return {
        accept: () => (bySocket ? emitAck(invitee.tabs[0], 'respond-to-invitation', { roomId, accept: true }) : rest('accept', invitee)),
        reject: () => (k % 3 === 0 ? rest('reject', invitee) : emitAck(invitee.tabs[1], 'respond-to-invitation', { roomId, accept: false })),
        cancel: () => (bySocket ? rest('cancel', inviter) : emitAck(inviter.tab, 'cancel-interview-invitation', { roomId })),
      };
    },
  };
}

const brief = (r) => (r.ok ? { ok: true, status: r.interview?.status } : { ok: false, code: r.error?.code });

// What is wrong with one trial: its final state against the actions' answers.
function judge(final, results) {
  const failures = [];
  const winners = Object.entries(results).filter(([, r]) => r.ok).map(([n]) => n);
  const expected = WINNER[final.status];
  if (expected === undefined) failures.push('unexpected final status');
  else if (expected === null ? winners.length !== 0 : (winners.length !== 1 || winners[0] !== expected)) failures.push(`winners ${winners}`);
  for (const [name, r] of Object.entries(results)) {
    if (r.ok && r.interview?.status !== final.status) failures.push(`${name} acked ${r.interview?.status}`);
    if (!r.ok && !LOSER_CODES.includes(r.error?.code)) failures.push(`${name} lost with ${JSON.stringify(r.error)}`);
  }
  if (expected !== undefined && final.reason !== REASON[final.status]) failures.push(`reason ${final.reason}, expected ${REASON[final.status]}`);
  return failures;
}

// Runs `trialsPerPair` trials for every pair, the pairs in parallel. For trial k of pair p:
//   create(pair, p, k)              -> {ok, interview, error}: the pending invitation
//   actions(pair, p, k, roomId)     -> {accept, reject, cancel}: functions that fire one action
//                                      each and resolve with its ack ({ok, interview, error})
//   detail(pair, p, k, roomId)      -> the interview once its deadline has passed
//   complete(pair, p, k, roomId)    -> an HTTP response; called when the trial ended accepted
// The actions fire at a random moment in [0, 1.2 * ttl] after creation (so expiry competes in a
// good share of trials), each with up to 15 ms of jitter. Returns {trials, failures}.
export async function raceTrials({ pairs, trialsPerPair, ttlS, create, actions, detail, complete }) {
  const failures = [];
  const trials = [];
  await Promise.all(pairs.map(async (pair, p) => {
    for (let k = 0; k < trialsPerPair; k++) {
      const created = await create(pair, p, k);
      if (!created.ok) { failures.push(`pair ${p} trial ${k}: invitation refused ${JSON.stringify(created.error)}`); break; }
      const iv = created.interview;
      await sleep(Math.random() * ttlS * 1200);
      const fire = actions(pair, p, k, iv.roomId);
      const results = Object.fromEntries(await Promise.all(Object.entries(fire).map(async ([name, fn]) => {
        await sleep(Math.random() * 15);
        return [name, await fn()];
      })));
      const wait = ms(iv.expiresAt) + 250 - Date.now();
      if (wait > 0) await sleep(wait);
      const final = await detail(pair, p, k, iv.roomId);
      trials.push({ p, k, roomId: iv.roomId, final, results });
      const desc = `pair ${p} trial ${k} (${iv.roomId}): final ${final.status}/${final.reason}, results ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([n, r]) => [n, brief(r)])))}`;
      for (const f of judge(final, results)) failures.push(`${desc}: ${f}`);
      if (final.status === 'accepted') {
        const done = await complete(pair, p, k, iv.roomId);
        if (done.status !== 200) failures.push(`${desc}: could not complete: ${done.status} ${done.text}`);
      }
    }
  }));
  return { trials, failures };
}

// After the trials: every tab that `tabsOf(pair)` lists ([label, socket] pairs) saw exactly one
// outcome event per room, the one matching the final state. Adds to run.failures.
export async function checkOutcomeEvents(run, pairs, tabsOf) {
  await sleep(700); // the last events in flight
  for (const t of run.trials) {
    for (const [who, sock] of tabsOf(pairs[t.p])) {
      const seen = Object.values(OUTCOME_EVENT).flatMap((ev) => eventsOf(sock, ev, (d) => d?.interview?.roomId === t.roomId).map(() => ev));
      const want = OUTCOME_EVENT[t.final.status];
      if (seen.length !== 1 || seen[0] !== want) run.failures.push(`pair ${t.p} trial ${t.k}: ${who} saw [${seen}] for a ${t.final.status} invitation`);
    }
  }
}

// No failure, every trial run, and each of accept, reject and cancel won at least once (else
// the race was not tested). Reports the outcome counts as a diagnostic of test context `t`.
export function assertRaces(t, run, expectedTrials) {
  const counts = run.trials.reduce((acc, x) => ({ ...acc, [x.final.status]: (acc[x.final.status] ?? 0) + 1 }), {});
  t.diagnostic(`outcomes: ${JSON.stringify(counts)}`);
  assert.deepEqual(run.failures.slice(0, 20), [], `${run.failures.length} failures; outcome counts ${JSON.stringify(counts)}`);
  assert.equal(run.trials.length, expectedTrials);
  for (const status of ['accepted', 'rejected', 'cancelled']) assert.ok((counts[status] ?? 0) > 0, `no trial ended ${status}: ${JSON.stringify(counts)}`);
}
