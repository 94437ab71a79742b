// Running code (API.md v2, "Running code") against the real sandbox: the runtimes, a passing and
// a failing Python run over a question's tests, a C++ compile error, a run with stdin, one run
// under way per interview, run-started and run-finished on every tab of both participants, the
// list and the detail, and who may see them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, startServer } from '../lib/server.js';
import { emitOk, nextEvent } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertError, assertIso, assertIsoOrNull, assertKeys, assertStatus } from '../lib/shapes.js';

const T = { timeout: 60_000 };
const QUESTION = 'two-sum';
const solution = (dir) => readFile(path.join(REPO_ROOT, 'tests/questions', dir, `${QUESTION}.py`), 'utf8');
const RUN_KEYS = ['id', 'roomId', 'round', 'by', 'language', 'status', 'verdict', 'exitCode', 'stdout', 'stderr',
  'truncated', 'tests', 'durationMs', 'createdAt', 'finishedAt'];

function assertRun(run, { roomId, by, language }) {
  assertKeys(run, RUN_KEYS, 'run');
  assert.equal(run.roomId, roomId);
  assert.equal(run.round, 1);
  assert.deepEqual(run.by, { id: by.user.id, name: by.user.name });
  assert.equal(run.language, language);
  assertIso(run.createdAt, 'createdAt');
  assertIsoOrNull(run.finishedAt, 'finishedAt');
  for (const t of run.tests) assertKeys(t, ['name', 'passed', 'input', 'expectedOutput', 'actualOutput'], 'test');
  return run;
}

