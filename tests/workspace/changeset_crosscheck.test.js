// The server's change-set code against the real @codemirror/state: thousands of random documents
// (emoji and other surrogate pairs, accents, CJK, newlines) and random change sets made with the
// library (ChangeSet.of specs, sequences of updates, composed sequences); build/changeset-apply
// must produce exactly the library's text, read every toJSON() and write it back identically, and
// refuse exactly what it must (wrong lengths, a split surrogate pair, malformed shapes).
// MOCKMATE_CHANGESET_SEED picks another pseudo-random sequence (the default keeps runs repeatable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ChangeSet, Text } from '@codemirror/state';
import { buildPath } from '../lib/spawn.js';

const SEED = Number(process.env.MOCKMATE_CHANGESET_SEED ?? 20261123);
const TOOL = buildPath('changeset-apply');

// mulberry32: small, seedable, good enough for test data.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'b', 'z', ' ', '\t', '\n', '\n', 'é', '中', '😀', '👍🏽', '𝒳', '{', '"', '\\'];
const INSERT_BREAKS = ['\n', '\r\n', '\r']; // the library splits inserted text on all three

function makeRandom(seed) {
  const rnd = prng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[int(list.length)];
  const text = (maxPieces, breaks = ['\n']) => {
    let s = '';
    const n = int(maxPieces + 1);
    for (let i = 0; i < n; i++) s += rnd() < 0.1 ? pick(breaks) : pick(PIECES);
    return s;
  };
  const doc = () => (rnd() < 0.05 ? text(400) : text(40));
  // Positions an editor can produce: never between the halves of a surrogate pair.
  const boundaries = (s) => {
    const out = [0];
    for (let i = 1; i <= s.length; i++) if (!(isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)))) out.push(i);
    return out;
  };
  // A random ChangeSet.of spec list for `s`: overlapping and unordered specs included.
  const specs = (s, anywhere = false) => {
    const cuts = anywhere ? Array.from({ length: s.length + 1 }, (_, i) => i) : boundaries(s);
    const list = [];
    const n = int(5);
    for (let i = 0; i < n; i++) {
      let from = pick(cuts), to = pick(cuts);
      if (from > to) [from, to] = [to, from];
      if (rnd() < 0.4) to = from;
      const insert = rnd() < 0.25 ? '' : text(6, INSERT_BREAKS);
      list.push({ from, to, insert });
    }
    return list;
  };
  return { rnd, int, pick, text, doc, specs };
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
function wellFormed(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c)) {
      if (!isLow(s.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLow(c)) {
      return false;
    }
  }
  return true;
}

const textOf = (s) => Text.of(s.split('\n'));
const applyLib = (cs, s) => cs.apply(textOf(s)).toString();

// One process for a whole batch: each input line gives one output line.
function runTool(inputs) {
  const out = execFileSync(TOOL, { input: inputs.map((i) => JSON.stringify(i)).join('\n') + '\n', maxBuffer: 256 << 20 });
  const lines = out.toString('utf8').split('\n').filter((l) => l.length > 0);
  assert.equal(lines.length, inputs.length, 'one answer per input line');
  return lines.map((l) => JSON.parse(l));
}

function expectDoc(answer, expected, what) {
  assert.ok(!answer.error, `${what}: refused with ${JSON.stringify(answer.error)} (seed ${SEED})`);
  assert.equal(answer.doc, expected, `${what} (seed ${SEED})`);
}

test('single random change sets give the library\'s text and serialize back identically', () => {
  const r = makeRandom(SEED);
  const cases = [];
  for (let i = 0; i < 3000; i++) {
    const doc = r.doc();
    const cs = ChangeSet.of(r.specs(doc), doc.length);
    const json = cs.toJSON();
    assert.ok(JSON.stringify(json).length > 0 && json.every((p) => typeof p === 'number' || p.slice(1).every(wellFormed)));
    cases.push({ doc, json, expected: applyLib(cs, doc) });
  }
  const answers = runTool(cases.map(({ doc, json }) => ({ doc, changes: json })));
  answers.forEach((a, i) => {
    const c = cases[i];
    expectDoc(a, c.expected, `case ${i}: ${JSON.stringify({ doc: c.doc, changes: c.json })}`);
    assert.equal(JSON.stringify(a.changes), JSON.stringify(c.json), `case ${i}: written back differently`);
  });
  assert.ok(cases.some((c) => /[\ud800-\udbff]/.test(c.doc) && c.json.length > 1), 'surrogate pairs were exercised');
  assert.ok(cases.some((c) => c.doc === ''), 'empty documents were exercised');
});

