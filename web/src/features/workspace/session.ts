// The driver of one round's shared document on this page: it runs the sync
// machine (sync/sync.ts), turning its effects into socket requests and editor
// transactions and their answers into events; it owns the EditorView, the
// retry timer, the throttled cursor, the language and read-only switches,
// and keeps unsent edits in sessionStorage when the page hides.
import { Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ApiError, describeError } from '../../lib/errors';
import { emitRequest } from '../../lib/socket';
import type { Id, Language } from '../../types';
import { liveEditor, readOnlyExtension, type EditorParts } from './editor/extensions';
import { loadedLanguage, loadLanguage } from './editor/languages';
import { remoteCursorLines, setRemoteCursor } from './editor/remoteCursor';
import { editRefused } from './sync/limits';
import { readSaved, sessionStore, writeSaved, type KeyValueStore } from './sync/saved';
import { initialSync, isSettled, pendingCount, savedOf, timerOf, transition } from './sync/sync';
import type { PhaseName, Sync, SyncEffect, SyncEvent } from './sync/syncState';
import { routeWorkspaceEvents } from './workspaceEvents';

/** The partner's cursor is sent at most this often. */
export const CURSOR_THROTTLE_MS = 120;
/** A retired session (the round changed, the room was left) keeps sending what is unsent this long. */
export const RETIRE_DRAIN_MS = 10_000;

export interface WorkspaceSnapshot {
  phase: PhaseName;
  /** The document has been opened (the editor exists). */
  loaded: boolean;
  language: Language;
  readOnly: boolean;
  /** Local updates the server has not confirmed yet. */
  pending: number;
  /** In step with the server. */
  settled: boolean;
  notice: Sync['notice'];
  /** Why the document cannot be used (phase `failed`). */
  error: ApiError | null;
  /** Why the last edit was refused (too large), until the next accepted edit. */
  refusal: string | null;
  languageError: string | null;
  /** Where the partner's cursor is ("line 3"), if known. */
  partnerAt: string | null;
}

/** What the room's other parts may ask of the shared document (the Run button). */
export interface WorkspaceHandle {
  /** Resolves true once every local edit is on the server, false if that takes longer than `ms` or cannot happen now. */
  flush(ms: number): Promise<boolean>;
  text(): string | null;
  language(): Language;
}

export interface SessionOptions {
  roomId: Id;
  round: number;
  /** The accessible name of the editor's text box. */
  label: string;
  nameOf: (userId: Id) => string;
  store?: KeyValueStore | null;
}

const LIVE: readonly PhaseName[] = ['ready', 'pushing', 'pulling', 'waiting'];

function newClientId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('internal', describeError(e));
}

export class WorkspaceSession implements WorkspaceHandle {
  /** Called by the Run shortcut; the panel sets it. */
  onRun: () => void = () => undefined;

  private sync: Sync;
  private readonly parts: EditorParts;
  private readonly store: KeyValueStore | null;
  private view: EditorView | null = null;
  private parent: HTMLElement | null = null;
  private readonly queue: SyncEvent[] = [];
  private busy = false;
  private retryTimer: { key: string; handle: ReturnType<typeof setTimeout> } | null = null;
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private lastCursor = '';
  /** What the view's compartments hold now; null: not set on this state yet. */
  private shown: { language: Language | null; readOnly: boolean | null } = { language: null, readOnly: null };
  private refusal: string | null = null;
  private languageError: string | null = null;
  private partnerAt: string | null = null;
  private snap: WorkspaceSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private disposed = false;

  constructor(private readonly opts: SessionOptions) {
    this.store = opts.store === undefined ? sessionStore() : opts.store;
    this.parts = liveEditor({ run: () => this.onRun(), label: opts.label });
    const restore = readSaved(this.store, opts.roomId, opts.round);
    this.sync = initialSync({ clientID: newClientId(), extensions: this.parts.extensions }, restore);
    this.snap = this.compute();
  }

  start() {
    const { roomId, round } = this.opts;
    this.cleanups.push(
      routeWorkspaceEvents(roomId, round, {
        updates: (e) => this.send({ type: 'remote', version: e.version, updates: e.updates }),
        language: (e) => this.send({ type: 'language', language: e.language }),
        cursor: (e) => this.showCursor(e.from, e.anchor, e.head),
      }),
    );
    const persist = () => this.persist();
    const onHidden = () => document.visibilityState === 'hidden' && this.persist();
    window.addEventListener('pagehide', persist);
    document.addEventListener('visibilitychange', onHidden);
    this.cleanups.push(() => {
      window.removeEventListener('pagehide', persist);
      document.removeEventListener('visibilitychange', onHidden);
    });
  }

