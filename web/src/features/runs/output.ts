// How a run reads: verdict words, and where a test's output differs from the
// expected one, compared as API.md v2 does (trailing whitespace of every line
// and trailing empty lines do not count).
import type { Run, RunVerdict } from '../../types';

export interface VerdictLabel {
  label: string;
  tone: 'good' | 'bad' | 'neutral' | 'live';
}

const VERDICTS: Record<RunVerdict, VerdictLabel> = {
  passed: { label: 'All tests passed', tone: 'good' },
  failed: { label: 'Some tests failed', tone: 'bad' },
  ok: { label: 'Ran successfully', tone: 'good' },
  compile_error: { label: 'Compile error', tone: 'bad' },
  runtime_error: { label: 'Runtime error', tone: 'bad' },
  time_limit: { label: 'Time limit exceeded', tone: 'bad' },
  memory_limit: { label: 'Memory limit exceeded', tone: 'bad' },
  output_limit: { label: 'Output limit exceeded', tone: 'bad' },
};

export function isActive(run: Run): boolean {
  return run.status === 'queued' || run.status === 'running';
}

export function verdictOf(run: Run): VerdictLabel {
  if (run.status === 'queued') return { label: 'Queued', tone: 'live' };
  if (run.status === 'running') return { label: 'Running…', tone: 'live' };
  return run.verdict ? VERDICTS[run.verdict] : { label: 'Finished', tone: 'neutral' };
}

/** The lines of an output as the pass rule sees them. */
export function outputLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface DiffRow {
  line: number;
  expected: string | null;
  actual: string | null;
  same: boolean;
}

/** Expected and actual output line by line (a missing line is null); `same` as the pass rule compares. */
export function diffLines(expected: string, actual: string): DiffRow[] {
  const e = outputLines(expected);
  const a = outputLines(actual);
  return Array.from({ length: Math.max(e.length, a.length) }, (_, i) => ({
    line: i + 1,
    expected: i < e.length ? e[i] : null,
    actual: i < a.length ? a[i] : null,
    same: i < e.length && i < a.length && e[i] === a[i],
  }));
}

export function formatDuration(ms: number | null): string | null {
  if (ms == null || !Number.isFinite(ms)) return null;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Newest first, one per id (an event and a list may both carry a run). */
export function mergeRuns(runs: readonly Run[], incoming: readonly Run[]): Run[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  for (const r of incoming) {
    const old = byId.get(r.id);
    // A finished run never goes back to running because an older copy arrived late.
    if (old && old.status === 'finished' && r.status !== 'finished') continue;
    byId.set(r.id, r);
  }
  return Array.from(byId.values()).sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0));
}
