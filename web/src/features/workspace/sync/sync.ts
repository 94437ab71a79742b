// One round's shared document on one page, as a pure state machine over the
// @codemirror/collab protocol of API.md v2. The server holds the linear list
// of updates; this side pushes its unconfirmed updates based on the version it
// has, one push at a time, and on `conflict` pulls what it missed, rebases
// (receiveUpdates) and pushes again. The driver (session.ts) feeds it socket
// acks and events and the editor's states, and runs its effects.
//
//   detached ──joined──▶ opening ──opened──▶ ready ⇄ pushing
//                          │                   │  ▲      │ conflict
//                          │                   ▼  │      ▼
//                          │          (gap) pulling ◀────┘ (nothing newer after a conflict: ended)
//   any request ──failed for now──▶ waiting ──retry──▶ opening / sync
//   left, forbidden ──▶ detached;  conflict on open, over ──▶ ended;  not_found ──▶ failed ──joined──▶ opening
//
// No text is lost or doubled across reconnects and reloads because our own
// updates are recognised by client id: whatever the server took of a push
// whose ack never came back is pulled and matched to the unconfirmed local
// updates (receiveUpdates), and the rest is pushed again. A reload keeps the
// unconfirmed updates with the base text and client id (`saved`).
import { ChangeSet, EditorState, Text } from '@codemirror/state';
import { collab, getSyncedVersion, receiveUpdates, sendableUpdates, type Update } from '@codemirror/collab';
import { ApiError } from '../../../lib/errors';
import type { UpdateJSON, Workspace } from '../../../types';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_UPDATES,
  MAX_RETRY_MS,
  type Phase,
  type Saved,
  type Setup,
  type Sync,
  type SyncEffect,
  type SyncEvent,
  type SyncStep,
} from './syncState';

export function initialSync(setup: Setup, restore: Saved | null = null): Sync {
  return {
    setup,
    phase: { name: 'detached' },
    editor: null,
    base: null,
    known: 0,
    lastReq: 0,
    resets: 0,
    failures: 0,
    language: 'python',
    notice: null,
    restore,
    discard: null,
  };
}

/** Errors that no retry can fix. */
const FOR_GOOD = ['not_found', 'unauthorized'];
/** The request should not have been made; it is not retried as it was. */
const REFUSED = ['validation_failed', 'payload_too_large', 'malformed_json'];

const stay = (sync: Sync): SyncStep => ({ sync, effects: [] });
const clientIdOf = (sync: Sync) => (sync.resets ? `${sync.setup.clientID}.${sync.resets}` : sync.setup.clientID);

function newEditor(sync: Sync, doc: string, version: number, clientID = clientIdOf(sync)): EditorState {
  return EditorState.create({ doc, extensions: [collab({ startVersion: version, clientID }), sync.setup.extensions] });
}

function request(sync: Sync, make: (req: number) => Phase, effect: (req: number) => SyncEffect): SyncStep {
  const req = sync.lastReq + 1;
  return { sync: { ...sync, lastReq: req, phase: make(req) }, effects: [effect(req)] };
}

const open = (sync: Sync) => request(sync, (req) => ({ name: 'opening', req }), (req) => ({ type: 'open', req }));

function pull(sync: Sync, afterConflict = false): SyncStep {
  const version = getSyncedVersion(sync.editor!);
  return request(
    sync,
    (req) => ({ name: 'pulling', req, version, afterConflict }),
    (req) => ({ type: 'pull', req, version }),
  );
}

/** The updates of the next push: a prefix of the unconfirmed ones within the contract's limits. */
export function nextBatch(state: EditorState): UpdateJSON[] {
  const batch: UpdateJSON[] = [];
  let bytes = 2;
  for (const u of sendableUpdates(state).slice(0, MAX_PUSH_UPDATES)) {
    const json: UpdateJSON = { clientID: u.clientID, changes: u.changes.toJSON() as UpdateJSON['changes'] };
    bytes += new TextEncoder().encode(JSON.stringify(json)).length + 1;
    if (batch.length && bytes > MAX_PUSH_BYTES) break;
    batch.push(json);
  }
  return batch;
}

/** Nothing in flight: pull when the server is ahead, else push what is unconfirmed, else rest. */
function proceed(sync: Sync, effects: SyncEffect[] = []): SyncStep {
  const editor = sync.editor!;
  const synced = getSyncedVersion(editor);
  let step: SyncStep;
  if (sync.known > synced) step = pull(sync);
  else if (sendableUpdates(editor).length) {
    const updates = nextBatch(editor);
    step = request(
      sync,
      (req) => ({ name: 'pushing', req, version: synced, count: updates.length }),
      (req) => ({ type: 'push', req, version: synced, updates }),
    );
  } else step = stay({ ...sync, phase: { name: 'ready' } });
  return { sync: step.sync, effects: [...effects, ...step.effects] };
}

