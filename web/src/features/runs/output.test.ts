import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test/fixtures';
import { diffLines, formatDuration, mergeRuns, outputLines, verdictOf } from './output';

describe('run output', () => {
  it('compares output as the pass rule does: trailing spaces and empty lines do not count', () => {
    expect(outputLines('1 2  \n3\r\n\n\n')).toEqual(['1 2', '3']);
    expect(diffLines('1\n2\n', '1  \n2\n\n').every((r) => r.same)).toBe(true);
  });

  it('marks the lines that differ, and lines missing on either side', () => {
    expect(diffLines('1\n2\n3', '1\n5')).toEqual([
      { line: 1, expected: '1', actual: '1', same: true },
      { line: 2, expected: '2', actual: '5', same: false },
      { line: 3, expected: '3', actual: null, same: false },
    ]);
    expect(diffLines('', 'extra')).toEqual([{ line: 1, expected: null, actual: 'extra', same: false }]);
    // Leading spaces do count.
    expect(diffLines(' 1', '1')[0].same).toBe(false);
  });

  it('names the status and verdict', () => {
    expect(verdictOf(makeRun({ status: 'queued', verdict: null })).label).toBe('Queued');
    expect(verdictOf(makeRun({ status: 'running', verdict: null })).tone).toBe('live');
    expect(verdictOf(makeRun({ verdict: 'failed' }))).toEqual({ label: 'Some tests failed', tone: 'bad' });
    expect(verdictOf(makeRun({ verdict: 'time_limit' })).label).toBe('Time limit exceeded');
  });

  it('keeps one copy of each run, newest first, and never un-finishes one', () => {
    const a = makeRun({ id: 'a', createdAt: '2026-11-23T19:10:00.000Z', status: 'running', verdict: null });
    const b = makeRun({ id: 'b', createdAt: '2026-11-23T19:11:00.000Z' });
    const done = { ...a, status: 'finished' as const, verdict: 'ok' as const };
    expect(mergeRuns([a], [b]).map((r) => r.id)).toEqual(['b', 'a']);
    expect(mergeRuns([a, b], [done]).find((r) => r.id === 'a')?.verdict).toBe('ok');
    expect(mergeRuns([done], [a])[0].status).toBe('finished');
  });

  it('formats durations', () => {
    expect(formatDuration(87)).toBe('87 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(null)).toBeNull();
  });
});
