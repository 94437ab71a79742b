// The shared code editor of the current round, beside the video: the
// language picker, the state of the sync, the editor, and where the partner's
// cursor is. Loaded lazily (CodeMirror is most of its weight).
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { partnerOf } from '../../entities/interview/model';
import type { RoomPanelProps } from '../../entities/interview/room';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { languageName } from '../../lib/languages';
import { useSocketState } from '../../lib/socket';
import { LANGUAGES, type Language } from '../../types';
import { WorkspaceSession, type WorkspaceHandle, type WorkspaceSnapshot } from './session';

export interface WorkspacePanelProps extends RoomPanelProps {
  round: number;
  /** The room is open (accepted or in progress); otherwise the document is read-only. */
  live: boolean;
  /** Called by the Run shortcut (Ctrl/Cmd+Enter) in the editor. */
  onRun: () => void;
  /** Gets the document's handle (and null when it goes). */
  onHandle?: (handle: WorkspaceHandle | null) => void;
  /** Shown in the panel's toolbar (the Run button). */
  actions?: ReactNode;
}

function useWorkspaceSession(p: WorkspacePanelProps): WorkspaceSession | null {
  const { interview, meId, round } = p;
  const roomId = interview.roomId;
  const partner = partnerOf(interview, meId);
  const [session, setSession] = useState<WorkspaceSession | null>(null);
  useEffect(() => {
    const s = new WorkspaceSession({
      roomId,
      round,
      label: `Code, round ${round}`,
      nameOf: (id) => (id === partner.id ? partner.name : 'Your partner'),
    });
    s.start();
    setSession(s);
    return () => s.retire();
  }, [roomId, round, partner.id, partner.name]);
  return session;
}

const noSubscribe = () => () => undefined;

function syncSentence(s: WorkspaceSnapshot, offline: boolean): string {
  if (s.readOnly) return s.phase === 'failed' ? 'Not available' : 'Read-only: the interview is over';
  if (!s.loaded) return 'Opening…';
  if (offline || s.phase === 'detached')
    return s.pending ? 'Offline: your edits are kept and sent when you are back' : 'Offline';
  if (s.phase === 'waiting') return 'Trying again…';
  return s.settled ? 'All changes saved' : 'Saving…';
}

const NOTICE: Record<NonNullable<WorkspaceSnapshot['notice']>, string> = {
  diverged: 'Your copy of the code no longer matched the server’s; it was reloaded from the server.',
  refused: 'The server refused your last edits; the code was reloaded from the server.',
};

export default function WorkspacePanel(props: WorkspacePanelProps) {
  const { interview, meId, joins, live, round, onRun, onHandle, actions } = props;
  const session = useWorkspaceSession(props);
  const snap = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? (() => null));
  const socketState = useSocketState();
  const host = useRef<HTMLDivElement>(null);
  const ids = useId();
  const runtimes = useQuery({ queryKey: ['runtimes'], queryFn: api.runtimes, staleTime: Infinity, retry: false });
  const partner = partnerOf(interview, meId);

  useEffect(() => {
    if (session) session.onRun = onRun;
  }, [session, onRun]);
  useEffect(() => {
    if (!session || !onHandle) return;
    onHandle(session);
    return () => onHandle(null);
  }, [session, onHandle]);
  useEffect(() => {
    if (!session || !host.current) return;
    session.mount(host.current);
    return () => session.unmount();
  }, [session]);
  // Every join opens the document again (room events need a socket in the room), and so does the
  // interview starting (a round that was refused before it existed can be opened now).
  const status = interview.status;
  useEffect(() => {
    if (session && live && joins > 0) session.joined();
  }, [session, live, joins, status]);
  useEffect(() => {
    if (session && socketState !== 'connected') session.left();
  }, [session, socketState]);
  useEffect(() => {
    if (session && !live) session.over();
  }, [session, live]);

  const offline = socketState !== 'connected';
  return (
    <section className="workspace card" role="region" aria-label="Code editor">
      <div className="workspace-bar">
        <h2 className="workspace-title">
          Code <span className="muted small">round {round}</span>
        </h2>
        <div className="workspace-language">
          <label htmlFor={`${ids}-language`}>Language</label>
          <select
            id={`${ids}-language`}
            value={snap?.language ?? 'python'}
            disabled={!snap?.loaded || snap.readOnly}
            onChange={(e) => session?.setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageName(l, runtimes.data?.runtimes)}
              </option>
            ))}
          </select>
        </div>
        <span className="sync-state muted small" data-sync={snap ? (snap.settled ? 'saved' : snap.phase) : 'starting'}>
          {snap ? syncSentence(snap, offline) : 'Opening…'}
        </span>
        <div className="workspace-actions">{actions}</div>
      </div>
      {snap?.notice && (
        <div className="notice" role="alert">
          {NOTICE[snap.notice]}{' '}
          <button type="button" className="btn btn-small" onClick={() => session?.dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {snap?.error && (
        <p className="form-error" role="alert">
          The shared code could not be opened: {describeError(snap.error)}
        </p>
      )}
      {snap?.refusal && (
        <p className="form-error" role="alert">
          {snap.refusal}
        </p>
      )}
      {snap?.languageError && (
        <p className="form-error" role="alert">
          {snap.languageError}
        </p>
      )}
      {!snap?.loaded && !snap?.error && (
        <p className="muted" role="status">
          Opening the shared code…
        </p>
      )}
      <div className="editor-host" ref={host} aria-describedby={`${ids}-help`} />
      <p id={`${ids}-help`} className="muted small workspace-help">
        Tab indents; press Esc then Tab to leave the editor. Ctrl+Enter (⌘+Enter) runs the code.
        {snap?.partnerAt ? ` ${partner.name} is on ${snap.partnerAt}.` : ''}
      </p>
    </section>
  );
}
