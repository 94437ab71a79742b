// A test fixture of the @codemirror/collab protocol as API.md v2 states it, for
// sync.test.ts: a linear log of updates that refuses a push based on another
// version, and two or more simulated clients running the real sync machine
// over an ordered, loss-prone channel (acks and events arrive in the order
// the authority sent them, and a disconnect loses whatever was in flight).
import { ChangeSet, Text } from '@codemirror/state';
import { ApiError } from '../../../lib/errors';
import type { UpdateJSON, Workspace } from '../../../types';
import { initialSync, savedOf, transition } from './sync';
import type { Saved, Sync, SyncEffect, SyncEvent } from './syncState';

type Request = Extract<SyncEffect, { type: 'open' | 'push' | 'pull' }>;

export class Authority {
  doc = Text.empty;
  log: UpdateJSON[] = [];
  clients: Client[] = [];
  /** When set, every request answers this error (the interview is over: `conflict`). */
  refuseWith: ApiError | null = null;
  /** Pushes are refused with `conflict` whatever their version; reads still work (a closed document). */
  closed = false;

  workspace(): Workspace {
    return { roomId: 'r', round: 1, language: 'python', doc: this.doc.toString(), version: this.log.length, updatedAt: null };
  }

  /** Serves a client's request: the ack goes to that client, a push's updates to the others. */
  serve(from: Client, r: Request) {
    const reply = (event: SyncEvent) => from.inbox.push(event);
    if (this.refuseWith) return reply({ type: 'failed', req: r.req, error: this.refuseWith });
    if (r.type === 'open') return reply({ type: 'opened', req: r.req, workspace: this.workspace() });
    if (r.type === 'pull') return reply({ type: 'pulled', req: r.req, version: this.log.length, updates: this.log.slice(r.version) });
    if (this.closed || r.version !== this.log.length) return reply({ type: 'failed', req: r.req, error: new ApiError('conflict', 'behind') });
    let doc = this.doc;
    for (const u of r.updates) doc = ChangeSet.fromJSON(u.changes).apply(doc); // throws on a bad length: a test bug
    this.doc = doc;
    this.log.push(...r.updates);
    reply({ type: 'pushed', req: r.req, version: this.log.length });
    const event: SyncEvent = { type: 'remote', version: this.log.length, updates: r.updates };
    for (const c of this.clients) if (c !== from && c.online) c.inbox.push(event);
  }
}

let ids = 0;

export class Client {
  sync: Sync;
  outbox: Request[] = [];
  inbox: SyncEvent[] = [];
  online = false;
  /** Every effect the machine asked for, in order. */
  log: SyncEffect[] = [];

  constructor(
    readonly server: Authority,
    restore: Saved | null = null,
  ) {
    this.sync = initialSync({ clientID: `c${++ids}`, extensions: [] }, restore);
    server.clients.push(this);
  }

  get text() {
    return this.sync.editor?.doc.toString() ?? null;
  }

  send(event: SyncEvent) {
    const step = transition(this.sync, event);
    this.sync = step.sync;
    for (const e of step.effects) {
      this.log.push(e);
      if (e.type === 'open' || e.type === 'push' || e.type === 'pull') this.outbox.push(e);
    }
  }

  join() {
    this.online = true;
    this.send({ type: 'joined' });
  }

  /** The socket goes away: requests not yet served and answers not yet read are lost. */
  drop() {
    this.online = false;
    this.outbox = [];
    this.inbox = [];
    this.send({ type: 'left' });
  }

  /** The page reloads: a new client from what the old one saved. */
  reload(): Client {
    const saved = savedOf(this.sync);
    this.drop();
    this.server.clients = this.server.clients.filter((c) => c !== this);
    return new Client(this.server, saved);
  }

  type(at: number, insert: string) {
    this.edit({ from: at, insert });
  }

  edit(changes: { from: number; to?: number; insert?: string }) {
    this.send({ type: 'edited', state: this.sync.editor!.update({ changes }).state });
  }

  /** The authority serves this client's oldest request. */
  serveOne(): boolean {
    const r = this.outbox.shift();
    if (!r) return false;
    this.server.serve(this, r);
    return true;
  }

  /** This client reads its oldest answer or event. */
  readOne(): boolean {
    const e = this.inbox.shift();
    if (!e) return false;
    this.send(e);
    return true;
  }
}

/** Serves and reads until nothing moves (bounded, so a livelock fails the test instead of hanging it). */
export function settle(clients: Client[]) {
  for (let i = 0; i < 10_000; i++) {
    let moved = false;
    for (const c of clients) moved = c.serveOne() || moved;
    for (const c of clients) while (c.readOne()) moved = true;
    if (!moved) return;
  }
  throw new Error('the clients never settled');
}
