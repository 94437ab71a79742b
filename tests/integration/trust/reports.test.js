// Reports (API.md v2, "Blocking, reports, reliability"): validation, the roomId rule, the limit of
// 10 per reporter per day, and `mockmate admin reports` listing them newest first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, BINARY } from '../lib/server.js';
import { scenario } from '../lib/people.js';
import { sleep } from '../lib/http.js';
import { assertError, assertIso, assertStatus } from '../lib/shapes.js';

const run = promisify(execFile);
const T = { timeout: 30_000 };

describe('reports', () => {
  let srv, s, c, ann, ben, cat, roomAB, roomBC;
  before(async () => {
    srv = await startServer();
    s = scenario(srv);
    c = s.c;
    ann = await c.readyUser('Report Ann');
    ben = await c.readyUser('Report Ben');
    cat = await c.readyUser('Report Cat');
    roomAB = (await s.accepted(ann, ben)).roomId;
    assertStatus(await c.act(ann, 'complete', roomAB), 200);
    roomBC = (await s.accepted(ben, cat)).roomId;
  });
  after(() => srv?.cleanup());

  const report = (who, body) => c.api('POST', '/api/reports', { token: who.token, body });

  test('a report answers 201 {report: {id, createdAt}}, with or without a roomId of both', T, async () => {
    const first = await report(ann, { userId: ben.user.id, roomId: roomAB, reason: 'no_show', details: 'Never turned up.\nTwice.' });
    assertStatus(first, 201);
    assert.deepEqual(Object.keys(first.body.report).sort(), ['createdAt', 'id']);
    assert.equal(typeof first.body.report.id, 'string');
    assertIso(first.body.report.createdAt, 'report.createdAt');
    await sleep(5); // a later millisecond: the order below is by time
    const second = await report(ben, { userId: ann.user.id, reason: 'abusive', roomId: null, details: null });
    assertStatus(second, 201);
    assert.notEqual(second.body.report.id, first.body.report.id);
    assertStatus(await report(cat, { userId: ben.user.id, roomId: roomBC, reason: 'spam' }), 201);
  });

  test('bad input is validation_failed naming the field; oneself too', T, async () => {
    assertError(await report(ann, { reason: 'spam' }), 'validation_failed', { field: 'userId' });
    assertError(await report(ann, { userId: ben.user.id }), 'validation_failed', { field: 'reason' });
    assertError(await report(ann, { userId: ben.user.id, reason: 'rude' }), 'validation_failed', { field: 'reason' });
    assertError(await report(ann, { userId: ben.user.id, reason: 'other', details: 'x'.repeat(2001) }), 'validation_failed', { field: 'details' });
    assertError(await report(ann, { userId: ben.user.id, reason: 'other', details: 12 }), 'validation_failed', { field: 'details' });
    assertError(await report(ann, { userId: ben.user.id, reason: 'other', roomId: 5 }), 'validation_failed', { field: 'roomId' });
    assertError(await report(ann, { userId: ann.user.id, reason: 'other' }), 'validation_failed', { field: 'userId' });
    assertError(await c.api('POST', '/api/reports', { token: ann.token, rawBody: '{"userId":' }), 'malformed_json');
    assertError(await c.api('POST', '/api/reports', { body: { userId: ben.user.id, reason: 'spam' } }), 'unauthorized');
    assertStatus(await report(ann, { userId: ben.user.id, reason: 'other', details: 'é'.repeat(2000) }), 201);
  });

  test('an unknown user, and a roomId that is not an interview of both, are not_found', T, async () => {
    assertError(await report(ann, { userId: 'u_nobody_at_all', reason: 'spam' }), 'not_found');
    assertError(await report(ann, { userId: ben.user.id, roomId: roomBC, reason: 'spam' }), 'not_found');
    assertError(await report(ann, { userId: cat.user.id, roomId: roomAB, reason: 'spam' }), 'not_found');
    assertError(await report(ann, { userId: ben.user.id, roomId: 'r_nope', reason: 'spam' }), 'not_found');
  });

  test('at most 10 reports per reporter per day: the 11th is rate_limited with Retry-After, others may still report', T, async () => {
    const eve = await c.readyUser('Report Eve');
    for (let i = 0; i < 10; i++) assertStatus(await report(eve, { userId: i % 2 ? ben.user.id : cat.user.id, reason: 'spam' }), 201);
    const over = await report(eve, { userId: ann.user.id, reason: 'spam' });
    assertError(over, 'rate_limited');
    const wait = Number(over.headers['retry-after']);
    assert.ok(wait > 23 * 3600 && wait <= 24 * 3600, `Retry-After ${wait} s: until the oldest is a day old`);
    assertStatus(await report(cat, { userId: eve.user.id, reason: 'spam' }), 201);
  });

  test('`mockmate admin reports` lists every report newest first, as text and as JSON', T, async () => {
    await srv.stop(); // the serving node holds its SQLite file exclusively
    const { stdout } = await run(BINARY, ['admin', 'reports', '--db', srv.dbUrl, '--json']);
    const { reports } = JSON.parse(stdout);
    assert.equal(reports.length, 15);
    const times = reports.map((r) => Date.parse(r.createdAt));
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first');
    const first = reports.find((r) => r.details === 'Never turned up.\nTwice.');
    assert.deepEqual(first.reporter, { id: ann.user.id, name: 'Report Ann' });
    assert.deepEqual(first.reported, { id: ben.user.id, name: 'Report Ben' });
    assert.equal(first.roomId, roomAB);
    assert.equal(first.reason, 'no_show');
    assert.equal(reports.at(-1).id, first.id, 'the first report is listed last');
    assert.ok(!stdout.includes('@example.test'), 'no e-mail addresses');

    const text = (await run(BINARY, ['admin', 'reports', '--db', srv.dbUrl])).stdout;
    const lines = text.split('\n');
    assert.match(lines[0], /Report Cat \(u_[^)]+\) reported Report Eve/);
    assert.ok(text.includes(`Report Ann (${ann.user.id}) reported Report Ben (${ben.user.id})  room ${roomAB}`));
    assert.ok(text.includes('    Never turned up.\n    Twice.'), 'details indented under their report');
    await assert.rejects(run(BINARY, ['admin', 'reports', '--db', srv.dbUrl, '--bogus']), (err) => err.code === 2);
    await srv.start();
  });
});
