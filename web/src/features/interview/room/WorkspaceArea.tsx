// The round's shared code with its Run button and output. The editor is a
// lazily loaded chunk (CodeMirror); Run first makes sure the server has every
// local edit, so the run uses the round's document as the server holds it,
// and sends the code itself only when that could not be done in time.
import { lazy, Suspense, useCallback, useRef } from 'react';
import { currentRound, isLive } from '../../../entities/interview/model';
import type { RoomPanelProps } from '../../../entities/interview/room';
import type { RunInput } from '../../../types';
import { RunButton, RunPanel, useRoomRuns } from '../../runs/RunPanel';
import { useRunAction, useRunShortcut } from '../../runs/useRunAction';
import type { WorkspaceHandle } from '../../workspace/session';

const WorkspacePanel = lazy(() => import('../../workspace/WorkspacePanel'));

/** How long Run waits for unsent edits to reach the server before sending the code with the run. */
export const FLUSH_BEFORE_RUN_MS = 2000;

/**
 * The shared code exists per round, and round 1 starts when the interview
 * does (both in the room): until then the area says so.
 */
export function WorkspaceArea(panel: RoomPanelProps) {
  const round = currentRound(panel.interview)?.number ?? null;
  if (round === null)
    return (
      <div className="workspace-area">
        <section className="workspace card" role="region" aria-label="Code editor">
          <h2 className="workspace-title">Code</h2>
          <p className="muted">The shared code opens when you are both in the room and round 1 starts.</p>
        </section>
      </div>
    );
  return <RoundWorkspace {...panel} round={round} />;
}

function RoundWorkspace(panel: RoomPanelProps & { round: number }) {
  const { interview, round } = panel;
  const roomId = interview.roomId;
  const live = isLive(interview.status);
  const handle = useRef<WorkspaceHandle | null>(null);
  const onHandle = useCallback((h: WorkspaceHandle | null) => {
    handle.current = h;
  }, []);

  const prepare = useCallback(async (): Promise<RunInput> => {
    const h = handle.current;
    if (!h || (await h.flush(FLUSH_BEFORE_RUN_MS))) return { round };
    const code = h.text();
    return code == null ? { round } : { round, language: h.language(), code };
  }, [round]);

  const runs = useRoomRuns(roomId, live);
  const action = useRunAction(roomId, prepare);
  const canRun = live && !runs.busy && !action.starting;
  const { start } = action;
  const run = useCallback(() => {
    if (canRun) start();
  }, [canRun, start]);
  useRunShortcut(run, canRun);

  return (
    <div className="workspace-area">
      <Suspense
        fallback={
          <section className="workspace card" role="region" aria-label="Code editor">
            <p role="status">Loading the editor…</p>
          </section>
        }
      >
        <WorkspacePanel
          key={round}
          {...panel}
          round={round}
          live={live}
          onRun={run}
          onHandle={onHandle}
          actions={<RunButton action={action} busy={runs.busy} live={live} />}
        />
      </Suspense>
      <RunPanel round={round} runs={runs} action={action} />
    </div>
  );
}
