import { describe, expect, it } from 'vitest';
import { effectiveZone, formatInZone, isKnownZone, wallTimeIn, zonedToUtc, zoneOffsetMs } from './zonedTime';

describe('zoned times', () => {
  it('turns a wall time in a zone into the UTC instant', () => {
    expect(zonedToUtc({ date: '2026-11-23', time: '19:30' }, 'Europe/Paris')).toEqual({
      ok: true,
      iso: '2026-11-23T18:30:00.000Z',
    });
    expect(zonedToUtc({ date: '2026-07-01', time: '09:00' }, 'Europe/Paris')).toEqual({
      ok: true,
      iso: '2026-07-01T07:00:00.000Z',
    });
    expect(zonedToUtc({ date: '2026-07-01', time: '09:00' }, 'America/New_York')).toEqual({
      ok: true,
      iso: '2026-07-01T13:00:00.000Z',
    });
    expect(zonedToUtc({ date: '2026-01-01', time: '00:15' }, 'Asia/Kolkata')).toEqual({
      ok: true,
      iso: '2025-12-31T18:45:00.000Z',
    });
    expect(zonedToUtc({ date: '2026-02-28', time: '23:59' }, 'UTC')).toEqual({ ok: true, iso: '2026-02-28T23:59:00.000Z' });
  });

  it('refuses a time the clocks skip, and takes the first of a time they show twice', () => {
    // Europe/Paris: 29 Mar 2026 02:00 -> 03:00; 25 Oct 2026 03:00 -> 02:00.
    expect(zonedToUtc({ date: '2026-03-29', time: '02:30' }, 'Europe/Paris')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(zonedToUtc({ date: '2026-03-29', time: '03:00' }, 'Europe/Paris')).toEqual({
      ok: true,
      iso: '2026-03-29T01:00:00.000Z',
    });
    expect(zonedToUtc({ date: '2026-10-25', time: '02:30' }, 'Europe/Paris')).toEqual({
      ok: true,
      iso: '2026-10-25T00:30:00.000Z',
    });
  });

  it('refuses malformed dates, times and zones', () => {
    expect(zonedToUtc({ date: '2026-02-30', time: '10:00' }, 'UTC')).toEqual({ ok: false, reason: 'invalid' });
    expect(zonedToUtc({ date: '2026-02-10', time: '24:00' }, 'UTC')).toEqual({ ok: false, reason: 'invalid' });
    expect(zonedToUtc({ date: '', time: '10:00' }, 'UTC')).toEqual({ ok: false, reason: 'invalid' });
    expect(zonedToUtc({ date: '2026-02-10', time: '10:00' }, 'Mars/Olympus')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads an instant back as the wall time of a zone, and knows offsets', () => {
    const ms = Date.parse('2026-11-23T18:30:00.000Z');
    expect(wallTimeIn(ms, 'Europe/Paris')).toEqual({ date: '2026-11-23', time: '19:30' });
    expect(wallTimeIn(ms, 'Pacific/Auckland')).toEqual({ date: '2026-11-24', time: '07:30' });
    expect(zoneOffsetMs(ms, 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(zoneOffsetMs(ms, 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('shows a time with its zone', () => {
    const text = formatInZone('2026-11-23T18:30:00.000Z', 'Europe/Paris', 'en-GB');
    expect(text).toMatch(/^Mon,? 23 Nov 2026,? 19:30 \(Europe\/Paris\)$/);
    expect(formatInZone('2026-11-23T18:30:00.000Z', 'Asia/Tokyo', 'en-GB')).toMatch(/Tue,? 24 Nov 2026,? 03:30 \(Asia\/Tokyo\)$/);
  });

  it('falls back to the browser zone when the profile has none', () => {
    expect(isKnownZone('Europe/Paris')).toBe(true);
    expect(isKnownZone('Nowhere/Land')).toBe(false);
    expect(effectiveZone('Asia/Tokyo')).toEqual({ zone: 'Asia/Tokyo', fromProfile: true });
    expect(effectiveZone(null).fromProfile).toBe(false);
    expect(isKnownZone(effectiveZone(null).zone)).toBe(true);
  });
});
