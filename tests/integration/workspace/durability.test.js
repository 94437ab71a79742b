// The shared editor's document across crashes and restarts, and in the interview object
// (API.md, "Shared code editor"): an acknowledged push survives kill -9, the document and its
// version survive a restart and go on from there, and GET /api/interviews/:roomId shows each
// round's document to the participants during and after the interview.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { connect, emitOk } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertStatus } from '../lib/shapes.js';
import { assertWorkspace, inRoom, insertJSON, open } from './lib.js';

const T = { timeout: 60_000 };

// New sockets for both after the server came back, joined to the room again.
async function rejoin(srv, { a, b, roomId }) {
  for (const who of [a, b]) {
    who.tab = await connect(srv, { token: who.token });
    who.tabs = [who.tab];
    await emitOk(who.tab, 'join-room', { roomId });
  }
}

describe('the shared editor across crashes and restarts', () => {
  let srv, s;
  before(async () => { srv = await startServer({ args: ['--rejoin-grace', '60'] }); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('kill -9 right after acknowledged pushes keeps every one of them', T, async () => {
    const room = await inRoom(srv, s);
    const { a, b, roomId } = room;
    let doc = '';
    let version = 0;
    // Both type, one acknowledged push after the other, alternating; the crash comes right after the last ack.
    for (let i = 0; i < 40; i++) {
      const who = i % 2 === 0 ? a : b;
      const text = `${i % 2 === 0 ? 'a' : 'b'}${i};`;
      const ack = await emitOk(who.tab, 'workspace-push', { roomId, version, updates: [{ clientID: `c${i % 2}`, changes: insertJSON(doc.length, doc.length, text) }] });
      version = ack.version;
      doc += text;
    }
    await emitOk(a.tab, 'workspace-language', { roomId, language: 'javascript' });
    await srv.kill9();
    await srv.start();
    await rejoin(srv, room);
    assertWorkspace(await open(b.tab, roomId), { doc, version: 40, language: 'javascript' });
    const pulled = await emitOk(a.tab, 'workspace-pull', { roomId, version: 38 });
    assert.deepEqual(pulled.updates.map((u) => u.clientID), ['c0', 'c1']);
  });

  test('a restart keeps the document and its version, and pushes go on from that version', T, async () => {
    const room = await inRoom(srv, s);
    const { a, b, roomId } = room;
    await emitOk(a.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'a', changes: insertJSON(0, 0, 'int main() {}') }] });
    await emitOk(a.tab, 'workspace-language', { roomId, language: 'cpp' });
    await emitOk(b.tab, 'workspace-push', { roomId, round: 2, version: 0, updates: [{ clientID: 'b', changes: insertJSON(0, 0, 'round two') }] });
    const before = await open(a.tab, roomId);
    await srv.restart();
    await rejoin(srv, room);
    assert.deepEqual(await open(a.tab, roomId), before);
    assertWorkspace(await open(b.tab, roomId, 2), { doc: 'round two', version: 1 });
    const ack = await emitOk(b.tab, 'workspace-push', { roomId, version: 1, updates: [{ clientID: 'b', changes: insertJSON(13, 13, '\n') }] });
    assert.equal(ack.version, 2);
    assertWorkspace(await open(a.tab, roomId), { doc: 'int main() {}\n', version: 2, language: 'cpp' });
  });

  test('GET /api/interviews/:roomId shows the workspaces to both participants during and after the interview', T, async () => {
    const { a, b, roomId } = await inRoom(srv, s);
    const during = await s.c.detail(a, roomId);
    assertStatus(during, 200);
    assert.deepEqual(during.body.workspaces, [{ roomId, round: 1, language: 'python', doc: '', version: 0, updatedAt: null }]);

    await emitOk(b.tab, 'workspace-push', { roomId, version: 0, updates: [{ clientID: 'b', changes: insertJSON(0, 0, 'print("hi")') }] });
    await emitOk(a.tab, 'workspace-push', { roomId, round: 2, version: 0, updates: [{ clientID: 'a', changes: insertJSON(0, 0, 'console.log(1)') }] });
    await emitOk(a.tab, 'workspace-language', { roomId, round: 2, language: 'javascript' });
    const r1 = await open(a.tab, roomId, 1);
    const r2 = await open(a.tab, roomId, 2);
    await emitOk(a.tab, 'end-interview', { roomId });
    for (const who of [a, b]) {
      const after = await s.c.detail(who, roomId);
      assertStatus(after, 200);
      assert.equal(after.body.interview.status, 'completed');
      assert.deepEqual(after.body.workspaces, [r1, r2]);
      assertWorkspace(after.body.workspaces[0], { round: 1, doc: 'print("hi")', version: 1, language: 'python' });
      assertWorkspace(after.body.workspaces[1], { round: 2, doc: 'console.log(1)', version: 1, language: 'javascript' });
    }
    const eve = await s.person('Workspace onlooker');
    assertStatus(await s.c.detail(eve, roomId), 404);
  });

  test('a pending invitation shows no workspace yet', T, async () => {
    const a = await s.person('Pending W A');
    const b = await s.person('Pending W B');
    const iv = await s.invited(a, b);
    const res = await s.c.detail(b, iv.roomId);
    assertStatus(res, 200);
    assert.deepEqual(res.body.workspaces, []);
  });
});
