import { describe, expect, it } from 'vitest';
import { deadlineFrom, elapsedFrom, formatCountdown, formatElapsed, receivedAt, remainingMs, speakCountdown } from './countdown';

describe('countdown from the server expiresInMs', () => {
  it('puts the deadline on the monotonic clock at receipt', () => {
    expect(deadlineFrom(120_000, 5_000)).toBe(125_000);
    expect(deadlineFrom(null, 5_000)).toBeNull();
    expect(deadlineFrom(-20, 5_000)).toBe(5_000);
  });

  it('counts down and never goes below zero', () => {
    const d = deadlineFrom(10_000, 1_000);
    expect(remainingMs(d, 1_000)).toBe(10_000);
    expect(remainingMs(d, 8_500)).toBe(2_500);
    expect(remainingMs(d, 99_000)).toBe(0);
    expect(remainingMs(null, 0)).toBeNull();
  });

  it('formats rounding up so it shows 0:00 only at the end', () => {
    expect(formatCountdown(120_000)).toBe('2:00');
    expect(formatCountdown(119_001)).toBe('2:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(null)).toBe('–:––');
  });

  it('speaks the time left', () => {
    expect(speakCountdown(65_000)).toBe('1 minute 5 seconds');
    expect(speakCountdown(120_000)).toBe('2 minutes');
    expect(speakCountdown(1_000)).toBe('1 second');
    expect(speakCountdown(0)).toBe('0 seconds');
  });

  it('formats elapsed time', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_500)).toBe('01:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('00:00');
  });
});

describe('elapsed time from the server elapsedMs', () => {
  it('ticks on from when the object was first seen, the same for every later reader', () => {
    let clock = 1000;
    const round = { elapsedMs: 60_000 };
    expect(receivedAt(round, () => clock)).toBe(1000);
    clock = 4000;
    expect(receivedAt(round, () => clock)).toBe(1000);
    expect(elapsedFrom(round.elapsedMs, 1000, clock)).toBe(63_000);
    expect(receivedAt({ elapsedMs: 60_000 }, () => clock)).toBe(4000);
    expect(elapsedFrom(null, 1000, clock)).toBeNull();
  });
});
