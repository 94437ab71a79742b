// The runs of one round of an interview that is over, newest first, each
// opening to its full output.
import type { Run } from '../../types';
import { formatDuration, verdictOf } from './output';
import { RunOutput } from './RunOutput';

export function RunHistory({ runs }: { runs: Run[] }) {
  if (!runs.length) return <p className="muted small">No runs in this round.</p>;
  return (
    <ol className="run-list" aria-label="Runs">
      {runs.map((run) => {
        const v = verdictOf(run);
        const duration = formatDuration(run.durationMs);
        return (
          <li key={run.id}>
            <details>
              <summary>
                <span className={`pill pill-${v.tone}`}>{v.label}</span>{' '}
                <span className="muted small">
                  {run.by.name} · <time dateTime={run.createdAt}>{new Date(run.createdAt).toLocaleTimeString()}</time>
                  {duration && ` · ${duration}`}
                </span>
              </summary>
              <RunOutput run={run} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}