describe('code runs', () => {
  let srv, s;
  before(async () => {
    srv = await startServer({ args: ['--run-workers', '2'] });
    s = scenario(srv);
    // The sandbox's start-up check runs beside the server's start; /api/runtimes waits for it.
    const u = await s.c.readyUser('Runtimes reader');
    const res = await s.c.api('GET', '/api/runtimes', { token: u.token });
    assertStatus(res, 200);
    assert.deepEqual(res.body.runtimes.map((r) => r.language).sort(), ['cpp', 'javascript', 'python'], JSON.stringify(res.body));
    for (const r of res.body.runtimes) assert.match(r.version, /^\d+\.\d+/);
  });
  after(() => srv?.cleanup());

  // a invited b to two-sum; a has two tabs, b one; nobody needs to be in the room.
  async function interview() {
    const a = await s.person('Run inviter', { tabs: 2 });
    const b = await s.person('Run invitee');
    const inv = await s.c.invite(a, b, [QUESTION]);
    assertStatus(inv, 201);
    const roomId = inv.body.interview.roomId;
    assertStatus(await s.c.act(b, 'accept', roomId), 200);
    return { a, b, roomId };
  }
  const post = (who, roomId, body) => s.c.api('POST', `/api/interviews/${encodeURIComponent(roomId)}/runs`, { token: who.token, body });
  const finishedOn = (sockets, id) => Promise.all(sockets.map((t) => nextEvent(t, 'run-finished', 30_000, { where: (d) => d.run.id === id })));
  const startedOn = (sockets, id) => Promise.all(sockets.map((t) => nextEvent(t, 'run-started', 5_000, { where: (d) => d.run.id === id })));

  test('a correct Python solution passes every test; both participants\' tabs see it start and finish', T, async () => {
    const { a, b, roomId } = await interview();
    const tabs = [...a.tabs, ...b.tabs];
    const res = await post(b, roomId, { language: 'python', code: await solution('solutions/python') });
    assertStatus(res, 202);
    const queued = assertRun(res.body.run, { roomId, by: b, language: 'python' });
    assert.ok(['queued', 'running'].includes(queued.status), queued.status);
    assert.equal(queued.verdict, null);
    for (const ev of await startedOn(tabs, queued.id)) assert.equal(ev.run.id, queued.id);
    const finished = await finishedOn(tabs, queued.id);
    const run = assertRun(finished[0].run, { roomId, by: b, language: 'python' });
    assert.equal(run.status, 'finished');
    for (const ev of finished) assert.deepEqual(ev.run, run);
    assert.equal(run.verdict, 'passed');
    assert.ok(run.tests.length >= 3, `two-sum has tests: ${run.tests.length}`);
    for (const t of run.tests) {
      assert.equal(t.passed, true, t.name);
      assert.equal(t.actualOutput.trimEnd(), t.expectedOutput.trimEnd());
    }
    assert.equal(run.tests[0].input, '4 10\n3 8 11 2\n');
    assert.equal(typeof run.durationMs, 'number');
    assert.equal(run.exitCode, 0);
    assert.equal(run.truncated, false);
    assertIso(run.finishedAt);
    const detail = await s.c.api('GET', `/api/interviews/${roomId}/runs/${run.id}`, { token: a.token });
    assertStatus(detail, 200);
    assert.deepEqual(detail.body.run, run);
  });

  test('a wrong solution fails, a C++ compile error is compile_error, stdin runs once; listed newest first', T, async () => {
    const { a, b, roomId } = await interview();
    const wrong = await post(a, roomId, { language: 'python', code: await solution('wrong') });
    assertStatus(wrong, 202);
    const [failed] = await finishedOn([b.tab], wrong.body.run.id);
    assert.equal(failed.run.verdict, 'failed');
    assert.ok(failed.run.tests.some((t) => !t.passed), JSON.stringify(failed.run.tests));

    const cpp = await post(b, roomId, { language: 'cpp', code: 'int main( {' });
    assertStatus(cpp, 202);
    const [broken] = await finishedOn([a.tab], cpp.body.run.id);
    assert.equal(broken.run.verdict, 'compile_error');
    assert.match(broken.run.stderr, /error/);

    const echo = await post(a, roomId, { code: 'print(input()[::-1])', stdin: 'abc\n' });
    assertStatus(echo, 202);
    assert.equal(echo.body.run.language, 'python'); // the default
    const [ok] = await finishedOn([a.tab], echo.body.run.id);
    assert.equal(ok.run.verdict, 'ok');
    assert.equal(ok.run.stdout, 'cba\n');
    assert.deepEqual(ok.run.tests, []);

    const list = await s.c.api('GET', `/api/interviews/${roomId}/runs`, { token: b.token });
    assertStatus(list, 200);
    assert.deepEqual(list.body.runs.map((r) => r.id), [echo.body.run.id, cpp.body.run.id, wrong.body.run.id]);
    assert.deepEqual(list.body.runs[0], ok.run);
  });

  test('one run under way per interview; a second is conflict until the first finished', T, async () => {
    const { a, b, roomId } = await interview();
    const slow = await post(a, roomId, { code: 'import time\ntime.sleep(1.5)\nprint("done")', stdin: '' });
    assertStatus(slow, 202);
    assertError(await post(b, roomId, { code: 'print(1)', stdin: '' }), 'conflict');
    const [done] = await finishedOn([b.tab], slow.body.run.id);
    assert.equal(done.run.verdict, 'ok');
    assertStatus(await post(b, roomId, { code: 'print(1)', stdin: '' }), 202);
  });

  test('without code, the run takes the round\'s shared document and its language', T, async () => {
    const { a, b, roomId } = await interview();
    await emitOk(b.tab, 'join-room', { roomId });
    const code = 'import sys\nprint(sys.stdin.read().upper(), end="")\n';
    const pushed = await emitOk(b.tab, 'workspace-push', {
      roomId, version: 0, updates: [{ clientID: 'b1', changes: [[0, ...code.split('\n')]] }],
    });
    assert.equal(pushed.version, 1);
    const res = await post(a, roomId, { stdin: 'shout' });
    assertStatus(res, 202);
    assert.equal(res.body.run.language, 'python');
    const [done] = await finishedOn([a.tab], res.body.run.id);
    assert.equal(done.run.verdict, 'ok');
    assert.equal(done.run.stdout, 'SHOUT');
  });

  test('strangers get not_found; bad requests are validation_failed; after the end runs stay and no new one starts', T, async () => {
    const { a, b, roomId } = await interview();
    const eve = await s.person('Run stranger');
    assertError(await post(eve, roomId, { code: 'print(1)' }), 'not_found');
    assertError(await s.c.api('GET', `/api/interviews/${roomId}/runs`, { token: eve.token }), 'not_found');
    assertError(await post(a, 'r_nosuchroom', { code: 'print(1)' }), 'not_found');
    assertError(await post(a, roomId, { code: 'print(1)', round: 2 }), 'validation_failed', { field: 'round' }); // not started
    assertError(await post(a, roomId, { code: 'print(1)', language: 'cobol' }), 'validation_failed', { field: 'language' });
    assertError(await post(a, roomId, { code: 'print(1)', round: 3 }), 'validation_failed', { field: 'round' });
    assertError(await post(a, roomId, { code: 42 }), 'validation_failed', { field: 'code' });

    const res = await post(a, roomId, { code: 'print(2)', stdin: '' });
    assertStatus(res, 202);
    await finishedOn([a.tab], res.body.run.id);
    assertError(await s.c.api('GET', `/api/interviews/${roomId}/runs/run_nosuchrun`, { token: a.token }), 'not_found');
    assertError(await s.c.api('GET', `/api/interviews/${roomId}/runs/${res.body.run.id}`, { token: eve.token }), 'not_found');
    assertStatus(await s.c.act(a, 'complete', roomId), 200);
    assertError(await post(b, roomId, { code: 'print(3)', stdin: '' }), 'conflict');
    const after = await s.c.api('GET', `/api/interviews/${roomId}/runs/${res.body.run.id}`, { token: b.token });
    assertStatus(after, 200);
    assert.equal(after.body.run.verdict, 'ok');
  });
});