test('sequences of updates (a push) and their composition give the library\'s text', () => {
  const r = makeRandom(SEED + 1);
  const pushes = [];
  const composed = [];
  const expected = [];
  for (let i = 0; i < 1500; i++) {
    let doc = r.doc();
    const start = doc;
    const steps = 1 + r.int(r.rnd() < 0.05 ? 100 : 6); // up to 100 updates in one push
    const updates = [];
    let total = null;
    for (let k = 0; k < steps; k++) {
      const cs = ChangeSet.of(r.specs(doc), doc.length);
      updates.push({ clientID: `client-${r.int(3)}`, changes: cs.toJSON() });
      total = total ? total.compose(cs) : cs;
      doc = applyLib(cs, doc);
    }
    const totalJson = total.toJSON();
    assert.ok(totalJson.every((p) => typeof p === 'number' || p.slice(1).every(wellFormed)), 'composition keeps pairs whole');
    pushes.push({ doc: start, updates });
    composed.push({ doc: start, changes: totalJson });
    expected.push(doc);
  }
  const seq = runTool(pushes);
  const one = runTool(composed);
  for (let i = 0; i < expected.length; i++) {
    expectDoc(seq[i], expected[i], `push ${i}: ${JSON.stringify(pushes[i])}`);
    assert.equal(JSON.stringify(seq[i].updates), JSON.stringify(pushes[i].updates), `push ${i}: written back differently`);
    expectDoc(one[i], expected[i], `composed ${i}: ${JSON.stringify(composed[i])}`);
  }
});

test('a change that splits a surrogate pair is refused exactly when the library would leave half of one', () => {
  const r = makeRandom(SEED + 2);
  const cases = [];
  for (let i = 0; i < 3000; i++) {
    let doc = r.doc();
    if (!/[\ud800-\udbff]/.test(doc)) doc += '😀';
    const cs = ChangeSet.of(r.specs(doc, true), doc.length);
    cases.push({ doc, json: cs.toJSON(), expected: applyLib(cs, doc) });
  }
  const answers = runTool(cases.map(({ doc, json }) => ({ doc, changes: json })));
  let refused = 0;
  answers.forEach((a, i) => {
    const c = cases[i];
    if (wellFormed(c.expected)) {
      expectDoc(a, c.expected, `case ${i}: ${JSON.stringify({ doc: c.doc, changes: c.json })}`);
    } else {
      refused++;
      assert.equal(a.error?.code, 'validation_failed', `case ${i} leaves half a pair: ${JSON.stringify(c)}`);
    }
  });
  assert.ok(refused > 100 && refused < cases.length - 100, `both outcomes exercised (${refused} refused)`);
});

test('change sets of the wrong length are refused, as the library refuses them', () => {
  const r = makeRandom(SEED + 3);
  const inputs = [];
  for (let i = 0; i < 1000; i++) {
    const doc = r.doc() + 'x';
    const cs = ChangeSet.of(r.specs(doc), doc.length);
    const other = r.rnd() < 0.5 ? doc.slice(0, -1) : doc + r.pick(['y', '😀', '\n']);
    assert.throws(() => cs.apply(textOf(other)), RangeError);
    inputs.push({ doc: other, changes: cs.toJSON() });
    // The same mistake in the second update of a push: the whole push is refused.
    const good = ChangeSet.of(r.specs(doc), doc.length);
    const after = applyLib(good, doc);
    const wrong = after.length > 0 && r.rnd() < 0.5 ? after.slice(0, -1) : after + 'y';
    const bad = ChangeSet.of(r.specs(wrong), wrong.length);
    assert.throws(() => bad.apply(textOf(after)), RangeError);
    inputs.push({ doc, updates: [{ clientID: 'a', changes: good.toJSON() }, { clientID: 'a', changes: bad.toJSON() }] });
  }
  const answers = runTool(inputs);
  answers.forEach((a, i) => {
    assert.equal(a.error?.code, 'validation_failed', `input ${i}: ${JSON.stringify(inputs[i])} gave ${JSON.stringify(a)}`);
  });
});

test('shapes ChangeSet.fromJSON refuses are refused too', () => {
  const shapes = [5, null, {}, 'abc', [[]], [['a']], [[1, 2]], [[1, 'a', 3]], [true], [null], ['3'], [{ keep: 3 }], [[[1]]], [[1, ['a']]]];
  for (const s of shapes) assert.throws(() => ChangeSet.fromJSON(s), RangeError, JSON.stringify(s));
  // Ours is stricter: no negative or fractional lengths, no line breaks inside a line.
  const stricter = [[-1], [1.5], [[-2]], [[0.5, 'a']], [[0, 'a\nb']]];
  const answers = runTool([...shapes, ...stricter].map((changes) => ({ doc: 'abc', changes })));
  answers.forEach((a, i) => assert.equal(a.error?.code, 'validation_failed', `shape ${i}: ${JSON.stringify(a)}`));
});
