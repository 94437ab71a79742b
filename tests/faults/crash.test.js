// kill -9 at random moments while pairs of users send, accept, reject, cancel and complete
// invitations; after each restart the database is intact, every acknowledged change is there,
// every invitation is in exactly one consistent state, and pending ones expire on time, even
// those whose deadline passed while the server was down. A lone node holds its SQLite file
// exclusively, so the file is read with sqlite3 only while the server is down.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../integration/lib/server.js';
import { clientFor } from '../integration/lib/http.js';
import { STATUSES } from '../integration/lib/shapes.js';
import { sqlite, sleep, randomBetween } from './lib.js';

const TTL = 2; // seconds
const PAIRS = 8;
const ROUNDS = 3;
const T = { timeout: 180_000 };

describe('kill -9 under an invitation load', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--invitation-ttl', String(TTL), '--invitation-rate-limit', '0', '--rejoin-grace', '60'] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test(`${ROUNDS} crashes at random moments lose nothing acknowledged and leave one state per invitation`, T, async () => {
    const pairs = [];
    for (let i = 0; i < PAIRS; i++) pairs.push([await c.readyUser(`Crash A${i}`), await c.readyUser(`Crash B${i}`)]);
    const qids = await c.questionIds(pairs[0][0].token, 2);
    const acked = new Map(); // roomId -> {last acknowledged action, pair}
    const ack = (roomId, status, pair) => acked.set(roomId, { status, pair });

    // One worker per pair: bounded in steps; stops at the first transport error (the server died).
    async function worker(pair, stop) {
      const [a, b] = pair;
      for (let step = 0; step < 200 && !stop.dead; step++) {
        try {
          const inv = await c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: b.user.id, questionIds: qids } });
          if (inv.status !== 201 && inv.status !== 200) { await sleep(50); continue; }
          const roomId = inv.body.interview.roomId;
          ack(roomId, inv.body.interview.status, pair);
          const pick = Math.random();
          if (pick < 0.35) {
            const r = await c.api('POST', `/api/interviews/accept/${roomId}`, { token: b.token });
            if (r.status === 200) {
              ack(roomId, 'accepted', pair);
              const done = await c.api('POST', `/api/interviews/complete/${roomId}`, { token: a.token });
              if (done.status === 200) ack(roomId, 'completed', pair);
            }
          } else if (pick < 0.6) {
            const r = await c.api('POST', `/api/interviews/reject/${roomId}`, { token: b.token });
            if (r.status === 200) ack(roomId, 'rejected', pair);
          } else if (pick < 0.85) {
            const r = await c.api('POST', `/api/interviews/cancel/${roomId}`, { token: a.token });
            if (r.status === 200) ack(roomId, 'cancelled', pair);
          } else {
            await sleep(TTL * 1000 + 300); // left to expire
          }
        } catch {
          stop.dead = true;
        }
      }
    }

    const restarts = [];
    let pendingRooms = [];
    for (let round = 0; round < ROUNDS; round++) {
      const stop = { dead: false };
      const load = Promise.all(pairs.map((p) => worker(p, stop)));
      await sleep(randomBetween(300, 1500));
      await srv.kill9();
      stop.dead = true;
      await load;
      assert.equal(await sqlite(srv.dbPath, 'PRAGMA integrity_check;'), 'ok', `round ${round}: integrity after kill -9`);
      // Read while the server is down: a lone node holds its file exclusively.
      pendingRooms = (await sqlite(srv.dbPath, "SELECT room_id, inviter_id FROM interviews WHERE status='pending';")).split('\n').filter(Boolean);
      await sleep(randomBetween(0, 1500)); // some deadlines pass while the server is down
      await srv.start();
      restarts.push(Date.now());
    }
    assert.ok(acked.size >= PAIRS, `the load acknowledged too little to test anything (${acked.size})`);

    // Every acknowledged change is there.
    const after = new Map();
    for (const [roomId, { status, pair }] of acked) {
      const d = await c.api('GET', `/api/interviews/${roomId}`, { token: pair[0].token });
      assert.equal(d.status, 200, `acknowledged interview ${roomId} (${status}) is gone: ${d.text}`);
      const iv = d.body.interview;
      after.set(roomId, iv);
      const allowed = {
        pending: STATUSES,
        accepted: ['accepted', 'in_progress', 'completed', 'abandoned'],
        completed: ['completed'],
        rejected: ['rejected'],
        cancelled: ['cancelled'],
      }[status];
      assert.ok(allowed.includes(iv.status), `${roomId}: acknowledged ${status}, now ${iv.status}`);
    }

    // Pending invitations expire on time: deadlines passed while down at once after the restart,
    // the others at their deadline. Nobody acts any more, so every one of them must end expired.
    // The inviter (from the database: the invitation may have been created without an
    // acknowledgement) reads it.
    const lastStart = restarts.at(-1);
    const byRoom = new Map();
    for (const row of pendingRooms) {
      const [roomId, inviterId] = row.split('|');
      const pair = pairs.find(([a]) => a.user.id === inviterId);
      assert.ok(pair, `${roomId}: inviter ${inviterId} is none of the test's users`);
      const d = await c.api('GET', `/api/interviews/${roomId}`, { token: pair[0].token });
      assert.equal(d.status, 200, `pending ${roomId}: ${d.status} ${d.text}`);
      byRoom.set(roomId, { iv: d.body.interview, pair });
    }
    const latest = Math.max(lastStart, ...[...byRoom.values()].map(({ iv }) => Date.parse(iv.expiresAt)));
    await sleep(Math.max(0, latest - Date.now()) + 1500);
    for (const [roomId, { iv, pair }] of byRoom) {
      const d = (await c.api('GET', `/api/interviews/${roomId}`, { token: pair[0].token })).body.interview;
      assert.equal(d.status, 'expired', `${roomId}: pending after the last restart, then ${d.status}`);
      const due = Math.max(Date.parse(iv.expiresAt), lastStart);
      const at = Date.parse(d.respondedAt);
      assert.ok(at >= Date.parse(iv.expiresAt) - 50, `${roomId} expired early`);
      assert.ok(at <= due + 1500, `${roomId} expired ${at - due} ms late`);
      assert.equal(d.reason, 'invite_timeout');
    }

    await srv.stop();
    assert.equal(await sqlite(srv.dbPath, 'PRAGMA integrity_check;'), 'ok', 'integrity after the restarts');
    const left = await sqlite(srv.dbPath, "SELECT count(*) FROM interviews WHERE status='pending';");
    assert.equal(left, '0', 'pending invitations outlived their deadline');
    // Exactly one consistent state per invitation, and the invariants across them.
    const rows = (await sqlite(srv.dbPath, 'SELECT room_id, status FROM interviews;')).split('\n').filter(Boolean);
    const seen = new Set();
    for (const row of rows) {
      const [roomId, status] = row.split('|');
      assert.ok(!seen.has(roomId), `room ${roomId} twice`);
      seen.add(roomId);
      assert.ok(STATUSES.includes(status), `${roomId}: unknown status ${status}`);
    }
    assert.equal(await sqlite(srv.dbPath, "SELECT count(*) FROM (SELECT inviter_id FROM interviews WHERE status='pending' GROUP BY inviter_id HAVING count(*) > 1);"), '0', 'an inviter with two pending invitations');
    assert.equal(await sqlite(srv.dbPath, "SELECT count(*) FROM (SELECT u FROM (SELECT inviter_id u FROM interviews WHERE status IN ('accepted','in_progress') UNION ALL SELECT invitee_id FROM interviews WHERE status IN ('accepted','in_progress')) GROUP BY u HAVING count(*) > 1);"), '0', 'a user in two active interviews');
    // What each status implies of the timestamps (true: set, false: null); every status is listed.
    const stamps = {
      pending: { respondedAt: false },
      accepted: { respondedAt: true },
      in_progress: { respondedAt: true },
      rejected: { respondedAt: true },
      cancelled: { respondedAt: true },
      expired: { respondedAt: true },
      completed: { endedAt: true },
      abandoned: { endedAt: true },
    };
    for (const iv of after.values()) {
      assert.ok(stamps[iv.status], `${iv.roomId}: unknown status ${iv.status}`);
      for (const [field, set] of Object.entries(stamps[iv.status])) {
        assert.equal(iv[field] !== null, set, `${iv.roomId} ${iv.status} with ${field} ${iv[field]}`);
      }
    }
  });
});
