// GET /api/me and PUT /api/me/profile: defaults, partial updates, the completeness rule, every limit.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor, COMPLETE_PROFILE } from '../lib/http.js';
import { assertError, assertStatus, assertUser, assertProfile, LEVELS } from '../lib/shapes.js';

const T = { timeout: 30_000 };

describe('profile', () => {
  let srv, c;
  before(async () => { srv = await startServer(); c = clientFor(srv); });
  after(() => srv?.cleanup());

  const me = async (u) => {
    const res = await c.api('GET', '/api/me', { token: u.token });
    assertStatus(res, 200);
    return res.body;
  };
  const put = (u, body) => c.api('PUT', '/api/me/profile', { token: u.token, body });

  test('GET /api/me answers {user, profile, profileComplete}; a new profile is incomplete and available', T, async () => {
    const u = await c.register('Fresh');
    const body = await me(u);
    assert.deepEqual(Object.keys(body).sort(), ['profile', 'profileComplete', 'user']);
    assertUser(body.user, { withEmail: true });
    assert.equal(body.user.email, u.email);
    assertProfile(body.profile);
    assert.equal(body.profileComplete, false);
    assert.equal(body.profile.available, true, 'available defaults to true');
    assert.deepEqual(body.profile.topics, []);
    assert.deepEqual(body.profile.languages, []);
    assert.equal(body.profile.experienceLevel, null);
  });

  test('PUT /api/me/profile answers 200 {profile, profileComplete} and GET /api/me shows the same', T, async () => {
    const u = await c.register('Full');
    const res = await put(u, COMPLETE_PROFILE);
    assertStatus(res, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['profile', 'profileComplete']);
    assertProfile(res.body.profile);
    for (const [k, v] of Object.entries(COMPLETE_PROFILE)) assert.deepEqual(res.body.profile[k], v, k);
    assert.equal(res.body.profileComplete, true);
    const body = await me(u);
    assert.deepEqual(body.profile, res.body.profile);
    assert.equal(body.profileComplete, true);
  });

  test('absent fields stay as they are', T, async () => {
    const u = await c.register('Partial');
    const full = (await put(u, COMPLETE_PROFILE)).body.profile;
    const res = await put(u, { headline: 'Only the headline changes' });
    assertStatus(res, 200);
    assert.deepEqual(res.body.profile, { ...full, headline: 'Only the headline changes' });
    assertStatus(await put(u, {}), 200);
    assert.deepEqual((await me(u)).profile, { ...full, headline: 'Only the headline changes' });
  });

  test('a profile is complete exactly when targetRole, experienceLevel and at least one topic are set', T, async () => {
    const u = await c.register('Completeness');
    let r = await put(u, { targetRole: 'SRE' });
    assert.equal(r.body.profileComplete, false, 'targetRole only');
    r = await put(u, { experienceLevel: 'junior' });
    assert.equal(r.body.profileComplete, false, 'targetRole + level, no topic');
    r = await put(u, { topics: ['networking'] });
    assert.equal(r.body.profileComplete, true, 'all three');
    assert.equal((await me(u)).profileComplete, true);
    r = await put(u, { topics: [] });
    assert.equal(r.body.profileComplete, false, 'topics emptied');
    const v = await c.register('Completeness 2');
    r = await put(v, { experienceLevel: 'senior', topics: ['dp'] });
    assert.equal(r.body.profileComplete, false, 'level + topic, no targetRole');
    r = await put(v, { targetRole: 'Frontend Engineer', headline: 'h', bio: 'b', languages: ['Polish'], timezone: 'Europe/Warsaw' });
    assert.equal(r.body.profileComplete, true);
  });

  test('available is the user\'s own switch', T, async () => {
    const u = await c.register('Switch');
    assert.equal((await put(u, { available: false })).body.profile.available, false);
    assert.equal((await me(u)).profile.available, false);
    assert.equal((await put(u, { available: true })).body.profile.available, true);
  });

  test('every experienceLevel of the enum is accepted, anything else is validation_failed', T, async () => {
    const u = await c.register('Levels');
    for (const level of LEVELS) {
      const r = await put(u, { experienceLevel: level });
      assertStatus(r, 200);
      assert.equal(r.body.profile.experienceLevel, level);
    }
    for (const bad of ['expert', 'Senior', '', 3]) {
      assertError(await put(u, { experienceLevel: bad }), 'validation_failed', { field: 'experienceLevel' });
    }
  });

  const limits = [
    ['headline', 120], ['targetRole', 80], ['bio', 2000],
  ];
  for (const [field, max] of limits) {
    test(`${field}: ${max} characters accepted, ${max + 1} is validation_failed`, T, async () => {
      const u = await c.register(`Limit ${field}`);
      const ok = await put(u, { [field]: 'a'.repeat(max) });
      assertStatus(ok, 200);
      assert.equal(ok.body.profile[field], 'a'.repeat(max));
      assertError(await put(u, { [field]: 'b'.repeat(max + 1) }), 'validation_failed', { field });
      assert.equal((await me(u)).profile[field], 'a'.repeat(max), 'unchanged after the failure');
      assertError(await put(u, { [field]: 42 }), 'validation_failed', { field });
    });
  }

  test('limits count characters: a headline of 120 non-ASCII characters is accepted', T, async () => {
    const u = await c.register('Unicode');
    const r = await put(u, { headline: 'ü'.repeat(120) });
    assertStatus(r, 200);
    assert.equal(r.body.profile.headline, 'ü'.repeat(120));
  });

  test('topics: at most 20, each at most 40 characters, strings only', T, async () => {
    const u = await c.register('Topics');
    const twenty = Array.from({ length: 20 }, (_, i) => `topic-${i}`);
    const r = await put(u, { topics: twenty });
    assertStatus(r, 200);
    assert.deepEqual(r.body.profile.topics, twenty);
    assertError(await put(u, { topics: [...twenty, 'one-more'] }), 'validation_failed', { field: 'topics' });
    assertStatus(await put(u, { topics: ['t'.repeat(40)] }), 200);
    assertError(await put(u, { topics: ['t'.repeat(41)] }), 'validation_failed', { field: 'topics' });
    assertError(await put(u, { topics: 'graphs' }), 'validation_failed', { field: 'topics' });
    assertError(await put(u, { topics: [7] }), 'validation_failed', { field: 'topics' });
    assert.deepEqual((await me(u)).profile.topics, ['t'.repeat(40)]);
  });

  test('languages: at most 10', T, async () => {
    const u = await c.register('Languages');
    const ten = ['English', 'German', 'French', 'Polish', 'Spanish', 'Italian', 'Dutch', 'Czech', 'Greek', 'Hindi'];
    assertStatus(await put(u, { languages: ten }), 200);
    assertError(await put(u, { languages: [...ten, 'Welsh'] }), 'validation_failed', { field: 'languages' });
    assertError(await put(u, { languages: 'English' }), 'validation_failed', { field: 'languages' });
    assert.deepEqual((await me(u)).profile.languages, ten);
  });

  test('timezone must be an IANA name', T, async () => {
    const u = await c.register('Timezone');
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      const r = await put(u, { timezone: tz });
      assertStatus(r, 200);
      assert.equal(r.body.profile.timezone, tz);
    }
    for (const bad of ['Mars/Olympus_Mons', 'GMT+25', 'berlin', '../../etc/passwd', 5]) {
      assertError(await put(u, { timezone: bad }), 'validation_failed', { field: 'timezone' });
    }
    assert.equal((await me(u)).profile.timezone, 'UTC');
  });

  test('available must be a boolean', T, async () => {
    const u = await c.register('Bool');
    assertError(await put(u, { available: 'yes' }), 'validation_failed', { field: 'available' });
    assertError(await put(u, { available: 1 }), 'validation_failed', { field: 'available' });
  });

  test('a request with one invalid field changes nothing, not even its valid fields', T, async () => {
    const u = await c.register('Atomic');
    const before = (await put(u, COMPLETE_PROFILE)).body.profile;
    assertError(await put(u, { headline: 'changed', bio: 'x'.repeat(2001) }), 'validation_failed', { field: 'bio' });
    assert.deepEqual((await me(u)).profile, before);
  });

  test('malformed JSON is 400 malformed_json', T, async () => {
    const u = await c.register('Broken');
    assertError(await c.api('PUT', '/api/me/profile', { token: u.token, rawBody: '{"headline": "x",' }), 'malformed_json');
  });
});
