// Runs programs on question tests and compares their output the way API.md ("Running code")
// says: trailing whitespace of every line and trailing empty lines do not count.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_DIR = path.resolve(REPO_ROOT, process.env.MOCKMATE_BUILD_DIR ?? 'build');
export const SOLUTIONS = path.join(REPO_ROOT, 'tests/questions/solutions');
// Debian's python3 (what API.md names and scripts/setup.sh installs), not whichever comes first in PATH.
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
// API.md's wall-time limit for one execution.
export const TIMEOUT_MS = 10_000;

// The question bank with its tests, from build/question-bank-dump.
export function loadBank() {
  const tool = path.join(BUILD_DIR, 'question-bank-dump');
  if (!existsSync(tool)) throw new Error(`${tool} not found (cmake --build build --target question-bank-dump, or set MOCKMATE_BUILD_DIR)`);
  return JSON.parse(execFileSync(tool, { encoding: 'utf8', maxBuffer: 16 << 20 }));
}

export function normalize(text) {
  const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

export function outputsMatch(actual, expected) {
  return normalize(actual) === normalize(expected);
}

// Runs `command args` once per test with the test's input on stdin. Returns the tests that did
// not pass: [{name, reason, expected, actual, stderr}], where reason is 'wrong output',
// 'exit code N', 'signal S' or 'timed out'.
export function failingTests(command, args, tests, { timeoutMs = TIMEOUT_MS } = {}) {
  const failures = [];
  for (const t of tests) {
    const r = spawnSync(command, args, {
      input: t.input, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20,
    });
    let reason = null;
    if (r.error?.code === 'ETIMEDOUT') reason = 'timed out';
    else if (r.error) reason = `could not run: ${r.error.message}`;
    else if (r.signal) reason = `signal ${r.signal}`;
    else if (r.status !== 0) reason = `exit code ${r.status}`;
    else if (!outputsMatch(r.stdout, t.expectedOutput)) reason = 'wrong output';
    if (reason) {
      failures.push({ name: t.name, reason, expected: t.expectedOutput, actual: r.stdout ?? '', stderr: (r.stderr ?? '').slice(-2000) });
    }
  }
  return failures;
}
