// The shared document's sync machine against the real @codemirror/state and
// @codemirror/collab, with two simulated clients and the in-test authority of
// authority.test-support.ts.
import { describe, expect, it } from 'vitest';
import { ChangeSet, Text } from '@codemirror/state';
import { getSyncedVersion, sendableUpdates } from '@codemirror/collab';
import { ApiError } from '../../../lib/errors';
import { Authority, Client, settle } from './authority.test-support';
import { initialSync, isSettled, nextBatch, savedOf, timerOf, transition } from './sync';
import { MAX_PUSH_UPDATES } from './syncState';

function pair() {
  const server = new Authority();
  const a = new Client(server);
  const b = new Client(server);
  a.join();
  b.join();
  settle([a, b]);
  return { server, a, b };
}

const pushes = (c: Client) => c.log.filter((e) => e.type === 'push');

describe('the wire format', () => {
  it('is ChangeSet.toJSON: keep n, [n] delete, [n, ...lines] replace', () => {
    const doc = Text.of(['ab', 'cd']);
    const insert = ChangeSet.of({ from: 2, insert: 'x\ny' }, doc.length);
    expect(insert.toJSON()).toEqual([2, [0, 'x', 'y'], 3]);
    const replace = ChangeSet.of({ from: 0, to: 1, insert: '😀' }, doc.length);
    expect(replace.toJSON()).toEqual([[1, '😀'], 4]);
    expect(ChangeSet.of({ from: 1, to: 5 }, doc.length).toJSON()).toEqual([1, [4]]);
    // Positions count UTF-16 code units: the emoji is two.
    expect(replace.apply(doc).length).toBe(6);
  });
});

