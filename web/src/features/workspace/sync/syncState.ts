// The vocabulary of the shared document's sync machine (sync.ts): its phases,
// events and effects, and the contract's limits. Plain data.
import type { EditorState, Extension, Text, Transaction } from '@codemirror/state';
import type { ApiError } from '../../../lib/errors';
import type { Language, UpdateJSON, Workspace } from '../../../types';

/** API.md v2: a push carries at most 100 updates and 64 KiB as JSON; we keep a margin for the envelope. */
export const MAX_PUSH_UPDATES = 100;
export const MAX_PUSH_BYTES = 60 * 1024;
/** API.md v2: a document holds at most 200,000 UTF-16 code units. */
export const MAX_DOC_LENGTH = 200_000;
/** A transient failure is retried after 1 s, 2 s, 4 s... at most this long (or the server's Retry-After). */
export const MAX_RETRY_MS = 10_000;

export type Phase =
  /** Not (or no longer) in the room: before the first join, while the socket is down, after `forbidden`. Local edits are kept. */
  | { name: 'detached' }
  /** workspace-open is in flight. */
  | { name: 'opening'; req: number }
  /** In step with the server as far as we know; nothing in flight, nothing to send. */
  | { name: 'ready' }
  /** A push of the first `count` local updates, based on `version`, is in flight (one at a time). */
  | { name: 'pushing'; req: number; version: number; count: number }
  /**
   * A pull of the updates after `version` is in flight (after a conflict, a gap, or on resuming);
   * `afterConflict`: a push based on `version` was refused with `conflict`.
   */
  | { name: 'pulling'; req: number; version: number; afterConflict: boolean }
  /** A request failed for now; `retry` is done again after a delay. */
  | { name: 'waiting'; retry: 'open' | 'sync'; attempt: number; ms: number }
  /** The interview is over: the document is read-only. */
  | { name: 'ended' }
  /** Refused for good (not a participant, signed out). */
  | { name: 'failed'; error: ApiError };

export type PhaseName = Phase['name'];

/** What a reload keeps (sessionStorage) so that unsent edits are neither lost nor sent twice. */
export interface Saved {
  clientID: string;
  /** The synced version and the server's text at it. */
  version: number;
  doc: string;
  /** The unconfirmed local updates' changes, in order, based on `version`. */
  pending: UpdateJSON['changes'][];
}

export interface Setup {
  /** This page's collab client id (a reload restoring `Saved` continues with the saved one). */
  clientID: string;
  /** The editor's own extensions (language, keymaps, cursors...); the machine adds collab(). */
  extensions: Extension;
}

export interface Sync {
  setup: Setup;
  phase: Phase;
  /** The editor's state (null before the first open): its collab field has the synced version and the unconfirmed updates. */
  editor: EditorState | null;
  /** The server's text at the synced version (the editor's minus what is unconfirmed). */
  base: Text | null;
  /** The highest version the server has told of (updates, acks); above the synced one, a pull is due. */
  known: number;
  lastReq: number;
  /** Transient failures in a row (the retry delay grows with them). */
  failures: number;
  /** Resets so far: each starts a new collab client id, so a lost push of the old one is never taken for ours. */
  resets: number;
  language: Language;
  /** Why the document was reloaded from the server, for the user; null when it was not. */
  notice: 'diverged' | 'refused' | null;
  /** Unsent edits from before a reload, used by the first open. */
  restore: Saved | null;
  /** The next open discards local edits, and why: the server refused them, or its log does not fit ours. */
  discard: Sync['notice'];
}

export type SyncEvent =
  /** This page's socket joined the room (again): open the document. */
  | { type: 'joined' }
  /** The socket went away. */
  | { type: 'left' }
  | { type: 'opened'; req: number; workspace: Workspace }
  | { type: 'pushed'; req: number; version: number }
  | { type: 'pulled'; req: number; version: number; updates: UpdateJSON[] }
  | { type: 'failed'; req: number; error: ApiError }
  /** workspace-updates from the server: `updates` took the document to `version`. */
  | { type: 'remote'; version: number; updates: UpdateJSON[] }
  /** The editor has a new state (local typing, or a transaction we dispatched). */
  | { type: 'edited'; state: EditorState }
  | { type: 'language'; language: Language }
  /** The user has read the notice. */
  | { type: 'dismiss' }
  /** The retry delay of `waiting` has passed. */
  | { type: 'retry' }
  /** The interview is over. */
  | { type: 'over' };

export type SyncEffect =
  | { type: 'open'; req: number }
  | { type: 'push'; req: number; version: number; updates: UpdateJSON[] }
  | { type: 'pull'; req: number; version: number }
  /** The editor takes a new state (first open, reset): nothing of the old one carries over. */
  | { type: 'load'; state: EditorState }
  /** Apply this transaction to the editor, whose state is its start state. */
  | { type: 'dispatch'; transaction: Transaction };

export interface SyncStep {
  sync: Sync;
  effects: SyncEffect[];
}
