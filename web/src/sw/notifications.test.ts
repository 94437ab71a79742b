import { describe, expect, it } from 'vitest';
import { parsePayload, pickClient, planNotification, safePath, timeLeftToAnswer } from './notifications';

const NOW = Date.parse('2026-11-23T19:00:00.000Z');
const alice = { id: 'u-alice', name: 'Alice' };

describe('push notifications', () => {
  it('shows an invitation with its sender, the time left, a tag from the room and the invitation link', () => {
    const plan = planNotification(
      { type: 'invitation', roomId: 'room 7', from: alice, expiresAt: '2026-11-23T19:01:45.000Z' },
      NOW,
    );
    expect(plan).toEqual({
      kind: 'show',
      title: 'Interview invitation from Alice',
      body: 'About 1 minute left to answer.',
      tag: 'invitation:room 7',
      url: '/invitations/room%207',
      renotify: false,
      requireInteraction: true,
    });
  });

  it('closes the invitation’s notification when the invitation-closed push comes', () => {
    expect(planNotification({ type: 'invitation-closed', roomId: 'room 7', status: 'expired' }, NOW)).toEqual({
      kind: 'close',
      tag: 'invitation:room 7',
    });
  });

  it('shows schedule proposals and reminders under one tag per schedule, with the time and its zone', () => {
    const proposed = planNotification(
      { type: 'schedule-proposed', scheduleId: 's1', startsAt: '2026-11-24T18:30:00.000Z', from: alice },
      NOW,
      'Europe/Paris',
      'en-GB',
    );
    expect(proposed).toMatchObject({ kind: 'show', title: 'Alice proposes an interview', tag: 'schedule:s1', url: '/schedules/s1' });
    expect(proposed.kind === 'show' && proposed.body).toMatch(/24 Nov 2026,? 19:30 \(Europe\/Paris\)\. Open it to accept or decline\.$/);
    const reminder = planNotification(
      { type: 'schedule-reminder', scheduleId: 's1', startsAt: '2026-11-24T18:30:00.000Z', from: alice },
      NOW,
      'Asia/Tokyo',
      'en-GB',
    );
    expect(reminder).toMatchObject({ title: 'Interview with Alice soon', tag: 'schedule:s1', renotify: true });
    expect(reminder.kind === 'show' && reminder.body).toMatch(/^Starts Wed,? 25 Nov 2026,? 03:30 \(Asia\/Tokyo\)\.$/);
  });

  it('says how long is left, coarsely', () => {
    expect(timeLeftToAnswer(119_000)).toBe('About 1 minute left to answer.');
    expect(timeLeftToAnswer(120_000)).toBe('About 2 minutes left to answer.');
    expect(timeLeftToAnswer(30_500)).toBe('31 seconds left to answer.');
    expect(timeLeftToAnswer(1_000)).toBe('1 second left to answer.');
    expect(timeLeftToAnswer(-5)).toBe('This invitation may have expired.');
  });

  it('still shows something for a payload it does not know', () => {
    for (const bad of [null, 'text', { type: 'other' }, { type: 'invitation', roomId: 'r' }, { type: 'schedule-reminder', scheduleId: 's' }]) {
      expect(parsePayload(bad)).toBeNull();
      expect(planNotification(bad, NOW)).toMatchObject({ kind: 'show', title: 'mockmate', url: '/dashboard' });
    }
  });

  it('picks the focused tab of the app, then a visible one, then any, and never another site', () => {
    const origin = 'https://mm.example';
    const tab = (url: string, focused = false, visibilityState = 'hidden') => ({ url, focused, visibilityState });
    expect(pickClient([tab(`${origin}/a`), tab(`${origin}/b`, true, 'visible')], origin)).toBe(1);
    expect(pickClient([tab(`${origin}/a`), tab(`${origin}/b`, false, 'visible')], origin)).toBe(1);
    expect(pickClient([tab(`${origin}/a`), tab(`${origin}/b`)], origin)).toBe(0);
    expect(pickClient([tab('https://mm.example.evil/x', true, 'visible')], origin)).toBeNull();
    expect(pickClient([], origin)).toBeNull();
  });

  it('opens only paths of this app', () => {
    expect(safePath('/invitations/r1')).toBe('/invitations/r1');
    expect(safePath('//evil.example/x')).toBe('/dashboard');
    expect(safePath('https://evil.example/')).toBe('/dashboard');
    expect(safePath(undefined)).toBe('/dashboard');
  });
});
