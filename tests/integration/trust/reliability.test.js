// `absent` on abandoned interviews and `reliability` on partners and on the `from` of
// interview-invitation-received (API.md v2), after completed, no_show and left interviews, for both
// participants. Short grace (--rejoin-grace 1), as in room/lifecycle.test.js.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { emitOk, nextEvent, close } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertInterview, assertStatus } from '../lib/shapes.js';

const T = { timeout: 40_000 };
const GRACE_MS = 1000;

describe('absent and reliability (--rejoin-grace 1)', () => {
  let srv, s, c;
  before(async () => { srv = await startServer({ args: ['--rejoin-grace', '1'] }); s = scenario(srv); c = s.c; });
  after(() => srv?.cleanup());

  const ended = (who, roomId) => nextEvent(who.tab, 'interview-ended', GRACE_MS + 4000, s.aboutRoom(roomId));

  async function completed(a, b) {
    const iv = await s.accepted(a, b);
    await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
    const done = await emitOk(a.tab, 'end-interview', { roomId: iv.roomId });
    assertInterview(done.interview, { status: 'completed', absent: null });
    return iv.roomId;
  }

  async function reliabilityOf(viewer, users) {
    const res = await c.api('GET', '/api/users/available?limit=100', { token: viewer.token });
    assertStatus(res, 200);
    const out = {};
    for (const u of users) {
      const p = res.body.users.find((x) => x.id === u.user.id);
      assert.ok(p, `${u.user.name} is listed`);
      out[u.user.name] = p.reliability;
    }
    return out;
  }

  test('absent names the missing participant of a no_show and of a left interview, null otherwise; reliability counts them', T, async () => {
    const ann = await s.person('Rel Ann');
    const ben = await s.person('Rel Ben');
    const cat = await s.person('Rel Cat');
    const dan = await s.person('Rel Dan');
    const viewer = await s.person('Rel Viewer');

    // Ann and Ben complete one.
    await completed(ann, ben);

    // Ann joins, Cat never does: no_show, Cat absent.
    const noShow = await s.accepted(ann, cat);
    assertInterview(noShow, { status: 'accepted', absent: null });
    await emitOk(ann.tab, 'join-room', { roomId: noShow.roomId });
    for (const who of [ann, cat]) {
      const ev = await ended(who, noShow.roomId);
      assertInterview(ev.interview, { status: 'abandoned', reason: 'no_show', absent: cat.user.id });
    }
    assertInterview((await c.detail(ann, noShow.roomId)).body.interview, { absent: cat.user.id });

    // Ann and Dan start; Dan leaves for good: left, Dan absent.
    const left = await s.accepted(dan, ann);
    await emitOk(ann.tab, 'join-room', { roomId: left.roomId });
    await emitOk(dan.tab, 'join-room', { roomId: left.roomId });
    await nextEvent(ann.tab, 'interview-started', 2000, s.aboutRoom(left.roomId));
    close(srv, dan.tab);
    const ev = await ended(ann, left.roomId);
    assertInterview(ev.interview, { status: 'abandoned', reason: 'left', absent: dan.user.id });
    dan.tab = await s.openTab(dan);
    assertInterview((await c.detail(dan, left.roomId)).body.interview, { absent: dan.user.id });

    // Nobody joins: nobody is singled out.
    const nobody = await s.accepted(ben, cat);
    const none = await ended(ben, nobody.roomId);
    assertInterview(none.interview, { status: 'abandoned', reason: 'no_show', absent: null });

    assert.deepEqual(await reliabilityOf(viewer, [ann, ben, cat, dan]), {
      'Rel Ann': { completed: 1, noShows: 0, left: 0, score: null },
      'Rel Ben': { completed: 1, noShows: 0, left: 0, score: null },
      'Rel Cat': { completed: 0, noShows: 1, left: 0, score: null },
      'Rel Dan': { completed: 0, noShows: 0, left: 1, score: null },
    });

    // From three interviews on there is a score: Dan completes two more, Ben two more.
    await completed(dan, ben);
    await completed(ben, dan);
    const after3 = await reliabilityOf(viewer, [ben, dan]);
    assert.deepEqual(after3['Rel Ben'], { completed: 3, noShows: 0, left: 0, score: 1 });
    assert.equal(after3['Rel Dan'].completed, 2);
    assert.equal(after3['Rel Dan'].left, 1);
    assert.ok(Math.abs(after3['Rel Dan'].score - 2 / 3) < 1e-9, `score ${after3['Rel Dan'].score}`);

    // The invitee sees the inviter's record in `from`, live and on connecting.
    const iv = await s.invited(dan, viewer);
    const live = await nextEvent(viewer.tab, 'interview-invitation-received', 2000, s.aboutRoom(iv.roomId));
    assert.deepEqual(live.from.reliability, after3['Rel Dan']);
    const again = await s.openTab(viewer);
    const onConnect = await nextEvent(again, 'interview-invitation-received', 2000, s.aboutRoom(iv.roomId));
    assert.deepEqual(onConnect.from.reliability, after3['Rel Dan']);
  });

  test('a new user\'s reliability is all zeros with a null score; other statuses carry absent null', T, async () => {
    const fresh = await s.person('Rel Fresh');
    const viewer = await s.person('Rel Viewer 2');
    assert.deepEqual((await reliabilityOf(viewer, [fresh]))['Rel Fresh'], { completed: 0, noShows: 0, left: 0, score: null });
    const iv = await s.invited(fresh, viewer);
    assertInterview(iv, { status: 'pending', absent: null });
    const res = await c.act(viewer, 'reject', iv.roomId);
    assertInterview(res.body.interview, { status: 'rejected', absent: null });
  });
});
