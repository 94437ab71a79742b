// The shared editor over the real binary (API.md, "Shared code editor"): open, push, pull, the
// broadcasts to the other participant's socket, language and cursor, and two @codemirror/collab
// clients editing at once (conflict -> pull -> rebase -> push) that end with the server's text,
// nothing lost and nothing doubled.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { sleep } from '../lib/http.js';
import { emitOk, nextEvent, expectNoEvent, eventsOf } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { Peer, assertWorkspace, inRoom, insertJSON, open } from './lib.js';

const T = { timeout: 60_000 };

describe('the shared editor', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('workspace-open answers the empty python document of round 1', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    for (const who of [a, b]) {
      assertWorkspace(await open(who.tab, roomId), { roomId, round: 1, language: 'python', doc: '', version: 0, updatedAt: null });
      assertWorkspace(await open(who.tab, roomId, 1), { round: 1, version: 0 });
      assertWorkspace(await open(who.tab, roomId, 2), { round: 2, version: 0 });
    }
  });

  test('a push is acked with its version and reaches the other participant as workspace-updates, not the sender', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const updates = [
      { clientID: 'a-1', changes: insertJSON(0, 0, 'def two_sum(nums):') },
      { clientID: 'a-1', changes: insertJSON(18, 18, '\n    pass') },
    ];
    const before = Date.now();
    const ack = await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates });
    assert.deepEqual(ack, { ok: true, version: 2 });
    assert.deepEqual(await nextEvent(b.tab, 'workspace-updates', 2000), { roomId, round: 1, version: 2, updates });
    await expectNoEvent(a.tab, 'workspace-updates', 300);

    const ws = await open(b.tab, roomId);
    assertWorkspace(ws, { doc: 'def two_sum(nums):\n    pass', version: 2 });
    assert.ok(Date.parse(ws.updatedAt) >= before - 1000, ws.updatedAt);

    const pulled = await emitOk(b.tab, 'workspace-pull', { roomId, version: 1 });
    assert.deepEqual(pulled, { ok: true, version: 2, updates: updates.slice(1) });
    const none = await emitOk(b.tab, 'workspace-pull', { roomId, round: 1, version: 2 });
    assert.deepEqual(none, { ok: true, version: 2, updates: [] });
  });

  test('positions count UTF-16 code units: an emoji is two', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'a', changes: insertJSON(0, 0, 'x😀y') }] });
    await emitOk(b.tab, 'workspace-push', { roomId, version: 1, updates: [{ clientID: 'b', changes: insertJSON(4, 3, 'é') }] });
    assert.equal((await open(a.tab, roomId)).doc, 'x😀éy');
  });

  test('workspace-language is stored, acked with the workspace and sent to the other participant', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const ack = await emitOk(b.tab, 'workspace-language', { roomId, language: 'cpp' });
    assertWorkspace(ack.workspace, { roomId, round: 1, language: 'cpp', version: 0, doc: '' });
    assert.notEqual(ack.workspace.updatedAt, null);
    assert.deepEqual(await nextEvent(a.tab, 'workspace-language', 2000), { roomId, round: 1, language: 'cpp' });
    await expectNoEvent(b.tab, 'workspace-language', 300);
    assert.equal((await open(a.tab, roomId)).language, 'cpp');
    assert.equal((await open(a.tab, roomId, 2)).language, 'python', 'each round has its own document');
  });

  test('workspace-cursor goes to the other participant with its sender and is never stored', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    assert.deepEqual(await emitOk(a.tab, 'workspace-cursor', { roomId, anchor: 0, head: 3 }), { ok: true });
    assert.deepEqual(await nextEvent(b.tab, 'workspace-cursor', 2000), { roomId, round: 1, from: a.user.id, anchor: 0, head: 3 });
    await emitOk(b.tab, 'workspace-cursor', { roomId, round: 2, anchor: 5, head: 5 });
    assert.deepEqual(await nextEvent(a.tab, 'workspace-cursor', 2000), { roomId, round: 2, from: b.user.id, anchor: 5, head: 5 });
    await expectNoEvent(a.tab, 'workspace-cursor', 300);
    assertWorkspace(await open(a.tab, roomId), { version: 0, updatedAt: null });
  });

  test('two clients typing at the same position at the same time converge to the server\'s text', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const pa = new Peer(a.tab, roomId, await open(a.tab, roomId), { clientID: 'peer-a' });
    const pb = new Peer(b.tab, roomId, await open(b.tab, roomId), { clientID: 'peer-b' });
    pa.edit({ from: 0, insert: 'AAA' });
    pb.edit({ from: 0, insert: 'BBB' });
    await Promise.all([pa.sync(), pb.sync()]);
    await Promise.all([pa.pull(), pb.pull()]);
    const server = await open(a.tab, roomId);
    assert.equal(server.version, 2);
    assert.equal(pa.doc, server.doc);
    assert.equal(pb.doc, server.doc);
    assert.ok(server.doc === 'AAABBB' || server.doc === 'BBBAAA', server.doc);
    assert.equal(pa.conflicts + pb.conflicts, 1, 'exactly one of the two pushes on version 0 lost');
  });

  test('two clients editing concurrently for many rounds converge with every insertion exactly once', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const pa = new Peer(a.tab, roomId, await open(a.tab, roomId), { clientID: 'conc-a' });
    const pb = new Peer(b.tab, roomId, await open(b.tab, roomId), { clientID: 'conc-b' });
    let seed = 7;
    const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const marks = [];
    for (let round = 0; round < 40; round++) {
      for (const [peer, name] of [[pa, 'a'], [pb, 'b']]) {
        const edits = 1 + rand(3);
        for (let e = 0; e < edits; e++) {
          const mark = `<${name}${round}.${e}${rand(2) ? '😀' : ''}>`;
          marks.push(mark);
          // Only between marks (never inside one, and never inside a surrogate pair).
          const text = peer.doc;
          const cuts = [0];
          for (let i = 0; i < text.length; i++) if (text[i] === '>') cuts.push(i + 1);
          peer.edit({ from: cuts[rand(cuts.length)], insert: mark + (rand(4) === 0 ? '\n' : '') });
        }
      }
      await Promise.all([pa.sync(), pb.sync()]);
    }
    await Promise.all([pa.pull(), pb.pull()]);
    const server = await open(b.tab, roomId);
    assert.equal(pa.doc, server.doc, 'a has the server\'s text');
    assert.equal(pb.doc, server.doc, 'b has the server\'s text');
    assert.equal(pa.version, server.version);
    assert.equal(pb.version, server.version);
    for (const mark of marks) assert.equal(server.doc.split(mark).length - 1, 1, `${mark} exactly once`);
    assert.equal(server.version, marks.length, 'one update per edit, none doubled');
    assert.ok(pa.conflicts + pb.conflicts > 0, 'the clients raced: some pushes were conflicts');

    // Each side heard exactly the other's updates, every version once and in order.
    for (const [tab, other] of [[a.tab, 'conc-b'], [b.tab, 'conc-a']]) {
      const expected = marks.filter((m) => m.startsWith(other === 'conc-a' ? '<a' : '<b')).length;
      const heardCount = () => eventsOf(tab, 'workspace-updates', (e) => e.roomId === roomId).reduce((n, e) => n + e.updates.length, 0);
      for (let i = 0; i < 40 && heardCount() < expected; i++) await sleep(50); // the last broadcast may still be on the wire
      const heard = eventsOf(tab, 'workspace-updates', (e) => e.roomId === roomId);
      let last = 0;
      for (const e of heard) {
        assert.ok(e.version > last, 'versions only grow');
        last = e.version;
        for (const u of e.updates) assert.equal(u.clientID, other, 'never one\'s own updates back');
      }
      assert.equal(heardCount(), expected);
    }
  });

  test('replacements and deletions racing from both sides converge too', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'seed', changes: insertJSON(0, 0, 'for i in range(10):\n    print(i)\n') }] });
    const pa = new Peer(a.tab, roomId, await open(a.tab, roomId), { clientID: 'del-a' });
    const pb = new Peer(b.tab, roomId, await open(b.tab, roomId), { clientID: 'del-b' });
    let seed = 99;
    const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 30; round++) {
      for (const peer of [pa, pb]) {
        const len = peer.doc.length;
        const from = rand(len + 1);
        const to = Math.min(len, from + rand(4));
        peer.edit({ from, to, insert: ['', 'x', 'ab', '\n', 'é'][rand(5)] });
      }
      await Promise.all([pa.sync(), pb.sync()]);
    }
    await Promise.all([pa.pull(), pb.pull()]);
    const server = await open(a.tab, roomId);
    assert.equal(pa.doc, server.doc);
    assert.equal(pb.doc, server.doc);
  });
});
