import { describe, expect, it } from 'vitest';
import { hintsFor } from './hints';

describe('hintsFor', () => {
  const q = { id: 'q1', title: 't', body: 'b', category: 'algorithms', difficulty: 'easy' as const };
  it('merges hints on the question with served ones, without duplicates', () => {
    expect(hintsFor({ ...q, hints: ['a'] }, { q1: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(hintsFor(q, undefined)).toEqual([]);
    expect(hintsFor({ ...q, hints: 'single' }, {})).toEqual(['single']);
  });
});
