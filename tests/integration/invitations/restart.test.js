// Invitations across restarts: acknowledged changes are never lost, expiry happens on time after a
// crash (kill -9) or a graceful stop, and every invitation ends in exactly one state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { connect, nextEvent, expectNoEvent, emitAck } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertInterview, assertStatus, ms } from '../lib/shapes.js';

const T = { timeout: 90_000 };

async function peoplePairs(s, n, prefix) {
  const out = [];
  for (let i = 0; i < n; i++) out.push({ a: await s.person(`${prefix} A${i}`, { tabs: 0 }), b: await s.person(`${prefix} B${i}`, { tabs: 0 }) });
  return out;
}

describe('invitations across restarts', () => {
  test('after kill -9, pending invitations are still pending, delivered on connect, and expire on time', T, async () => {
    // 8 s: time enough for the kill, the restart and the checks below before any deadline.
    const srv = await startServer({ args: ['--invitation-ttl', '8'] });
    try {
      const s = scenario(srv);
      const pairs = await peoplePairs(s, 3, 'Crash');
      const accepted = await peoplePairs(s, 1, 'Settled');
      const cancelled = await peoplePairs(s, 1, 'Called off');
      const pending = [];
      for (const { a, b } of pairs) {
        const res = await s.c.invite(a, b);
        assertStatus(res, 201);
        pending.push(res.body.interview);
      }
      const acc = (await s.c.invite(accepted[0].a, accepted[0].b)).body.interview;
      assertStatus(await s.c.act(accepted[0].b, 'accept', acc.roomId), 200);
      const can = (await s.c.invite(cancelled[0].a, cancelled[0].b)).body.interview;
      assertStatus(await s.c.act(cancelled[0].a, 'cancel', can.roomId), 200);

      await srv.kill9();
      await srv.start();

      for (const [i, iv] of pending.entries()) {
        const left = ms(iv.expiresAt) - Date.now();
        assert.ok(left > 500, `${left} ms to the deadline after the restart: too little to check "still pending"`);
        const d = (await s.c.detail(pairs[i].a, iv.roomId)).body.interview;
        assert.equal(d.status, 'pending');
        assert.ok(d.expiresInMs <= left + 200 && d.expiresInMs > 0, `expiresInMs ${d.expiresInMs} vs ~${left}`);
      }
      // the invitee of the first pair connects and is handed the pending invitation; both are told of expiry on time
      const inviterTab = await connect(srv, { token: pairs[0].a.token });
      const inviteeTab = await connect(srv, { token: pairs[0].b.token });
      const got = await nextEvent(inviteeTab, 'interview-invitation-received', 2000);
      assert.equal(got.interview.roomId, pending[0].roomId);
      for (const tab of [inviterTab, inviteeTab]) {
        const ev = await nextEvent(tab, 'invitation-expired', ms(pending[0].expiresAt) - Date.now() + 3000, { withTime: true });
        assert.equal(ev.data.interview.roomId, pending[0].roomId);
        const lateness = ev.at - ms(pending[0].expiresAt);
        assert.ok(lateness >= -100 && lateness <= 1000, `expired ${lateness} ms after expiresAt`);
      }
      await sleep(Math.max(0, ms(pending.at(-1).expiresAt) + 1000 - Date.now()));
      for (const [i, iv] of pending.entries()) {
        const d = (await s.c.detail(pairs[i].b, iv.roomId)).body.interview;
        assertInterview(d, { status: 'expired', reason: 'invite_timeout' });
      }
      assert.equal((await s.c.detail(accepted[0].a, acc.roomId)).body.interview.status, 'accepted', 'an acknowledged acceptance survives kill -9');
      assert.equal((await s.c.detail(cancelled[0].a, can.roomId)).body.interview.status, 'cancelled', 'an acknowledged cancellation survives kill -9');
    } finally {
      await srv.cleanup();
    }
  });

  test('invitations whose deadline passed while the server was down are expired right after start-up and not delivered', T, async () => {
    const srv = await startServer({ args: ['--invitation-ttl', '1'] });
    try {
      const s = scenario(srv);
      const pairs = await peoplePairs(s, 3, 'Down');
      const rooms = [];
      for (const { a, b } of pairs) rooms.push((await s.c.invite(a, b)).body.interview);
      await srv.kill9();
      await sleep(Math.max(0, ms(rooms.at(-1).expiresAt) + 300 - Date.now()));
      await srv.start();
      const tab = await connect(srv, { token: pairs[0].b.token });
      await expectNoEvent(tab, 'interview-invitation-received', 300);
      await sleep(700);
      for (const [i, iv] of rooms.entries()) {
        assertInterview((await s.c.detail(pairs[i].a, iv.roomId)).body.interview, { status: 'expired', reason: 'invite_timeout' });
      }
      assertStatus(await s.c.invite(pairs[0].a, pairs[0].b), 201); // no longer counted as pending
    } finally {
      await srv.cleanup();
    }
  });

  test('a graceful restart (SIGTERM) keeps pending invitations, which then expire on time', T, async () => {
    const srv = await startServer({ args: ['--invitation-ttl', '3'] });
    try {
      const s = scenario(srv);
      const [{ a, b }] = await peoplePairs(s, 1, 'Graceful');
      const iv = (await s.c.invite(a, b)).body.interview;
      const { code, signal } = await srv.stop();
      assert.ok(code === 0 || signal === 'SIGTERM', `exit code ${code} signal ${signal}`);
      await srv.start();
      const tab = await connect(srv, { token: a.token });
      const ev = await nextEvent(tab, 'invitation-expired', ms(iv.expiresAt) - Date.now() + 3000, { withTime: true });
      assert.ok(ev.at - ms(iv.expiresAt) <= 1000 && ev.at - ms(iv.expiresAt) >= -100, 'on time');
    } finally {
      await srv.cleanup();
    }
  });

  test('actions racing a kill -9: every invitation ends in exactly one state; acknowledged actions are kept; the rest expire on time', T, async () => {
    const srv = await startServer({ args: ['--invitation-ttl', '3', '--invitation-rate-limit', '0'] });
    try {
      const s = scenario(srv);
      const pairs = await peoplePairs(s, 10, 'Chaos');
      const tabs = [];
      for (const p of pairs) {
        p.atab = await connect(srv, { token: p.a.token });
        p.btab = await connect(srv, { token: p.b.token });
        tabs.push(p.atab, p.btab);
      }
      const rooms = [];
      for (const p of pairs) rooms.push((await s.c.invite(p.a, p.b)).body.interview);
      const acks = new Array(pairs.length).fill(null);
      const fired = pairs.map((p, i) => {
        const roomId = rooms[i].roomId;
        const kind = i % 3;
        const pr = kind === 0 ? emitAck(p.btab, 'respond-to-invitation', { roomId, accept: true }, 2000)
          : kind === 1 ? emitAck(p.btab, 'respond-to-invitation', { roomId, accept: false }, 2000)
            : emitAck(p.atab, 'cancel-interview-invitation', { roomId }, 2000);
        pr.catch(() => {}); // handled below; the kill may reject it before the sleep ends
        return sleep(Math.random() * 30).then(() => pr).then((ack) => { acks[i] = ack; }, () => { /* no ack: the server died */ });
      });
      await sleep(15);
      await srv.kill9({ closeSockets: false });
      await Promise.all(fired);
      srv.closeSockets();
      await srv.start();
      await sleep(Math.max(0, ms(rooms.at(-1).expiresAt) + 1200 - Date.now()));
      const expected = { 0: 'accepted', 1: 'rejected', 2: 'cancelled' };
      for (const [i, iv] of rooms.entries()) {
        const d = assertInterview((await s.c.detail(pairs[i].a, iv.roomId)).body.interview);
        if (acks[i]?.ok) {
          assert.equal(d.status, expected[i % 3], `invitation ${i}: acknowledged ${expected[i % 3]} but found ${d.status}`);
        } else {
          assert.ok([expected[i % 3], 'expired'].includes(d.status), `invitation ${i}: ${d.status}`);
        }
      }
    } finally {
      await srv.cleanup();
    }
  });
});
