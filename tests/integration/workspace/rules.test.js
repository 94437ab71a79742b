// Who may use the shared editor and what it refuses (API.md, "Shared code editor"; docs/api.md):
// strangers, sockets that have not joined, interviews not open; versions, lengths, limits and
// malformed payloads, each answered with its code and nothing applied.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { emitAck, emitOk, expectNoEvent, nextEvent } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError } from '../lib/shapes.js';
import { assertWorkspace, inRoom, insertJSON, open } from './lib.js';

const T = { timeout: 60_000 };

const EVENTS = (roomId) => [
  ['workspace-open', { roomId }],
  ['workspace-push', { roomId, version: 0, updates: [{ clientID: 'x', changes: insertJSON(0, 0, 'x') }] }],
  ['workspace-pull', { roomId, version: 0 }],
  ['workspace-language', { roomId, language: 'cpp' }],
  ['workspace-cursor', { roomId, anchor: 0, head: 0 }],
];

describe('shared editor rules', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('anyone but the participants, and unknown rooms, get not_found on every event', T, async () => {
    const { a, roomId } = await inRoom(srv, s);
    const eve = await s.person('Editor stranger');
    for (const [event, payload] of EVENTS(roomId)) assertAckError(await emitAck(eve.tab, event, payload), 'not_found');
    for (const [event, payload] of EVENTS('r_nosuchroom')) assertAckError(await emitAck(a.tab, event, payload), 'not_found');
  });

  test('a participant\'s socket that has not joined the room gets forbidden; nothing changes', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const other = await s.openTab(a);
    for (const [event, payload] of EVENTS(roomId)) assertAckError(await emitAck(other, event, payload), 'forbidden');
    await expectNoEvent(b.tab, 'workspace-updates', 200);
    assertWorkspace(await open(a.tab, roomId), { roomId, round: 1, language: 'python', doc: '', version: 0, updatedAt: null });
  });

  test('an accepted interview is open to the joined sockets; a pending one is conflict', T, async () => {
    const a = await s.person('Accepted A');
    const b = await s.person('Accepted B');
    const iv = await s.accepted(a, b);
    await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    assert.equal((await emitOk(a.tab, 'workspace-push', { roomId: iv.roomId, version: 0, updates: [{ clientID: 'a', changes: insertJSON(0, 0, 'hi') }] })).version, 1);

    const c = await s.person('Pending A');
    const d = await s.person('Pending B');
    const pending = await s.invited(c, d);
    for (const [event, payload] of EVENTS(pending.roomId)) assertAckError(await emitAck(c.tab, event, payload), 'conflict');
  });

  test('after the end every event is conflict', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    await emitOk(a.tab, 'end-interview', { roomId });
    for (const who of [a, b])
      for (const [event, payload] of EVENTS(roomId)) assertAckError(await emitAck(who.tab, event, payload), 'conflict');
  });

  test('a push based on another version is conflict and changes nothing', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'a', changes: insertJSON(0, 0, 'abc') }] });
    for (const version of [0, 2, 50]) {
      const ack = await emitAck(b.tab, 'workspace-push', { roomId, version, updates: [{ clientID: 'b', changes: insertJSON(3, 0, 'z') }] });
      assertAckError(ack, 'conflict');
    }
    const ws = await open(a.tab, roomId);
    assert.equal(ws.doc, 'abc');
    assert.equal(ws.version, 1);
  });

  test('change sets whose lengths do not add up to the document are validation_failed and apply nothing', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'a', changes: insertJSON(0, 0, 'abcd') }] });
    assert.equal((await nextEvent(b.tab, 'workspace-updates', 2000)).version, 1);
    const cases = [
      [{ clientID: 'a', changes: [3, [0, 'x']] }],                                           // 3 + 0 != 4
      [{ clientID: 'a', changes: [4, [1]] }],                                                // 5 != 4
      [{ clientID: 'a', changes: insertJSON(4, 4, '!') }, { clientID: 'a', changes: [4] }],   // the second is on 5 units
      [{ clientID: 'a', changes: [1, [0, 'x'], -1] }],
      [{ clientID: 'a', changes: [[0, 'line\nbreak'], 4] }],
      [{ clientID: 'a', changes: 'abcd' }],
      [{ changes: [4] }],
    ];
    for (const updates of cases) {
      const ack = await emitAck(a.tab, 'workspace-push', { roomId, version: 1, updates });
      assertAckError(ack, 'validation_failed', { field: 'updates[' });
    }
    await expectNoEvent(b.tab, 'workspace-updates', 200);
    const ws = await open(b.tab, roomId);
    assert.equal(ws.doc, 'abcd');
    assert.equal(ws.version, 1);
  });

  test('malformed payloads are validation_failed naming the field', T, async () => {
    const { a, roomId } = await inRoom(srv, s);
    const cases = [
      ['workspace-open', { roomId, round: 3 }, 'round'],
      ['workspace-open', { roomId, round: 0 }, 'round'],
      ['workspace-open', { roomId, round: 'one' }, 'round'],
      ['workspace-open', {}, 'roomId'],
      ['workspace-push', { roomId, updates: [] }, 'version'],
      ['workspace-push', { roomId, version: -1, updates: [] }, 'version'],
      ['workspace-push', { roomId, version: 0 }, 'updates'],
      ['workspace-push', { roomId, version: 0, updates: {} }, 'updates'],
      ['workspace-pull', { roomId }, 'version'],
      ['workspace-pull', { roomId, version: 1 }, 'version'], // beyond the document (at 0)
      ['workspace-language', { roomId, language: 'rust' }, 'language'],
      ['workspace-language', { roomId }, 'language'],
      ['workspace-cursor', { roomId, anchor: -1, head: 0 }, 'anchor'],
      ['workspace-cursor', { roomId, anchor: 0, head: 200_001 }, 'head'],
      ['workspace-cursor', { roomId, anchor: 0 }, 'head'],
    ];
    for (const [event, payload, field] of cases) assertAckError(await emitAck(a.tab, event, payload), 'validation_failed', { field });
  });

  test('clientID is a string of at most 64 characters', T, async () => {
    const { a, roomId } = await inRoom(srv, s);
    const long = 'é'.repeat(65);
    assertAckError(await emitAck(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: long, changes: insertJSON(0, 0, 'x') }] }), 'validation_failed', { field: 'clientID' });
    assertAckError(await emitAck(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 5, changes: insertJSON(0, 0, 'x') }] }), 'validation_failed', { field: 'clientID' });
    const ok = await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'é'.repeat(64), changes: insertJSON(0, 0, 'x') }] });
    assert.equal(ok.version, 1);
  });

  test('more than 100 updates or 64 KiB in one push, or a document past 200,000 code units, is payload_too_large', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const many = Array.from({ length: 101 }, (_, i) => ({ clientID: 'a', changes: insertJSON(i, i, 'x') }));
    assertAckError(await emitAck(a.tab, 'workspace-push', { roomId, version: 0, updates: many }), 'payload_too_large');
    const hundred = many.slice(0, 100);
    assert.equal((await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: hundred })).version, 100);

    const big = [{ clientID: 'a', changes: insertJSON(100, 0, 'y'.repeat(65 * 1024)) }];
    assertAckError(await emitAck(a.tab, 'workspace-push', { roomId, version: 100, updates: big }), 'payload_too_large');

    // Up to 199,999 units in pushes under 64 KiB each, then one more unit is fine and the next is not.
    let length = 100;
    let version = 100;
    while (length < 199_999) {
      const n = Math.min(60_000, 199_999 - length);
      const ack = await emitOk(a.tab, 'workspace-push', { roomId, version, updates: [{ clientID: 'a', changes: insertJSON(length, length, 'z'.repeat(n)) }] });
      version = ack.version;
      length += n;
    }
    version = (await emitOk(b.tab, 'workspace-push', { roomId, version, updates: [{ clientID: 'b', changes: insertJSON(length, 0, 'q') }] })).version;
    length += 1;
    assertAckError(await emitAck(b.tab, 'workspace-push', { roomId, version, updates: [{ clientID: 'b', changes: insertJSON(length, 0, 'w') }] }), 'payload_too_large');
    const ws = await open(a.tab, roomId);
    assert.equal(ws.doc.length, 200_000);
    assert.equal(ws.version, version);
    assert.ok(ws.doc.startsWith('q'));
  });
});
