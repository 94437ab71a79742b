// Every algorithms question's reference solutions pass its tests (build/question-bank-dump),
// compared as API.md says; the coverage the question bank promises; and the check can fail.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PYTHON, SOLUTIONS, REPO_ROOT, failingTests, loadBank, normalize, outputsMatch } from './lib.js';

const bank = loadBank();
const algorithms = bank.filter((q) => q.category === 'algorithms');
const LANGUAGES = { python: 'py', javascript: 'js', cpp: 'cpp' };
const solution = (language, id) => path.join(SOLUTIONS, language, `${id}.${LANGUAGES[language]}`);
const has = (language, id) => existsSync(solution(language, id));
const report = (failures) =>
  failures.map((f) => `${f.name}: ${f.reason}\n  expected ${JSON.stringify(f.expected)}\n  actual   ${JSON.stringify(f.actual)}${f.stderr ? `\n  stderr   ${f.stderr}` : ''}`).join('\n');

describe('the bank and its coverage', () => {
  test('the dump lists the whole bank with the documented fields', () => {
    assert.ok(bank.length >= 60);
    assert.ok(algorithms.length >= 30, `${algorithms.length} algorithms questions`);
    for (const q of bank) {
      assert.deepEqual(Object.keys(q).sort(), ['category', 'difficulty', 'id', 'tests', 'title'], q.id);
      for (const t of q.tests) assert.deepEqual(Object.keys(t).sort(), ['expectedOutput', 'input', 'name'], q.id);
    }
  });

  test('every algorithms question has at least three tests and a Python solution', () => {
    for (const q of algorithms) {
      assert.ok(q.tests.length >= 3, `${q.id} has ${q.tests.length} tests`);
      assert.ok(has('python', q.id), `${q.id} has no Python solution`);
    }
  });

  test('at least a third of them have JavaScript and C++ solutions, in every difficulty', () => {
    const both = algorithms.filter((q) => has('javascript', q.id) && has('cpp', q.id));
    assert.ok(both.length * 3 >= algorithms.length, `${both.length} of ${algorithms.length}`);
    for (const d of ['easy', 'medium', 'hard']) assert.ok(both.some((q) => q.difficulty === d), d);
  });

  test('the other questions have no tests and no solutions', () => {
    for (const q of bank.filter((x) => x.category !== 'algorithms')) {
      assert.deepEqual(q.tests, [], q.id);
      for (const language of Object.keys(LANGUAGES)) assert.ok(!has(language, q.id), `${language} solution for ${q.id}`);
    }
  });

  test('every solution file belongs to an algorithms question', () => {
    const ids = new Set(algorithms.map((q) => q.id));
    for (const [language, ext] of Object.entries(LANGUAGES)) {
      for (const file of readdirSync(path.join(SOLUTIONS, language))) {
        if (file === 'package.json') continue;
        assert.ok(file.endsWith(`.${ext}`) && ids.has(file.slice(0, -ext.length - 1)), `${language}/${file}`);
      }
    }
  });
});

describe('Python solutions', () => {
  for (const q of algorithms.filter((x) => has('python', x.id))) {
    test(q.id, () => {
      const failures = failingTests(PYTHON, [solution('python', q.id)], q.tests);
      assert.deepEqual(failures.map((f) => f.name), [], report(failures));
    });
  }
});

describe('JavaScript solutions', () => {
  for (const q of algorithms.filter((x) => has('javascript', x.id))) {
    test(q.id, () => {
      const failures = failingTests(process.execPath, [solution('javascript', q.id)], q.tests);
      assert.deepEqual(failures.map((f) => f.name), [], report(failures));
    });
  }
});

describe('C++ solutions', () => {
  const questions = algorithms.filter((x) => has('cpp', x.id));
  let dir;
  before(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'mockmate-solutions-')); });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });
  for (const q of questions) {
    test(q.id, () => {
      const binary = path.join(dir, q.id);
      const compile = spawnSync('g++', ['-std=c++20', '-O2', '-Wall', '-o', binary, solution('cpp', q.id)], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(compile.status, 0, `g++ failed: ${compile.error?.message ?? ''}${compile.stderr}`);
      const failures = failingTests(binary, [], q.tests);
      assert.deepEqual(failures.map((f) => f.name), [], report(failures));
    });
  }
});

describe('the check can fail', () => {
  const wrong = (id) => path.join(REPO_ROOT, 'tests/questions/wrong', `${id}.py`);
  const testsOf = (id) => bank.find((q) => q.id === id).tests;

  test('outputs compare as API.md says', () => {
    assert.ok(outputsMatch('1 3  \n\n\n', '1 3\n'), 'trailing spaces and empty lines do not count');
    assert.ok(outputsMatch('a\t\r\nb', 'a\nb\n'), 'trailing tabs and carriage returns do not count');
    assert.ok(outputsMatch('', '\n'), 'no output is an empty line');
    assert.ok(!outputsMatch(' 1 3', '1 3'), 'leading spaces count');
    assert.ok(!outputsMatch('1  3', '1 3'), 'inner spaces count');
    assert.ok(!outputsMatch('a\n\nb', 'a\nb'), 'inner empty lines count');
    assert.ok(!outputsMatch('1 3\n0', '1 3'), 'an extra line counts');
    assert.equal(normalize('x \ny\t\n \n'), 'x\ny');
  });

  test('a solution with a bug fails the tests that expose it and passes the others', () => {
    const failures = failingTests(PYTHON, [wrong('two-sum')], testsOf('two-sum'));
    const names = failures.map((f) => f.name);
    assert.ok(names.includes('equal values'), report(failures));
    assert.ok(!names.includes('example'), report(failures));
    assert.equal(failures.find((f) => f.name === 'equal values').reason, 'wrong output');
  });

  test('a solution that runs too long fails with a timeout', () => {
    const tests = testsOf('climbing-stairs');
    const failures = failingTests(PYTHON, [wrong('climbing-stairs')], tests, { timeoutMs: 2_000 });
    assert.deepEqual(failures.map((f) => [f.name, f.reason]), [['seventy steps', 'timed out']]);
  });

  test('a solution that crashes fails with its exit code', () => {
    const failures = failingTests(PYTHON, [wrong('balanced-brackets')], testsOf('balanced-brackets'));
    const crash = failures.find((f) => f.name === 'closer first');
    assert.equal(crash?.reason, 'exit code 1', report(failures));
    assert.match(crash.stderr, /IndexError/);
  });
});
