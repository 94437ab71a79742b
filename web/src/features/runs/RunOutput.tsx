// One run as both participants see it: who ran what, its status and verdict,
// each test with input, expected and actual output (differing lines marked),
// standard output and error (and whether they were cut), and how long it took.
import { LANGUAGE_LABELS } from '../../lib/languages';
import type { Run, RunTest } from '../../types';
import { diffLines, formatDuration, isActive, verdictOf } from './output';

function TestResult({ test }: { test: RunTest }) {
  const rows = diffLines(test.expectedOutput, test.actualOutput);
  return (
    <li className={`run-test ${test.passed ? 'run-test-pass' : 'run-test-fail'}`}>
      <details open={!test.passed}>
        <summary>
          <span className={`pill pill-${test.passed ? 'good' : 'bad'}`}>{test.passed ? 'Passed' : 'Failed'}</span> {test.name}
        </summary>
        <h4 className="run-label">Input</h4>
        <pre className="run-pre">{test.input || <span className="muted">(empty)</span>}</pre>
        <table className="run-diff">
          <caption className="sr-only">Expected and actual output of {test.name}, line by line</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  (no output expected, none written)
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.line} className={r.same ? undefined : 'run-diff-row'}>
                <th scope="row">
                  {r.line}
                  {!r.same && <span className="sr-only"> (differs)</span>}
                </th>
                <td>{r.expected ?? <span className="muted">(missing)</span>}</td>
                <td>{r.same ? r.actual : <mark>{r.actual ?? '(missing)'}</mark>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}

function Stream({ label, text, truncated }: { label: string; text: string; truncated: boolean }) {
  if (!text) return null;
  return (
    <>
      <h4 className="run-label">
        {label}
        {truncated && <span className="muted small"> (cut at 64 KiB)</span>}
      </h4>
      <pre className="run-pre">{text}</pre>
    </>
  );
}

export function RunOutput({ run }: { run: Run }) {
  const v = verdictOf(run);
  const duration = formatDuration(run.durationMs);
  const passed = run.tests.filter((t) => t.passed).length;
  return (
    <article className="run" aria-label={`Run by ${run.by.name}`} data-run-status={run.status} data-verdict={run.verdict ?? ''}>
      <p className="run-head">
        <span className={`pill pill-${v.tone}`}>{v.label}</span>{' '}
        <span className="muted small">
          {run.by.name} · {LANGUAGE_LABELS[run.language] ?? run.language}
          {run.tests.length > 0 && !isActive(run) && ` · ${passed} of ${run.tests.length} tests passed`}
          {duration && ` · ${duration}`}
          {run.exitCode != null && run.exitCode !== 0 && ` · exit code ${run.exitCode}`}
        </span>
      </p>
      {run.tests.length > 0 && (
        <ul className="run-tests" aria-label="Tests">
          {run.tests.map((t, i) => (
            <TestResult key={`${i}-${t.name}`} test={t} />
          ))}
        </ul>
      )}
      <Stream label="Output" text={run.stdout} truncated={run.truncated} />
      <Stream label="Errors" text={run.stderr} truncated={run.truncated} />
      {run.status === 'finished' && !run.stdout && !run.stderr && run.tests.length === 0 && (
        <p className="muted small">The program wrote nothing.</p>
      )}
    </article>
  );
}