function decode(updates: readonly UpdateJSON[]): Update[] {
  return updates.map((u) => ({ clientID: String(u.clientID), changes: ChangeSet.fromJSON(u.changes) }));
}

type Taken = { sync: Sync; effects: SyncEffect[] } | 'gap' | 'unfit';

/**
 * Takes the server's updates that lead from version `from` to `from +
 * updates.length`: those already applied are skipped; the others move the
 * editor (rebasing what is unconfirmed) and the base text. 'gap' when they do
 * not reach back to the synced version (the caller pulls), 'unfit' when they
 * do not fit the text (malformed, or the two sides diverged: the caller resets).
 */
function take(sync: Sync, from: number, updates: readonly UpdateJSON[] | readonly Update[]): Taken {
  const editor = sync.editor!;
  const skip = getSyncedVersion(editor) - from;
  if (skip < 0) return 'gap';
  if (skip >= updates.length) return { sync, effects: [] };
  try {
    const fresh = updates.slice(skip);
    const decoded = fresh[0].changes instanceof ChangeSet ? (fresh as Update[]) : decode(fresh as UpdateJSON[]);
    let base = sync.base!;
    for (const u of decoded) base = u.changes.apply(base);
    const transaction = receiveUpdates(editor, decoded);
    return { sync: { ...sync, editor: transaction.state, base }, effects: [{ type: 'dispatch', transaction }] };
  } catch {
    return 'unfit';
  }
}

/** The document again from the server's copy: local edits that cannot be reconciled are dropped. */
function reset(sync: Sync, w: Workspace, notice: Sync['notice']): SyncStep {
  const next: Sync = { ...sync, resets: sync.resets + 1, discard: null, notice, known: w.version };
  const editor = newEditor(next, w.doc, w.version);
  return proceed({ ...next, editor, base: Text.of(w.doc.split('\n')) }, [{ type: 'load', state: editor }]);
}

/** The editor from before a reload: the saved base with the unsent updates on top, as unconfirmed. */
export function restoredEditor(sync: Sync, saved: Saved): EditorState {
  let state = newEditor(sync, saved.doc, saved.version, saved.clientID);
  for (const changes of saved.pending) state = state.update({ changes: ChangeSet.fromJSON(changes) }).state;
  return state;
}

function opened(sync: Sync, w: Workspace): SyncStep {
  const s: Sync = { ...sync, failures: 0, language: w.language, known: Math.max(sync.known, w.version) };
  if (s.discard) return reset(s, w, s.discard);
  if (!s.editor) {
    const saved = s.restore;
    if (saved && saved.version <= w.version) {
      try {
        const editor = restoredEditor(s, saved);
        const base = Text.of(saved.doc.split('\n'));
        return proceed({ ...s, restore: null, editor, base }, [{ type: 'load', state: editor }]);
      } catch {
        // A saved record that does not replay is worthless: start from the server's copy.
      }
    }
    const editor = newEditor(s, w.doc, w.version);
    return proceed({ ...s, restore: null, editor, base: Text.of(w.doc.split('\n')) }, [{ type: 'load', state: editor }]);
  }
  const synced = getSyncedVersion(s.editor);
  if (w.version < synced || (w.version === synced && w.doc !== s.base!.toString())) return reset(s, w, 'diverged');
  return proceed(s);
}

function pushed(sync: Sync, phase: Extract<Phase, { name: 'pushing' }>, version: number): SyncStep {
  const editor = sync.editor!;
  const s: Sync = { ...sync, failures: 0, known: Math.max(sync.known, version) };
  if (getSyncedVersion(editor) !== phase.version || version !== phase.version + phase.count) return proceed(s);
  // The server took our updates as versions phase.version+1..version: confirm them as the server's.
  const r = take(s, phase.version, sendableUpdates(editor).slice(0, phase.count));
  if (r === 'gap' || r === 'unfit') return proceed(s);
  return proceed(r.sync, r.effects);
}

function retryDelay(attempt: number, error: ApiError): number {
  if (error.retryAfterSeconds != null) return Math.min(60_000, Math.max(0, error.retryAfterSeconds * 1000));
  return Math.min(MAX_RETRY_MS, 1000 * 2 ** attempt);
}

function failed(sync: Sync, phase: Extract<Phase, { req: number }>, error: ApiError): SyncStep {
  const code = error.code;
  if (FOR_GOOD.includes(code)) return stay({ ...sync, phase: { name: 'failed', error } });
  // Not in the room (another tab took our place, or the socket is down): the next join opens again.
  if (code === 'forbidden' || code === 'offline') return stay({ ...sync, phase: { name: 'detached' } });
  if (code === 'conflict') {
    // API.md answers `conflict` both to a push based on an old version and to anything once the
    // interview is over. A push: rebase over what we missed and push again (when updates arrived
    // since it was sent, we have them already; else pull them). Anything else: over.
    if (phase.name === 'pushing') return getSyncedVersion(sync.editor!) > phase.version ? proceed(sync) : pull(sync, true);
    if (phase.name === 'pulling') return open(sync);
    return stay({ ...sync, phase: { name: 'ended' } });
  }
  if (REFUSED.includes(code)) {
    // The server refused our updates, or cannot replay its log from our version: start from its copy.
    if (phase.name === 'opening') return stay({ ...sync, phase: { name: 'failed', error } });
    return open({ ...sync, discard: 'refused' });
  }
  const attempt = sync.failures;
  const retry = phase.name === 'opening' ? 'open' : 'sync';
  return stay({ ...sync, failures: attempt + 1, phase: { name: 'waiting', retry, attempt, ms: retryDelay(attempt, error) } });
}

