// The Run button and the output panel of the room: the latest run of the
// current round, whoever started it; while one runs, nobody starts another.
import { useRunEvents } from './runEvents';
import { useRuns } from './queries';
import { isActive, verdictOf } from './output';
import { RunOutput } from './RunOutput';
import type { RunAction } from './useRunAction';
import type { Id } from '../../types';

export const RUN_SHORTCUT_ARIA = 'Control+Enter Meta+Enter';

export function RunButton({ action, busy, live }: { action: RunAction; busy: boolean; live: boolean }) {
  return (
    <button
      type="button"
      className="btn btn-primary btn-small"
      onClick={action.start}
      disabled={!live || busy || action.starting}
      aria-keyshortcuts={RUN_SHORTCUT_ARIA}
      title="Run the code against the tests (Ctrl+Enter, ⌘+Enter on a Mac)"
    >
      {action.starting ? 'Starting…' : busy ? 'Running…' : 'Run'}
    </button>
  );
}

/** The room's runs and whether one is going on (which disables Run for both). */
export function useRoomRuns(roomId: Id, live: boolean) {
  useRunEvents(roomId);
  const runs = useRuns(roomId, { live });
  const list = runs.data?.runs ?? [];
  return { list, busy: list.some(isActive), query: runs };
}

export function RunPanel({ round, runs, action }: { round: number; runs: ReturnType<typeof useRoomRuns>; action: RunAction }) {
  const latest = runs.list.find((r) => r.round === round) ?? null;
  return (
    <section className="run-panel card" role="region" aria-label="Run output">
      <h2 className="sr-only">Run output</h2>
      <p role="status" className="run-status">
        {latest ? `${verdictOf(latest).label} (run by ${latest.by.name})` : 'No runs yet in this round.'}
      </p>
      {action.error && (
        <p role="alert" className="form-error">
          {action.error}
        </p>
      )}
      {runs.query.isError && <p className="muted small">Earlier runs could not be loaded.</p>}
      {latest ? (
        <RunOutput run={latest} />
      ) : (
        <p className="muted small">Run tries the code on the tests of this round’s questions (Ctrl+Enter).</p>
      )}
    </section>
  );
}
