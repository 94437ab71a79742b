// Blocking (API.md v2, "Blocking, reports, reliability"): the blocks API, and the access matrix of a
// blocked pair in both directions: partner lists, invitations over REST and sockets, watch-presence,
// presence after a watch sent before the block, the offline delivery on connect; pending invitations
// ending with reason blocked; unblocking; past interviews staying.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { connect, emitAck, emitOk, nextEvent, expectNoEvent, drain } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError, assertError, assertInterview, assertIso, assertStatus } from '../lib/shapes.js';

const T = { timeout: 30_000 };

describe('blocks', () => {
  let srv, s, c;
  before(async () => { srv = await startServer(); s = scenario(srv); c = s.c; });
  after(() => srv?.cleanup());

  const block = (who, other) => c.api('POST', '/api/blocks', { token: who.token, body: { userId: other.user?.id ?? other } });
  const unblock = (who, other) => c.api('DELETE', `/api/blocks/${encodeURIComponent(other.user.id)}`, { token: who.token });
  const partnerIds = async (who) => {
    const res = await c.api('GET', '/api/users/available?limit=100', { token: who.token });
    assertStatus(res, 200);
    return res.body.users.map((u) => u.id);
  };
  const toggleAvailable = async (who, available) =>
    assertStatus(await c.api('PUT', '/api/me/profile', { token: who.token, body: { available } }), 200);

  test('POST /api/blocks answers 201 with the block, 200 when it exists; GET lists the caller\'s blocks newest first', T, async () => {
    const a = await s.person('Blocker');
    const b = await s.person('Blocked one');
    const d = await s.person('Blocked two');
    const first = await block(a, b);
    assertStatus(first, 201);
    assert.deepEqual(Object.keys(first.body), ['block']);
    assert.deepEqual(first.body.block.user, { id: b.user.id, name: 'Blocked one' });
    assertIso(first.body.block.createdAt, 'block.createdAt');
    const again = await block(a, b);
    assertStatus(again, 200);
    assert.deepEqual(again.body, first.body, 'the existing block, unchanged');
    assertStatus(await block(a, d), 201);
    const list = await c.api('GET', '/api/blocks', { token: a.token });
    assertStatus(list, 200);
    assert.deepEqual(list.body.blocks.map((x) => x.user.id), [d.user.id, b.user.id]);
    const theirs = await c.api('GET', '/api/blocks', { token: b.token });
    assert.deepEqual(theirs.body, { blocks: [] }, 'who blocked you is never listed');
  });

  test('blocking oneself is validation_failed, an unknown user not_found, a bad body validation_failed naming userId', T, async () => {
    const a = await s.person('Self blocker');
    assertError(await block(a, a), 'validation_failed', { field: 'userId' });
    assertError(await block(a, 'u_does_not_exist'), 'not_found');
    assertError(await c.api('POST', '/api/blocks', { token: a.token, body: {} }), 'validation_failed', { field: 'userId' });
    assertError(await c.api('POST', '/api/blocks', { token: a.token, body: { userId: 7 } }), 'validation_failed', { field: 'userId' });
    assertError(await c.api('POST', '/api/blocks', { body: { userId: a.user.id } }), 'unauthorized');
    const list = await c.api('GET', '/api/blocks', { token: a.token });
    assert.deepEqual(list.body, { blocks: [] });
  });

  test('DELETE /api/blocks/:userId answers 204 and restores partners and invitations; an absent block is not_found', T, async () => {
    const a = await s.person('Unblocker');
    const b = await s.person('Unblocked');
    assertStatus(await block(a, b), 201);
    assertError(await unblock(b, a), 'not_found'); // only the blocker lifts a block
    assert.ok(!(await partnerIds(b)).includes(a.user.id));
    const gone = await unblock(a, b);
    assertStatus(gone, 204);
    assert.equal(gone.text, '');
    assertError(await unblock(a, b), 'not_found');
    assert.ok((await partnerIds(a)).includes(b.user.id));
    assert.ok((await partnerIds(b)).includes(a.user.id));
    const watched = await emitOk(a.tab, 'watch-presence', { userIds: [b.user.id] });
    assert.deepEqual(watched.presence.map((p) => p.userId), [b.user.id]);
    assertStatus(await c.invite(b, a), 201);
  });

  // Both directions: who blocks whom must not matter for what either side can do to the other.
  for (const direction of ['A blocks B', 'B blocks A']) {
    describe(`a blocked pair (${direction})`, () => {
      let a, b, other, qids;
      before(async () => {
        a = await s.person(`Matrix A (${direction})`);
        b = await s.person(`Matrix B (${direction})`);
        other = await s.person(`Matrix bystander (${direction})`);
        qids = await c.questionIds(a.token, 2);
        const [blocker, blocked] = direction === 'A blocks B' ? [a, b] : [b, a];
        assertStatus(await block(blocker, blocked), 201);
      });

      test('neither is listed to the other as a partner; others still see both', T, async () => {
        const forA = await partnerIds(a);
        const forB = await partnerIds(b);
        assert.ok(!forA.includes(b.user.id), 'B hidden from A');
        assert.ok(!forB.includes(a.user.id), 'A hidden from B');
        assert.ok(forA.includes(other.user.id) && forB.includes(other.user.id));
        const forOther = await partnerIds(other);
        assert.ok(forOther.includes(a.user.id) && forOther.includes(b.user.id));
      });

      test('POST /api/interviews either way is not_found, word for word as for an unknown user', T, async () => {
        const unknown = await c.api('POST', '/api/interviews', { token: a.token, body: { inviteeId: 'u_nobody_at_all', questionIds: qids } });
        assertError(unknown, 'not_found');
        for (const [from, to] of [[a, b], [b, a]]) {
          const res = await c.invite(from, to, qids);
          assertError(res, 'not_found');
          assert.deepEqual(res.body, unknown.body);
        }
      });

      test('send-interview-invitation either way acks not_found, as for an unknown user', T, async () => {
        const unknown = await emitAck(a.tab, 'send-interview-invitation', { inviteeId: 'u_nobody_at_all', questionIds: qids });
        assertAckError(unknown, 'not_found');
        for (const [from, to] of [[a, b], [b, a]]) {
          const ack = await s.sendInvitation(from, to, qids);
          assertAckError(ack, 'not_found');
          assert.deepEqual(ack, unknown);
          await expectNoEvent(to.tab, 'interview-invitation-received', 300);
        }
      });

      test('watch-presence leaves the other out, as it does unknown ids', T, async () => {
        for (const [who, them] of [[a, b], [b, a]]) {
          const ack = await emitOk(who.tab, 'watch-presence', { userIds: [them.user.id, other.user.id, 'u_nobody_at_all'] });
          assert.deepEqual(ack.presence.map((p) => p.userId), [other.user.id]);
        }
      });
    });
  }

  for (const direction of ['the watcher blocks', 'the watched one blocks']) {
    test(`presence watched before the block stops reaching either side (${direction}); others' still comes`, T, async () => {
      const x = await s.person(`Watcher (${direction})`);
      const y = await s.person(`Watched (${direction})`);
      const z = await s.person(`Control (${direction})`);
      await emitOk(x.tab, 'watch-presence', { userIds: [y.user.id, z.user.id] });
      await emitOk(y.tab, 'watch-presence', { userIds: [x.user.id] });
      // Before the block presence flows: the channel works.
      await toggleAvailable(y, false);
      assert.equal((await nextEvent(x.tab, 'presence', 2000, { where: (p) => p.userId === y.user.id })).available, false);
      await toggleAvailable(y, true);
      await nextEvent(x.tab, 'presence', 2000, { where: (p) => p.userId === y.user.id && p.available });
      drain(x.tab); drain(y.tab);

      const [blocker, blocked] = direction === 'the watcher blocks' ? [x, y] : [y, x];
      assertStatus(await block(blocker, blocked), 201);
      await toggleAvailable(y, false);
      await toggleAvailable(x, false);
      await toggleAvailable(z, false);
      // z's change arrives: the watch of x still works for others, and arrives after y's would have.
      await nextEvent(x.tab, 'presence', 2000, { where: (p) => p.userId === z.user.id });
      await expectNoEvent(x.tab, 'presence', 300, { where: (p) => p.userId === y.user.id });
      await expectNoEvent(y.tab, 'presence', 300, { where: (p) => p.userId === x.user.id });
    });
  }

  for (const direction of ['the inviter blocks', 'the invitee blocks']) {
    test(`the offline delivery on connect leaves out invitations between a blocked pair (${direction})`, T, async () => {
      const a = await s.person(`Offline inviter (${direction})`);
      const b = await c.readyUser(`Offline invitee (${direction})`); // no socket: offline
      const z = await s.person(`Offline other inviter (${direction})`);
      const sent = await c.invite(a, b);
      assertStatus(sent, 201);
      assert.equal(sent.body.inviteeOnline, false);
      assertStatus(await c.invite(z, b), 201);
      if (direction === 'the inviter blocks') assertStatus(await block(a, b), 201);
      else assertStatus(await block(b, a), 201);
      const tab = await connect(srv, { token: b.token });
      const got = await nextEvent(tab, 'interview-invitation-received', 2000);
      assert.equal(got.from.id, z.user.id, 'the other invitation still arrives');
      await expectNoEvent(tab, 'interview-invitation-received', 400, { where: (d) => d.from.id === a.user.id });
    });
  }

  test('the invitee blocking ends the pending invitation as rejected (blocked); every tab of both is told, once', T, async () => {
    const a = await s.person('Pending inviter', { tabs: 2 });
    const b = await s.person('Pending invitee blocks', { tabs: 2 });
    const iv = await s.invited(a, b);
    await s.onEveryTab(b.tabs, 'interview-invitation-received', iv.roomId);
    assertStatus(await block(b, a), 201);
    const events = await s.onEveryTab([...a.tabs, ...b.tabs], 'invitation-rejected', iv.roomId);
    for (const ev of events) assertInterview(ev.interview, { roomId: iv.roomId, status: 'rejected', reason: 'blocked' });
    assertStatus(await block(b, a), 200);
    for (const t of [...a.tabs, ...b.tabs]) {
      await expectNoEvent(t, 'invitation-rejected', 300, s.aboutRoom(iv.roomId));
      await expectNoEvent(t, 'invitation-cancelled', 0, s.aboutRoom(iv.roomId));
    }
    assertInterview((await c.detail(a, iv.roomId)).body.interview, { status: 'rejected', reason: 'blocked' });
    assertError(await c.act(b, 'accept', iv.roomId), 'conflict');
  });

  test('the inviter blocking ends the pending invitation as cancelled (blocked); both are told, once', T, async () => {
    const a = await s.person('Pending inviter blocks');
    const b = await s.person('Pending invitee');
    const iv = await s.invited(a, b);
    assertStatus(await block(a, b), 201);
    const events = await s.onEveryTab([a.tab, b.tab], 'invitation-cancelled', iv.roomId);
    for (const ev of events) assertInterview(ev.interview, { roomId: iv.roomId, status: 'cancelled', reason: 'blocked' });
    for (const t of [a.tab, b.tab]) await expectNoEvent(t, 'invitation-cancelled', 300, s.aboutRoom(iv.roomId));
    // The inviter may invite someone else at once: nothing is pending any more.
    const z = await s.person('Next invitee');
    assertStatus(await c.invite(a, z), 201);
  });

  test('past interviews stay in both histories and their detail stays readable', T, async () => {
    const a = await s.person('History A');
    const b = await s.person('History B');
    const iv = await s.accepted(a, b);
    assertStatus(await c.act(a, 'complete', iv.roomId), 200);
    assertStatus(await block(a, b), 201);
    for (const who of [a, b]) {
      const list = await c.api('GET', '/api/interviews', { token: who.token });
      assertStatus(list, 200);
      assert.deepEqual(list.body.interviews.map((x) => x.roomId), [iv.roomId]);
      assertInterview((await c.detail(who, iv.roomId)).body.interview, { status: 'completed', absent: null });
    }
  });
});