function remote(sync: Sync, version: number, updates: UpdateJSON[]): SyncStep {
  const s: Sync = { ...sync, known: Math.max(sync.known, version) };
  const live = ['ready', 'pushing', 'pulling', 'waiting'].includes(s.phase.name);
  if (!live || !s.editor) return stay(s);
  const r = take(s, version - updates.length, updates);
  if (r === 'unfit') return open({ ...s, discard: 'diverged' });
  if (r === 'gap') return s.phase.name === 'ready' ? proceed(s) : stay(s);
  if (r.sync.phase.name === 'ready') return proceed(r.sync, r.effects);
  return r;
}

export function transition(sync: Sync, event: SyncEvent): SyncStep {
  const phase = sync.phase;
  if (phase.name === 'ended' || (phase.name === 'failed' && event.type !== 'joined')) {
    return event.type === 'edited' && sync.editor ? stay({ ...sync, editor: event.state }) : stay(sync);
  }
  switch (event.type) {
    case 'joined':
      return open(sync);
    case 'left':
      return stay({ ...sync, phase: { name: 'detached' } });
    case 'over':
      return stay({ ...sync, phase: { name: 'ended' } });
    case 'language':
      return stay({ ...sync, language: event.language });
    case 'dismiss':
      return stay({ ...sync, notice: null });
    case 'edited': {
      if (!sync.editor || event.state === sync.editor) return stay(sync);
      const s = { ...sync, editor: event.state };
      return phase.name === 'ready' ? proceed(s) : stay(s);
    }
    case 'remote':
      return remote(sync, event.version, event.updates);
    case 'retry':
      if (phase.name !== 'waiting') return stay(sync);
      return phase.retry === 'open' || !sync.editor ? open(sync) : proceed(sync);
  }
  // The answers to a request: those of an older one are ignored.
  if (!('req' in phase) || event.req !== phase.req) return stay(sync);
  switch (event.type) {
    case 'opened':
      return phase.name === 'opening' ? opened(sync, event.workspace) : stay(sync);
    case 'pushed':
      return phase.name === 'pushing' ? pushed(sync, phase, event.version) : stay(sync);
    case 'pulled': {
      if (phase.name !== 'pulling') return stay(sync);
      // The answer must be the whole log after our version; anything else cannot be replayed.
      if (event.version !== phase.version + event.updates.length) return open({ ...sync, discard: 'diverged' });
      // A push refused as behind, yet nothing is newer: the document no longer takes pushes.
      if (phase.afterConflict && event.updates.length === 0) return stay({ ...sync, phase: { name: 'ended' } });
      const s = { ...sync, failures: 0, known: Math.max(sync.known, event.version) };
      const r = take(s, phase.version, event.updates);
      if (r === 'unfit' || r === 'gap') return open({ ...s, discard: 'diverged' });
      return proceed(r.sync, r.effects);
    }
    case 'failed':
      return failed(sync, phase, event.error);
  }
}

/** The retry timer `waiting` wants, if any; `key` changes whenever it must be armed again. */
export function timerOf(sync: Sync): { key: string; ms: number } | null {
  const p = sync.phase;
  return p.name === 'waiting' ? { key: `${sync.lastReq}:${p.attempt}`, ms: p.ms } : null;
}

/** What a reload must keep: the unconfirmed updates on their base (or the record not yet used), null when none. */
export function savedOf(sync: Sync): Saved | null {
  if (!sync.editor || !sync.base) return sync.restore;
  const pending = sendableUpdates(sync.editor);
  if (!pending.length) return null;
  return {
    clientID: pending[0].clientID,
    version: getSyncedVersion(sync.editor),
    doc: sync.base.toString(),
    pending: pending.map((u) => u.changes.toJSON() as UpdateJSON['changes']),
  };
}

/** In step with the server: nothing unconfirmed, nothing in flight, nothing known that we lack. */
export function isSettled(sync: Sync): boolean {
  return (
    sync.phase.name === 'ready' &&
    !!sync.editor &&
    sendableUpdates(sync.editor).length === 0 &&
    sync.known <= getSyncedVersion(sync.editor)
  );
}

/** Unconfirmed local updates (shown as "saving…"). */
export function pendingCount(sync: Sync): number {
  return sync.editor ? sendableUpdates(sync.editor).length : 0;
}

export { ApiError };
