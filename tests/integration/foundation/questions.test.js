// GET /api/questions: the seeded bank, its shape and its filters.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor } from '../lib/http.js';
import { assertError, assertStatus, assertQuestion, CATEGORIES, DIFFICULTIES } from '../lib/shapes.js';

const T = { timeout: 30_000 };

describe('question bank', () => {
  let srv, c, u, all;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
    u = await c.register('Reader');
    const res = await c.api('GET', '/api/questions', { token: u.token });
    assertStatus(res, 200);
    all = res.body.questions;
  });
  after(() => srv?.cleanup());

  const list = async (query) => {
    const res = await c.api('GET', `/api/questions?${new URLSearchParams(query)}`, { token: u.token });
    assertStatus(res, 200);
    assert.deepEqual(Object.keys(res.body), ['questions']);
    return res.body.questions;
  };

  test('a fresh database is seeded with at least 60 questions of the documented shape', T, () => {
    assert.ok(Array.isArray(all));
    assert.ok(all.length >= 60, `only ${all.length} questions`);
    all.forEach(assertQuestion);
    for (const q of all) {
      assert.deepEqual(Object.keys(q).sort(), ['body', 'category', 'difficulty', 'id', 'tests', 'title'], 'exactly the documented fields (no interviewer hints)');
    }
  });

  test('question ids are unique', T, () => {
    assert.equal(new Set(all.map((q) => q.id)).size, all.length);
  });

  test('every category and every difficulty is represented', T, () => {
    for (const cat of CATEGORIES) {
      for (const d of DIFFICULTIES) {
        assert.ok(all.some((q) => q.category === cat && q.difficulty === d), `${cat}/${d}`);
      }
    }
  });

  test('category filter returns exactly the questions of that category', T, async () => {
    for (const cat of CATEGORIES) {
      const qs = await list({ category: cat });
      assert.ok(qs.length > 0, cat);
      assert.ok(qs.every((q) => q.category === cat), cat);
      assert.equal(qs.length, all.filter((q) => q.category === cat).length, cat);
    }
  });

  test('difficulty filter returns exactly the questions of that difficulty', T, async () => {
    for (const d of DIFFICULTIES) {
      const qs = await list({ difficulty: d });
      assert.equal(qs.length, all.filter((q) => q.difficulty === d).length, d);
      assert.ok(qs.every((q) => q.difficulty === d));
    }
  });

  test('category and difficulty combine', T, async () => {
    const qs = await list({ category: 'system-design', difficulty: 'hard' });
    assert.ok(qs.length > 0);
    assert.ok(qs.every((q) => q.category === 'system-design' && q.difficulty === 'hard'));
    assert.equal(qs.length, all.filter((q) => q.category === 'system-design' && q.difficulty === 'hard').length);
  });

  test('q searches the text case-insensitively', T, async () => {
    const target = all.find((q) => q.title.split(/\s+/).some((w) => w.length >= 6)) ?? all[0];
    const word = target.title.split(/\s+/).find((w) => w.length >= 6) ?? target.title;
    const needle = word.replace(/[^A-Za-z]/g, '').toUpperCase();
    const qs = await list({ q: needle });
    assert.ok(qs.some((q) => q.id === target.id), `searching "${needle}" should find "${target.title}"`);
    for (const q of qs) {
      assert.ok(`${q.title}\n${q.body}`.toLowerCase().includes(needle.toLowerCase()), `"${q.title}" does not mention ${needle}`);
    }
  });

  test('q with no match answers an empty list', T, async () => {
    assert.deepEqual(await list({ q: 'zzqxj-no-such-question-zzqxj' }), []);
  });

  test('an unknown category or difficulty is validation_failed naming it', T, async () => {
    assertError(await c.api('GET', '/api/questions?category=cooking', { token: u.token }), 'validation_failed', { field: 'category' });
    assertError(await c.api('GET', '/api/questions?difficulty=extreme', { token: u.token }), 'validation_failed', { field: 'difficulty' });
  });

  test('the listing is stable between calls', T, async () => {
    assert.deepEqual(await list({}), all);
  });
});