describe('the sync machine', () => {
  it('opens the round on join and starts from the server’s text and version', () => {
    const server = new Authority();
    const a = new Client(server);
    expect(a.sync.phase.name).toBe('detached');
    a.join();
    expect(a.sync.editor).toBeNull(); // nothing to edit before the open
    settle([a]);
    a.type(0, '# hi\n');
    settle([a]);
    const b = new Client(server);
    b.join();
    expect(b.outbox).toEqual([{ type: 'open', req: 1 }]);
    settle([a, b]);
    expect(b.text).toBe('# hi\n');
    expect(getSyncedVersion(b.sync.editor!)).toBe(1);
    expect(b.sync.phase.name).toBe('ready');
    expect(isSettled(b.sync)).toBe(true);
  });

  it('converges when both type at the same position at the same time', () => {
    const { server, a, b } = pair();
    a.type(0, 'hello');
    b.type(0, 'world');
    a.serveOne(); // a's push is first: version 1
    b.serveOne(); // b's is based on version 0: conflict
    settle([a, b]);
    expect(server.doc.toString()).toHaveLength(10);
    expect(a.text).toBe(server.doc.toString());
    expect(b.text).toBe(server.doc.toString());
    expect(server.doc.toString()).toMatch(/^(helloworld|worldhello)$/);
    expect(server.log).toHaveLength(2);
  });

  it('on conflict pulls, rebases its updates over the missed ones, and pushes again', () => {
    const { a, b } = pair();
    a.type(0, 'hello');
    b.type(0, 'world');
    a.serveOne();
    b.serveOne();
    // a's update reaches b late: b reads the conflict of its push first.
    expect(b.inbox.map((e) => e.type)).toEqual(['remote', 'failed']);
    const late = b.inbox.shift()!;
    b.readOne();
    expect(b.outbox).toEqual([{ type: 'pull', req: expect.any(Number), version: 0 }]);
    b.serveOne();
    b.readOne();
    expect(b.text).toBe('helloworld');
    // Rebased onto version 1: the insert now comes after a's five characters.
    expect(b.outbox).toEqual([
      { type: 'push', req: expect.any(Number), version: 1, updates: [{ clientID: expect.any(String), changes: [5, [0, 'world']] }] },
    ]);
    b.send(late);
    settle([a, b]);
    expect(a.text).toBe('helloworld');
    expect(b.text).toBe('helloworld');
    expect(isSettled(a.sync) && isSettled(b.sync)).toBe(true);
  });

  it('after a conflict, pushes again at once when the missed updates have already arrived', () => {
    const { a, b } = pair();
    a.type(0, 'hello');
    b.type(0, 'world');
    a.serveOne();
    b.serveOne();
    b.readOne(); // a's update
    expect(b.text).toBe('helloworld');
    expect(b.sync.phase.name).toBe('pushing');
    b.readOne(); // the conflict
    expect(b.outbox).toEqual([
      { type: 'push', req: expect.any(Number), version: 1, updates: [{ clientID: expect.any(String), changes: [5, [0, 'world']] }] },
    ]);
    settle([a, b]);
    expect(a.text).toBe('helloworld');
  });

  it('a push refused as behind when nothing is newer means the document is closed: read-only, no loop', () => {
    const { server, a } = pair();
    server.closed = true;
    a.type(0, 'x');
    settle([a]);
    expect(a.sync.phase.name).toBe('ended');
    expect(pushes(a)).toHaveLength(1);
  });

  it('ignores workspace-updates it has already applied, late or twice', () => {
    const { a, b } = pair();
    a.type(0, 'abc');
    a.serveOne();
    const event = b.inbox[0];
    settle([a, b]);
    expect(b.text).toBe('abc');
    b.send(event);
    b.send(event);
    expect(b.text).toBe('abc');
    // Part of an event already applied: only the rest is taken.
    a.type(3, 'd');
    a.serveOne();
    const both = { type: 'remote' as const, version: 2, updates: [...(event.type === 'remote' ? event.updates : []), ...a.server.log.slice(1)] };
    b.inbox = [];
    b.send(both);
    expect(b.text).toBe('abcd');
    expect(getSyncedVersion(b.sync.editor!)).toBe(2);
  });

  it('does not apply updates that skip a version: it pulls the gap', () => {
    const { a, b } = pair();
    a.type(0, 'x');
    a.serveOne();
    a.readOne();
    a.type(1, 'y');
    a.serveOne();
    b.inbox.shift(); // the event for version 1 is lost
    b.readOne(); // version 2 arrives: its base is 1, b has 0
    expect(b.text).toBe('');
    expect(b.outbox).toEqual([{ type: 'pull', req: expect.any(Number), version: 0 }]);
    settle([a, b]);
    expect(b.text).toBe('xy');
  });

  it('keeps one push in flight and at most 100 updates in it', () => {
    const { a } = pair();
    a.drop();
    for (let i = 0; i < 150; i++) a.type(i, String(i % 10));
    a.join();
    a.serveOne();
    a.readOne();
    expect(pushes(a)).toHaveLength(1);
    expect((pushes(a)[0] as { updates: unknown[] }).updates).toHaveLength(MAX_PUSH_UPDATES);
    a.type(0, '!');
    a.type(0, '!');
    expect(a.outbox).toHaveLength(1);
    settle([a]);
    expect(pushes(a).map((p) => (p as { updates: unknown[] }).updates.length)).toEqual([100, 52]);
    expect(a.server.doc.length).toBe(152);
  });

  it('splits a push at 60 KiB of JSON', () => {
    const { a } = pair();
    let state = a.sync.editor!;
    for (let i = 0; i < 5; i++) state = state.update({ changes: { from: 0, insert: 'x'.repeat(20_000) } }).state;
    expect(nextBatch(state)).toHaveLength(3);
  });

  it('resumes from its version after a reconnect: edits made offline go after what it missed', () => {
    const { server, a, b } = pair();
    a.type(0, 'one ');
    settle([a, b]);
    a.drop();
    a.type(4, 'two');
    b.type(4, 'three ');
    settle([b]);
    a.join();
    settle([a, b]);
    expect(server.doc.toString()).toBe('one three two');
    expect(a.text).toBe(server.doc.toString());
    expect(b.text).toBe(server.doc.toString());
    const opened = a.log.filter((e) => e.type === 'pull');
    expect(opened.at(-1)).toMatchObject({ version: 1 });
  });

  it('does not send twice a push the server took whose ack was lost', () => {
    const { server, a, b } = pair();
    a.type(0, 'abc');
    a.serveOne(); // applied...
    a.drop(); // ...but the ack is lost with the socket
    a.type(3, 'd');
    a.join();
    settle([a, b]);
    expect(server.doc.toString()).toBe('abcd');
    expect(a.text).toBe('abcd');
    expect(b.text).toBe('abcd');
  });

  it('keeps unsent edits across a reload, whether or not the server took them', () => {
    for (const tookIt of [true, false]) {
      const { server, a, b } = pair();
      a.type(0, 'abc');
      if (tookIt) a.serveOne();
      a.type(3, 'd');
      const saved = savedOf(a.sync);
      expect(saved).toMatchObject({ version: 0, doc: '', pending: [[[0, 'abc']], [3, [0, 'd']]] });
      const again = a.reload();
      expect(again.sync.setup.clientID).not.toBe(a.sync.setup.clientID);
      again.join();
      settle([again, b]);
      expect(server.doc.toString()).toBe('abcd');
      expect(again.text).toBe('abcd');
      expect(b.text).toBe('abcd');
      expect(savedOf(again.sync)).toBeNull();
    }
  });

  it('becomes read-only when the interview is over (conflict on open, or told so)', () => {
    const { server, a, b } = pair();
    a.type(0, 'x');
    server.refuseWith = new ApiError('conflict', 'over');
    settle([a, b]);
    // push conflict -> pull conflict -> open conflict: over.
    expect(a.log.filter((e) => e.type !== 'dispatch').map((e) => e.type)).toEqual(['open', 'load', 'push', 'pull', 'open']);
    expect(a.sync.phase.name).toBe('ended');
    b.send({ type: 'over' });
    expect(b.sync.phase.name).toBe('ended');
    b.join();
    expect(b.outbox).toEqual([]);
  });

  it('waits for the next join when not in the room, and retries transient failures with a growing delay', () => {
    const { server, a } = pair();
    server.refuseWith = new ApiError('forbidden', 'not in the room');
    a.type(0, 'x');
    settle([a]);
    expect(a.sync.phase.name).toBe('detached');
    server.refuseWith = new ApiError('timeout', 'slow');
    a.join();
    settle([a]);
    expect(a.sync.phase).toMatchObject({ name: 'waiting', retry: 'open', ms: 1000 });
    const first = timerOf(a.sync);
    a.send({ type: 'retry' });
    settle([a]);
    expect(a.sync.phase).toMatchObject({ name: 'waiting', ms: 2000 });
    expect(timerOf(a.sync)?.key).not.toBe(first?.key);
    server.refuseWith = null;
    a.send({ type: 'retry' });
    settle([a]);
    expect(a.sync.phase.name).toBe('ready');
    expect(server.doc.toString()).toBe('x');
    expect(timerOf(a.sync)).toBeNull();
  });

  it('takes the server’s copy when the two differ at the same version, and says so', () => {
    const { server, a } = pair();
    a.drop();
    server.doc = Text.of(['changed behind our back']);
    a.join();
    settle([a]);
    expect(a.text).toBe('changed behind our back');
    expect(a.sync.notice).toBe('diverged');
    a.send({ type: 'dismiss' });
    expect(a.sync.notice).toBeNull();
  });

  it('an update that does not fit the text reloads the document from the server, and says so', () => {
    const { server, a } = pair();
    a.type(0, 'ok');
    settle([a]);
    a.send({ type: 'remote', version: 2, updates: [{ clientID: 'x', changes: [99, [0, 'y']] }] });
    expect(a.outbox).toEqual([{ type: 'open', req: expect.any(Number) }]);
    settle([a]);
    expect(a.text).toBe(server.doc.toString());
    expect(a.sync.notice).toBe('diverged');
    expect(a.sync.phase.name).toBe('ready');
  });

  it('answers of an older request are ignored', () => {
    const { a } = pair();
    a.type(0, 'x');
    const push = a.outbox[0];
    a.join(); // a new membership: opens again; the push's ack, if any, is stale
    a.send({ type: 'pushed', req: push.req, version: 1 });
    expect(sendableUpdates(a.sync.editor!)).toHaveLength(1);
    expect(a.sync.phase.name).toBe('opening');
  });

  it('a fresh machine is detached with nothing to save', () => {
    const s = initialSync({ clientID: 'z', extensions: [] });
    expect(transition(s, { type: 'remote', version: 3, updates: [] }).effects).toEqual([]);
    expect(savedOf(s)).toBeNull();
  });
});