  /** This page joined the room (again): open the document. */
  joined() {
    this.lastCursor = '';
    this.send({ type: 'joined' });
  }

  /** The socket is gone; edits are kept until the next join. */
  left() {
    this.send({ type: 'left' });
  }

  /** The interview is over: read-only from now on. */
  over() {
    this.send({ type: 'over' });
  }

  dismissNotice() {
    this.send({ type: 'dismiss' });
  }

  setLanguage(language: Language) {
    if (this.snap.readOnly || !this.sync.editor || language === this.sync.language) return;
    const before = this.sync.language;
    this.languageError = null;
    this.send({ type: 'language', language });
    const { roomId, round } = this.opts;
    emitRequest('workspace-language', { roomId, round, language })
      .then((ack) => this.send({ type: 'language', language: ack.workspace.language }))
      .catch((e: unknown) => {
        if (this.disposed) return;
        this.languageError = `The language could not be changed: ${describeError(e)}`;
        if (this.sync.language === language) this.send({ type: 'language', language: before });
        else this.publish();
      });
  }

  mount(parent: HTMLElement) {
    this.parent = parent;
    if (this.sync.editor && !this.view) this.createView();
  }

  unmount() {
    this.persist();
    this.view?.destroy();
    this.view = null;
    this.parent = null;
  }

  focus() {
    this.view?.focus();
  }

  /** Resolves false at once when the edits cannot go now (offline, over, refused). */
  flush(ms: number): Promise<boolean> {
    const stuck = () => ['detached', 'ended', 'failed'].includes(this.sync.phase.name);
    return new Promise((resolve) => {
      if (isSettled(this.sync) || stuck()) return resolve(isSettled(this.sync));
      const done = (ok: boolean) => {
        clearTimeout(timer);
        off();
        resolve(ok);
      };
      const timer = setTimeout(() => done(isSettled(this.sync)), ms);
      const off = this.subscribe(() => (isSettled(this.sync) ? done(true) : stuck() && done(false)));
    });
  }

  text(): string | null {
    return this.sync.editor?.doc.toString() ?? null;
  }

  language(): Language {
    return this.sync.language;
  }

  /** Stops once what is unsent has been sent (or after RETIRE_DRAIN_MS), keeping the rest for a reload. */
  retire() {
    this.unmount();
    if (isSettled(this.sync) || !LIVE.includes(this.sync.phase.name)) return this.dispose();
    void this.flush(RETIRE_DRAIN_MS).then(() => this.dispose());
  }

