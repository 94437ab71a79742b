import { describe, expect, it } from 'vitest';
import { formatReliability } from './reliability';

describe('reliability', () => {
  it('reads as counts', () => {
    expect(formatReliability({ completed: 12, noShows: 1, left: 0, score: 12 / 13 })).toBe('12 completed, 1 no-show');
    expect(formatReliability({ completed: 3, noShows: 0, left: 0, score: 1 })).toBe('3 completed, 0 no-shows');
    expect(formatReliability({ completed: 5, noShows: 2, left: 1, score: 5 / 8 })).toBe('5 completed, 2 no-shows, 1 left early');
  });

  it('is "New" below three interviews, when the server gives no score', () => {
    expect(formatReliability({ completed: 2, noShows: 0, left: 0, score: null })).toBe('New');
    expect(formatReliability({ completed: 0, noShows: 0, left: 0, score: null })).toBe('New');
  });
});
