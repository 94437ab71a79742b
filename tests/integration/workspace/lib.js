// Helpers of the workspace suite (API.md, "Shared code editor"): an interview in progress with both
// participants in the room, and an editor peer that speaks the @codemirror/collab protocol to the
// server over socket.io-client with the real @codemirror/state and @codemirror/collab:
// local edits, push, and on conflict pull -> rebase (receiveUpdates) -> push again.
import assert from 'node:assert/strict';
import { ChangeSet, EditorState } from '@codemirror/state';
import { collab, getClientID, getSyncedVersion, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { emitAck, emitOk, nextEvent, drain } from '../lib/socket.js';
import { scenario } from '../lib/people.js';

// Two people (a interviews, b is the candidate) in an in-progress interview, both tabs joined.
export async function inRoom(srv, s = scenario(srv), { names = ['Editor A', 'Editor B'] } = {}) {
  const a = await s.person(names[0]);
  const b = await s.person(names[1]);
  const iv = await s.accepted(a, b);
  await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
  await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
  await nextEvent(a.tab, 'interview-started', 3000);
  drain(a.tab);
  drain(b.tab);
  return { a, b, roomId: iv.roomId, s };
}

// The workspace object of API.md, exactly these keys.
export function assertWorkspace(ws, expected = {}) {
  assert.deepEqual(Object.keys(ws).sort(), ['doc', 'language', 'roomId', 'round', 'updatedAt', 'version']);
  assert.equal(typeof ws.doc, 'string');
  assert.ok(Number.isInteger(ws.version) && ws.version >= 0);
  assert.ok(['python', 'javascript', 'cpp'].includes(ws.language));
  assert.ok(ws.updatedAt === null || !Number.isNaN(Date.parse(ws.updatedAt)), `updatedAt: ${ws.updatedAt}`);
  for (const [k, v] of Object.entries(expected)) assert.deepEqual(ws[k], v, `workspace.${k}`);
  return ws;
}

// Inserting `text` at `pos` of a document of `length` UTF-16 units, as ChangeSet.toJSON().
export const insertJSON = (length, pos, text) => ChangeSet.of({ from: pos, insert: text }, length).toJSON();

export async function open(socket, roomId, round) {
  const ack = await emitOk(socket, 'workspace-open', round === undefined ? { roomId } : { roomId, round });
  return assertWorkspace(ack.workspace);
}

// A collab client on one socket: its EditorState holds the synced version and the unconfirmed
// local updates, as the web client's does.
export class Peer {
  constructor(socket, roomId, workspace, { round = 1, clientID } = {}) {
    this.socket = socket;
    this.roomId = roomId;
    this.round = round;
    this.state = EditorState.create({ doc: workspace.doc, extensions: [collab({ startVersion: workspace.version, clientID })] });
    this.conflicts = 0;
    this.pushes = 0;
  }

  get doc() { return this.state.doc.toString(); }
  get version() { return getSyncedVersion(this.state); }
  get clientID() { return getClientID(this.state); }
  get unconfirmed() { return sendableUpdates(this.state).length; }

  edit(spec) { this.state = this.state.update({ changes: spec }).state; }

  // Applies the server's updates after our synced version (own ones confirm, others rebase ours).
  receive(updates) {
    this.state = receiveUpdates(this.state, updates.map((u) => ({ clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes) }))).state;
  }

  async pull() {
    const from = this.version;
    const ack = await emitOk(this.socket, 'workspace-pull', { roomId: this.roomId, round: this.round, version: from });
    assert.equal(ack.version, from + ack.updates.length, 'a pull answers version + updates.length');
    this.receive(ack.updates);
    return ack;
  }

  // Pushes what is unconfirmed until the server took it: on conflict pull (rebase) and push again.
  async sync({ maxTries = 50 } = {}) {
    for (let i = 0; i < maxTries; i++) {
      const sendable = sendableUpdates(this.state);
      if (sendable.length === 0) return;
      const version = this.version;
      const updates = sendable.map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() }));
      this.pushes += 1;
      const ack = await emitAck(this.socket, 'workspace-push', { roomId: this.roomId, round: this.round, version, updates });
      if (ack.ok) {
        assert.equal(ack.version, version + updates.length, 'the server appends the pushed updates');
      } else {
        assert.equal(ack.error?.code, 'conflict', `push: ${JSON.stringify(ack)}`);
        this.conflicts += 1;
      }
      await this.pull(); // confirms ours (same clientID) after an ok, brings the others' after a conflict
    }
    assert.fail(`${this.clientID} could not push within ${maxTries} tries`);
  }
}
