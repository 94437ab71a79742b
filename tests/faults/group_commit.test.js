// kill -9 while many clients send, accept and complete invitations at once, so that the store
// calls of different clients share commits (group commit): after each crash the file is intact
// and every change a client was told about is in it. Read with sqlite3 while the server is down
// (a lone node holds its file exclusively).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../integration/lib/server.js';
import { clientFor } from '../integration/lib/http.js';
import { sqlite, sleep, randomBetween } from './lib.js';

const PAIRS = 30;
const ROUNDS = 2;
const T = { timeout: 240_000 };

// What a room may be in after the last acknowledged step.
const ALLOWED = {
  pending: ['pending', 'accepted', 'completed', 'expired', 'cancelled', 'rejected'],
  accepted: ['accepted', 'completed'],
  completed: ['completed'],
  cancelled: ['cancelled'],
};

describe('kill -9 under concurrent invitations (group commit)', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--invitation-rate-limit', '0', '--invitation-ttl', '600', '--rejoin-grace', '600'] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test(`${ROUNDS} crashes amid ${PAIRS} pairs inviting at once lose nothing acknowledged`, T, async (t) => {
    const pairs = [];
    for (let i = 0; i < PAIRS; i++) pairs.push([await c.readyUser(`Batch A${i}`), await c.readyUser(`Batch B${i}`)]);
    const qids = await c.questionIds(pairs[0][0].token, 2);
    const acked = new Map(); // roomId -> last acknowledged status

    // One client per pair: send, accept, complete, again, until the server dies.
    async function worker([a, b], stop) {
      while (!stop.dead) {
        try {
          const inv = await c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: b.user.id, questionIds: qids } });
          if (inv.status !== 201) { await sleep(20); continue; }
          const roomId = inv.body.interview.roomId;
          acked.set(roomId, 'pending');
          const acc = await c.api('POST', `/api/interviews/accept/${roomId}`, { token: b.token });
          if (acc.status !== 200) continue;
          acked.set(roomId, 'accepted');
          const done = await c.api('POST', `/api/interviews/complete/${roomId}`, { token: a.token });
          if (done.status === 200) acked.set(roomId, 'completed');
        } catch {
          stop.dead = true; // the connection died with the server
        }
      }
    }

    for (let round = 0; round < ROUNDS; round++) {
      const stop = { dead: false };
      const load = Promise.all(pairs.map((p) => worker(p, stop)));
      await sleep(randomBetween(1500, 3000));
      const metrics = (await c.api('GET', '/metrics')).text;
      const gauge = (name) => Number((metrics.match(new RegExp(`^${name} (\\S+)$`, 'm')) ?? [])[1]);
      t.diagnostic(`round ${round}: ${gauge('mockmate_db_batched_calls')} store calls in ${gauge('mockmate_db_batches')} batches, ${gauge('mockmate_db_commits')} commits`);
      await srv.kill9();
      stop.dead = true;
      await load;

      assert.equal(await sqlite(srv.dbPath, 'PRAGMA integrity_check;'), 'ok', `round ${round}: integrity after kill -9`);
      const rows = new Map((await sqlite(srv.dbPath, 'SELECT room_id, status FROM interviews;'))
        .split('\n').filter(Boolean).map((line) => line.split('|')));
      let completed = 0;
      for (const [roomId, status] of acked) {
        assert.ok(rows.has(roomId), `round ${round}: acknowledged room ${roomId} (${status}) is missing`);
        assert.ok(ALLOWED[status].includes(rows.get(roomId)), `round ${round}: ${roomId} acknowledged ${status}, stored ${rows.get(roomId)}`);
        if (status === 'completed') completed += 1;
      }
      assert.ok(completed >= PAIRS, `round ${round}: too little was acknowledged to test anything (${completed} completed)`);

      // Rooms the crash left open (acknowledged or not) would block their pair: end them.
      const open = (await sqlite(srv.dbPath, "SELECT room_id, status, inviter_id FROM interviews WHERE status IN ('pending','accepted','in_progress');"))
        .split('\n').filter(Boolean).map((line) => line.split('|'));
      await srv.start();
      for (const [roomId, status, inviterId] of open) {
        const inviter = pairs.find(([a]) => a.user.id === inviterId)[0];
        const action = status === 'pending' ? 'cancel' : 'complete';
        const res = await c.api('POST', `/api/interviews/${action}/${roomId}`, { token: inviter.token });
        assert.equal(res.status, 200, `${action} ${roomId} after the restart: ${res.status} ${res.text}`);
        acked.set(roomId, status === 'pending' ? 'cancelled' : 'completed');
      }
    }
  });
});