/** A small deterministic generator, so a failing run can be replayed from its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

// SYNC_SEEDS=1500 npx vitest run src/features/workspace --testTimeout 120000 runs many more.
describe('random interleavings', () => {
  it('end with every typed character exactly once on both sides and the server, through drops and reloads', () => {
    for (let seed = 1; seed <= Number(process.env.SYNC_SEEDS ?? 30); seed++) {
      const random = rng(seed);
      const server = new Authority();
      let clients = [new Client(server), new Client(server)];
      clients.forEach((c) => c.join());
      let next = 0x4e00;
      const typed: string[] = [];
      for (let step = 0; step < 300; step++) {
        const i = random() < 0.5 ? 0 : 1;
        const c = clients[i];
        const r = random();
        if (r < 0.35 && c.sync.editor) {
          const ch = String.fromCharCode(next++);
          typed.push(ch);
          c.type(Math.floor(random() * (c.sync.editor.doc.length + 1)), ch);
        } else if (r < 0.65) c.serveOne();
        else if (r < 0.9) c.readOne();
        else if (r < 0.95) {
          if (c.online) c.drop();
          else c.join();
        } else if (r < 0.97) {
          clients[i] = c.reload();
          clients[i].join();
        }
      }
      clients.forEach((c) => c.online || c.join());
      settle(clients);
      const final = server.doc.toString();
      expect([...final].sort(), `seed ${seed}`).toEqual([...typed].sort());
      for (const c of clients) expect(c.text, `seed ${seed}`).toBe(final);
    }
  });

  it('converge with deletions and replacements too', () => {
    for (let seed = 100; seed < 120; seed++) {
      const random = rng(seed);
      const server = new Authority();
      const clients = [new Client(server), new Client(server)];
      clients.forEach((c) => c.join());
      for (let step = 0; step < 300; step++) {
        const c = clients[random() < 0.5 ? 0 : 1];
        const r = random();
        if (r < 0.4 && c.sync.editor) {
          const len = c.sync.editor.doc.length;
          const from = Math.floor(random() * (len + 1));
          const to = Math.min(len, from + Math.floor(random() * 3));
          c.edit({ from, to, insert: random() < 0.7 ? 'ab\n'.slice(0, 1 + Math.floor(random() * 3)) : '' });
        } else if (r < 0.7) c.serveOne();
        else c.readOne();
      }
      settle(clients);
      for (const c of clients) expect(c.text, `seed ${seed}`).toBe(server.doc.toString());
    }
  });
});
