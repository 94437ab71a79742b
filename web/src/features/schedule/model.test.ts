import { describe, expect, it } from 'vitest';
import { makeSchedule } from '../../test/fixtures';
import { actionsFor, checkScheduleForm, defaultStart, describeChange, formatStartsIn, isUpcoming, statusText } from './model';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');

describe('scheduled interviews', () => {
  it('offers accept and decline to the invitee, cancel to the proposer, while proposed', () => {
    const s = makeSchedule();
    expect(actionsFor(s, 'bob')).toEqual(['accept', 'decline']);
    expect(actionsFor(s, 'alice')).toEqual(['cancel']);
  });

  it('lets either cancel an accepted one, join a started one, and nothing after', () => {
    expect(actionsFor(makeSchedule({ status: 'accepted' }), 'bob')).toEqual(['cancel']);
    expect(actionsFor(makeSchedule({ status: 'accepted' }), 'alice')).toEqual(['cancel']);
    expect(actionsFor(makeSchedule({ status: 'started', roomId: 'r1' }), 'bob')).toEqual(['join']);
    for (const status of ['declined', 'cancelled', 'missed'] as const) expect(actionsFor(makeSchedule({ status }), 'alice')).toEqual([]);
  });

  it('lists proposed, accepted and running ones', () => {
    expect(isUpcoming(makeSchedule(), NOW)).toBe(true);
    expect(isUpcoming(makeSchedule({ status: 'declined' }), NOW)).toBe(false);
    const started = makeSchedule({ status: 'started', roomId: 'r1', startsAt: '2026-11-20T11:30:00.000Z', durationMinutes: 60 });
    expect(isUpcoming(started, NOW)).toBe(true);
    expect(isUpcoming({ ...started, durationMinutes: 30 }, NOW)).toBe(false);
  });

  it('says what a status means to each side', () => {
    expect(statusText(makeSchedule(), 'alice')).toBe('Waiting for Bob to accept');
    expect(statusText(makeSchedule(), 'bob')).toBe('Alice proposed this: accept or decline');
    expect(statusText(makeSchedule({ status: 'declined' }), 'alice')).toBe('Bob declined');
  });

  it('counts down to the start', () => {
    expect(formatStartsIn(2 * 86_400_000 + 3 * 3_600_000 + 5)).toBe('in 2 d 3 h');
    expect(formatStartsIn(3_900_000)).toBe('in 1 h 5 min');
    expect(formatStartsIn(3_600_000)).toBe('in 1 h');
    expect(formatStartsIn(11 * 60_000 + 1)).toBe('in 12 min');
    expect(formatStartsIn(45_000)).toBe('in 45 s');
    expect(formatStartsIn(0)).toBe('now');
  });

  it('tells each side about changes, and which were made in another tab', () => {
    expect(describeChange(makeSchedule({ status: 'accepted' }), 'alice', false)?.message).toBe('Bob accepted your interview.');
    expect(describeChange(makeSchedule({ status: 'accepted' }), 'bob', false)?.message).toMatch(/in another tab/);
    expect(describeChange(makeSchedule({ status: 'declined' }), 'alice', false)?.tone).toBe('warning');
    expect(describeChange(makeSchedule({ status: 'cancelled' }), 'bob', true)?.message).toBe('You cancelled the interview with Alice.');
    expect(describeChange(makeSchedule({ status: 'missed' }), 'bob', false)?.message).toMatch(/could not start/);
    expect(describeChange(makeSchedule(), 'bob', false)).toBeNull();
    expect(describeChange(makeSchedule({ status: 'started', roomId: 'r' }), 'bob', false)).toBeNull();
  });

  it('suggests the next full hour at least an hour ahead, in the zone', () => {
    expect(defaultStart(Date.parse('2026-11-20T12:10:00.000Z'), 'Europe/Paris')).toEqual({ date: '2026-11-20', time: '15:00' });
    expect(defaultStart(Date.parse('2026-11-20T22:30:00.000Z'), 'UTC')).toEqual({ date: '2026-11-21', time: '00:00' });
    expect(defaultStart(Date.parse('2026-11-20T12:10:00.000Z'), 'Asia/Kolkata')).toEqual({ date: '2026-11-20', time: '19:00' });
  });

  it('checks the form and converts the start to UTC', () => {
    const form = {
      wall: { date: '2026-11-23', time: '19:30' },
      zone: 'Europe/Paris',
      durationMinutes: 60,
      note: '',
      questionIds: ['q1'],
    };
    expect(checkScheduleForm(form, NOW)).toEqual({ ok: true, startsAt: '2026-11-23T18:30:00.000Z' });
    const bad = checkScheduleForm({ ...form, durationMinutes: 10, note: 'x'.repeat(501), questionIds: [] }, NOW);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['durationMinutes', 'note', 'questionIds']);
    const past = checkScheduleForm({ ...form, wall: { date: '2026-11-20', time: '12:30' } }, NOW);
    expect(past).toEqual({ ok: false, errors: { startsAt: 'Pick a time in the future.' } });
    const far = checkScheduleForm({ ...form, wall: { date: '2026-12-25', time: '10:00' } }, NOW);
    expect(far).toEqual({ ok: false, errors: { startsAt: 'Pick a time at most 30 days ahead.' } });
    const gap = checkScheduleForm({ ...form, wall: { date: '2027-03-28', time: '02:30' } }, Date.parse('2027-03-20T00:00:00Z'));
    expect(gap.ok ? '' : gap.errors.startsAt).toMatch(/does not exist on that day in Europe\/Paris/);
  });
});
