// GET /api/users/available: who is listed, the partner shape, matchScore order, filters and pagination.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor } from '../lib/http.js';
import { assertError, assertStatus, assertPartner } from '../lib/shapes.js';

const T = { timeout: 60_000 };

describe('available partners', () => {
  let srv, c, caller, listed, incomplete, unavailable, senior, rustacean, named;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
    caller = await c.readyUser('Caller', { topics: ['graphs', 'dynamic-programming'], experienceLevel: 'mid' });
    listed = [];
    for (let i = 0; i < 5; i++) listed.push(await c.readyUser(`Listed ${i}`, { topics: i % 2 ? ['graphs'] : ['behavioral'], experienceLevel: i % 2 ? 'mid' : 'junior' }));
    senior = await c.readyUser('Senior Person', { experienceLevel: 'senior', topics: ['system-design'] });
    rustacean = await c.readyUser('Topic Holder', { topics: ['rust-ownership', 'graphs'], experienceLevel: 'staff' });
    named = await c.readyUser('Zebulon Quimby', { topics: ['sql'], experienceLevel: 'student' });
    listed.push(senior, rustacean, named);
    incomplete = await c.register('Incomplete Person');
    await c.api('PUT', '/api/me/profile', { token: incomplete.token, body: { targetRole: 'Dev', experienceLevel: 'mid' } });
    unavailable = await c.readyUser('Do Not Disturb', { available: false });
  });
  after(() => srv?.cleanup());

  const get = async (who, query = {}) => {
    const res = await c.api('GET', `/api/users/available?${new URLSearchParams(query)}`, { token: who.token });
    assertStatus(res, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['nextCursor', 'users']);
    res.body.users.forEach(assertPartner);
    return res.body;
  };
  const all = async (who, query = {}) => {
    const users = [];
    let cursor = null;
    for (let page = 0; page < 50; page++) {
      const body = await get(who, cursor ? { ...query, cursor } : query);
      users.push(...body.users);
      cursor = body.nextCursor;
      if (cursor === null) return users;
    }
    assert.fail('pagination does not end');
  };

  test('lists exactly the users with complete, available profiles, never the caller', T, async () => {
    const ids = (await all(caller)).map((p) => p.id).sort();
    assert.deepEqual(ids, listed.map((u) => u.user.id).sort());
  });

  test('partner shape: {id, name, profile, online, busy, matchScore} and no email', T, async () => {
    const users = await all(caller);
    const p = users.find((x) => x.id === senior.user.id);
    assert.equal(p.name, 'Senior Person');
    assert.equal(p.profile.experienceLevel, 'senior');
    assert.deepEqual(p.profile.topics, ['system-design']);
    assert.equal(p.online, false, 'nobody is connected');
    assert.equal(p.busy, false);
    for (const u of users) assert.ok(!Object.hasOwn(u, 'email'));
  });

  test('matchScore is an integer 0..100 and the list is ordered by it, highest first', T, async () => {
    const users = await all(caller);
    for (let i = 1; i < users.length; i++) {
      assert.ok(users[i - 1].matchScore >= users[i].matchScore, `order broken at ${i}: ${users.map((u) => u.matchScore)}`);
    }
  });

  test('a partner sharing topics and level scores at least as high as one sharing nothing', T, async () => {
    const users = await all(caller);
    const close = users.find((u) => u.id === listed[1].user.id); // graphs, mid
    const far = users.find((u) => u.id === named.user.id);       // sql, student
    assert.ok(close.matchScore >= far.matchScore, `${close.matchScore} < ${far.matchScore}`);
  });

  test('the caller is never listed, whoever asks', T, async () => {
    for (const who of [listed[0], senior, incomplete, unavailable]) {
      const ids = (await all(who)).map((p) => p.id);
      assert.ok(!ids.includes(who.user.id));
    }
  });

  test('topic filter keeps partners having that topic', T, async () => {
    const users = await all(caller, { topic: 'rust-ownership' });
    assert.deepEqual(users.map((u) => u.id), [rustacean.user.id]);
    const graphs = await all(caller, { topic: 'graphs' });
    assert.ok(graphs.length >= 3);
    assert.ok(graphs.every((u) => u.profile.topics.includes('graphs')));
  });

  test('level filter keeps partners of that experience level', T, async () => {
    assert.deepEqual((await all(caller, { level: 'senior' })).map((u) => u.id), [senior.user.id]);
    const juniors = await all(caller, { level: 'junior' });
    assert.ok(juniors.length >= 2 && juniors.every((u) => u.profile.experienceLevel === 'junior'));
  });

  test('an unknown level is validation_failed', T, async () => {
    assertError(await c.api('GET', '/api/users/available?level=wizard', { token: caller.token }), 'validation_failed', { field: 'level' });
  });

  test('q searches names case-insensitively', T, async () => {
    const users = await all(caller, { q: 'zEBULON' });
    assert.deepEqual(users.map((u) => u.id), [named.user.id]);
    assert.deepEqual(await all(caller, { q: 'no-such-person-xyz' }), []);
  });

  test('q with several words finds a name containing them', T, async () => {
    assert.deepEqual((await all(caller, { q: 'zebulon quimby' })).map((u) => u.id), [named.user.id]);
    assert.deepEqual((await all(caller, { q: 'Senior Person' })).map((u) => u.id), [senior.user.id]);
  });

  test('filters combine', T, async () => {
    assert.deepEqual((await all(caller, { topic: 'graphs', level: 'staff' })).map((u) => u.id), [rustacean.user.id]);
    assert.deepEqual(await all(caller, { topic: 'graphs', level: 'student' }), []);
  });

  test('limit and cursor page through the same ordered list without duplicates or gaps', T, async () => {
    const full = await all(caller);
    for (const limit of [1, 2, 3]) {
      const seen = [];
      let cursor = null;
      let pages = 0;
      do {
        const body = await get(caller, cursor ? { limit, cursor } : { limit });
        assert.ok(body.users.length <= limit, `page larger than limit ${limit}`);
        if (body.nextCursor !== null) {
          assert.equal(body.users.length, limit, 'only the last page may be short');
          assert.equal(typeof body.nextCursor, 'string');
        }
        seen.push(...body.users.map((u) => u.id));
        cursor = body.nextCursor;
        pages += 1;
        assert.ok(pages <= full.length + 1, 'pagination does not end');
      } while (cursor !== null);
      assert.equal(new Set(seen).size, seen.length, `duplicates with limit ${limit}`);
      assert.deepEqual(seen, full.map((u) => u.id), `limit ${limit}`);
    }
  });

  test('the last page has nextCursor null', T, async () => {
    const body = await get(caller, { limit: 100 });
    assert.equal(body.nextCursor, null);
    assert.equal(body.users.length, listed.length);
  });

  test('an invalid limit or cursor is validation_failed naming it', T, async () => {
    for (const limit of ['0', '-1', 'ten']) {
      assertError(await c.api('GET', `/api/users/available?limit=${limit}`, { token: caller.token }), 'validation_failed', { field: 'limit' });
    }
    assertError(await c.api('GET', '/api/users/available?cursor=%21%21not-a-cursor%21%21', { token: caller.token }), 'validation_failed', { field: 'cursor' });
  });

  test('a user who turns unavailable or empties their topics disappears from the list, and comes back', T, async () => {
    const u = await c.readyUser('Comes and goes');
    assert.ok((await all(caller)).some((p) => p.id === u.user.id));
    await c.api('PUT', '/api/me/profile', { token: u.token, body: { available: false } });
    assert.ok(!(await all(caller)).some((p) => p.id === u.user.id), 'unavailable');
    await c.api('PUT', '/api/me/profile', { token: u.token, body: { available: true, topics: [] } });
    assert.ok(!(await all(caller)).some((p) => p.id === u.user.id), 'incomplete');
    await c.api('PUT', '/api/me/profile', { token: u.token, body: { topics: ['graphs'] } });
    assert.ok((await all(caller)).some((p) => p.id === u.user.id), 'back');
    await c.api('PUT', '/api/me/profile', { token: u.token, body: { available: false } });
  });

  test('users in an accepted interview are listed with busy: true', T, async () => {
    const a = await c.readyUser('Busy A');
    const b = await c.readyUser('Busy B');
    const inv = await c.invite(a, b);
    assertStatus(inv, 201);
    assertStatus(await c.act(b, 'accept', inv.body.interview.roomId), 200);
    const users = await all(caller);
    assert.equal(users.find((p) => p.id === a.user.id)?.busy, true);
    assert.equal(users.find((p) => p.id === b.user.id)?.busy, true);
    assertStatus(await c.act(a, 'complete', inv.body.interview.roomId), 200);
    const after = await all(caller);
    assert.equal(after.find((p) => p.id === a.user.id)?.busy, false, 'not busy once completed');
    for (const u of [a, b]) await c.api('PUT', '/api/me/profile', { token: u.token, body: { available: false } });
  });
});