  dispose() {
    if (this.disposed) return;
    this.persist();
    this.disposed = true;
    this.cleanups.splice(0).forEach((f) => f());
    if (this.retryTimer) clearTimeout(this.retryTimer.handle);
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.view?.destroy();
    this.view = null;
    this.listeners.clear();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.snap;

  private send(event: SyncEvent) {
    if (this.disposed) return;
    this.queue.push(event);
    if (this.busy) return;
    this.busy = true;
    try {
      for (let e = this.queue.shift(); e; e = this.queue.shift()) {
        const step = transition(this.sync, e);
        this.sync = step.sync;
        step.effects.forEach((effect) => this.run(effect));
      }
    } finally {
      this.busy = false;
    }
    this.reflect();
    this.armRetry();
    this.publish();
  }

  private run(effect: SyncEffect) {
    const { roomId, round } = this.opts;
    const answer = <T>(req: number, p: Promise<T>, ok: (v: T) => SyncEvent) =>
      p.then(
        (v) => this.send(ok(v)),
        (e: unknown) => this.send({ type: 'failed', req, error: asApiError(e) }),
      );
    switch (effect.type) {
      case 'open':
        return void answer(effect.req, emitRequest('workspace-open', { roomId, round }), (a) => ({
          type: 'opened',
          req: effect.req,
          workspace: a.workspace,
        }));
      case 'push':
        return void answer(
          effect.req,
          emitRequest('workspace-push', { roomId, round, version: effect.version, updates: effect.updates }),
          (a) => ({ type: 'pushed', req: effect.req, version: a.version }),
        );
      case 'pull':
        return void answer(effect.req, emitRequest('workspace-pull', { roomId, round, version: effect.version }), (a) => ({
          type: 'pulled',
          req: effect.req,
          version: a.version,
          updates: a.updates,
        }));
      case 'load':
        this.shown = { language: null, readOnly: null };
        if (this.view) this.view.setState(effect.state);
        else this.createView();
        return;
      case 'dispatch':
        if (!this.view) return;
        if (this.view.state === effect.transaction.startState) this.view.dispatch(effect.transaction);
        else this.view.setState(effect.transaction.state); // not expected: the view always holds the machine's state
        return;
    }
  }

  private createView() {
    if (!this.parent || !this.sync.editor || this.disposed) return;
    this.shown = { language: null, readOnly: null };
    this.view = new EditorView({
      state: this.sync.editor,
      parent: this.parent,
      dispatchTransactions: (trs, view) => this.onTransactions(trs, view),
    });
  }

  private onTransactions(trs: readonly Transaction[], view: EditorView) {
    view.update(trs);
    for (const tr of trs) {
      const why = tr.effects.find((e) => e.is(editRefused));
      if (why) this.refusal = why.value as string;
      else if (tr.docChanged && !tr.annotation(Transaction.remote)) this.refusal = null;
    }
    if (trs.some((tr) => !tr.annotation(Transaction.remote) && (tr.selection || tr.docChanged))) this.scheduleCursor();
    this.partnerAt = remoteCursorLines(view.state);
    this.send({ type: 'edited', state: view.state });
  }

  /** The compartments follow the machine: the language it has, read-only once over. */
  private reflect() {
    const view = this.view;
    if (!view) return;
    const language = this.sync.language;
    const readOnly = this.isReadOnly();
    const effects = [];
    if (this.shown.language !== language) {
      const support = loadedLanguage(language);
      if (support) effects.push(this.parts.language.reconfigure(support));
      else
        loadLanguage(language).then(
          () => !this.disposed && this.reflect(),
          () => undefined, // stays plain text; the next change of language tries again
        );
    }
    if (this.shown.readOnly !== readOnly) effects.push(this.parts.readOnly.reconfigure(readOnlyExtension(readOnly)));
    if (!effects.length) return;
    this.shown = { language: loadedLanguage(language) ? language : this.shown.language, readOnly };
    view.dispatch({ effects });
  }

  private isReadOnly() {
    return this.sync.phase.name === 'ended' || this.sync.phase.name === 'failed';
  }

  private armRetry() {
    const t = timerOf(this.sync);
    if (t?.key === this.retryTimer?.key) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.handle);
    this.retryTimer = t
      ? {
          key: t.key,
          handle: setTimeout(() => {
            this.retryTimer = null;
            this.send({ type: 'retry' });
          }, t.ms),
        }
      : null;
  }

  private scheduleCursor() {
    if (this.cursorTimer) return;
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      this.sendCursor();
    }, CURSOR_THROTTLE_MS);
  }

  private sendCursor() {
    if (!this.view || !LIVE.includes(this.sync.phase.name) || this.isReadOnly()) return;
    const { anchor, head } = this.view.state.selection.main;
    const key = `${anchor}:${head}`;
    if (key === this.lastCursor) return;
    this.lastCursor = key;
    const { roomId, round } = this.opts;
    emitRequest('workspace-cursor', { roomId, round, anchor, head }).catch(() => {
      this.lastCursor = ''; // sent again with the next move
    });
  }

  private showCursor(from: Id, anchor: number, head: number) {
    if (!this.view) return;
    this.view.dispatch({ effects: setRemoteCursor.of({ anchor, head, name: this.opts.nameOf(from) }) });
  }

  private persist() {
    if (!this.disposed) writeSaved(this.store, this.opts.roomId, this.opts.round, savedOf(this.sync));
  }

  private compute(): WorkspaceSnapshot {
    const s = this.sync;
    return {
      phase: s.phase.name,
      loaded: !!s.editor,
      language: s.language,
      readOnly: this.isReadOnly(),
      pending: pendingCount(s),
      settled: isSettled(s),
      notice: s.notice,
      error: s.phase.name === 'failed' ? s.phase.error : null,
      refusal: this.refusal,
      languageError: this.languageError,
      partnerAt: this.partnerAt,
    };
  }

  private publish() {
    const next = this.compute();
    const prev = this.snap;
    if ((Object.keys(next) as Array<keyof WorkspaceSnapshot>).every((k) => next[k] === prev[k])) return;
    this.snap = next;
    this.listeners.forEach((l) => l());
  }
}
