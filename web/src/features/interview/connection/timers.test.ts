import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimerName } from './roomState';
import { Timers } from './timers';

describe('room timers', () => {
  let fired: TimerName[];
  let timers: Timers;
  beforeEach(() => {
    vi.useFakeTimers();
    fired = [];
    timers = new Timers((name) => fired.push(name));
  });
  afterEach(() => vi.useRealTimers());

  it('fires a wanted timer once, after its time', () => {
    timers.sync([{ name: 'stall', ms: 8000, key: 'stall:1' }]);
    vi.advanceTimersByTime(7999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['stall']);
    timers.sync([{ name: 'stall', ms: 8000, key: 'stall:1' }]);
    vi.advanceTimersByTime(20_000);
    expect(fired).toEqual(['stall']);
  });

  it('keeps a timer whose key is unchanged, and arms it anew when the key changes', () => {
    timers.sync([{ name: 'stall', ms: 8000, key: 'stall:1' }]);
    vi.advanceTimersByTime(5000);
    timers.sync([{ name: 'stall', ms: 8000, key: 'stall:1' }]);
    vi.advanceTimersByTime(3000);
    expect(fired).toEqual(['stall']);
    timers.sync([{ name: 'stall', ms: 8000, key: 'stall:2' }]);
    vi.advanceTimersByTime(5000);
    timers.sync([{ name: 'stall', ms: 8000, key: 'stall:3' }]);
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual(['stall']);
    vi.advanceTimersByTime(3000);
    expect(fired).toEqual(['stall', 'stall']);
  });

  it('cancels timers no longer wanted, and all on clear', () => {
    timers.sync([
      { name: 'disconnect', ms: 2500, key: 'd:1' },
      { name: 'polite-offer', ms: 2000, key: 'p:1' },
    ]);
    expect(timers.pending().sort()).toEqual(['disconnect', 'polite-offer']);
    timers.sync([{ name: 'polite-offer', ms: 2000, key: 'p:1' }]);
    expect(timers.pending()).toEqual(['polite-offer']);
    timers.clear();
    expect(timers.pending()).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([]);
  });
});
