import { describe, expect, it } from 'vitest';
import { makeInterview } from '../../test/fixtures';
import { acceptsFeedback, currentRound, isFinal, isLive, maySwitchRoles, myRole, partnerOf } from './model';
import { durationOf, outcomeOf } from './outcome';

describe('interview outcome', () => {
  it('describes each final state with its reason from either side', () => {
    expect(outcomeOf(makeInterview({ status: 'rejected', reason: 'declined' }), 'alice').detail).toBe(
      'Bob declined the invitation.',
    );
    expect(outcomeOf(makeInterview({ status: 'rejected', reason: 'busy' }), 'alice').label).toBe('Closed');
    expect(outcomeOf(makeInterview({ status: 'cancelled', reason: 'cancelled' }), 'bob').detail).toBe(
      'Alice cancelled the invitation.',
    );
    expect(outcomeOf(makeInterview({ status: 'expired', reason: 'invite_timeout' }), 'bob').label).toBe('Expired');
    expect(outcomeOf(makeInterview({ status: 'abandoned', reason: 'no_show' }), 'bob').detail).toMatch(/no-show/);
    expect(outcomeOf(makeInterview({ status: 'abandoned', reason: 'left' }), 'bob').detail).toMatch(/left the room/);
    expect(outcomeOf(makeInterview({ status: 'completed', reason: 'completed' }), 'bob').tone).toBe('good');
    for (const status of ['rejected', 'cancelled'] as const)
      for (const me of ['alice', 'bob'])
        expect(outcomeOf(makeInterview({ status, reason: 'blocked' }), me)).toEqual({
          label: 'Closed',
          detail: 'The invitation was closed.',
          tone: 'neutral',
        });
  });

  it('names who was missing from an abandoned interview (v2 absent)', () => {
    const noShow = makeInterview({ status: 'abandoned', reason: 'no_show', absent: 'bob' });
    expect(outcomeOf(noShow, 'alice').detail).toBe('Bob did not join the room in time (no-show).');
    expect(outcomeOf(noShow, 'bob').detail).toBe('You did not join the room in time (no-show).');
    const left = makeInterview({ status: 'abandoned', reason: 'left', absent: 'alice' });
    expect(outcomeOf(left, 'bob').detail).toBe('Alice left the room and did not come back in time.');
  });

  it('takes the role from the current round: round 2 swaps it', () => {
    const round = (number: number, interviewer: 'alice' | 'bob') => ({
      number,
      interviewer: interviewer === 'alice' ? { id: 'alice', name: 'Alice' } : { id: 'bob', name: 'Bob' },
      candidate: interviewer === 'alice' ? { id: 'bob', name: 'Bob' } : { id: 'alice', name: 'Alice' },
      questions: [],
      startedAt: null,
      endedAt: null,
      elapsedMs: null,
      plannedMinutes: 30,
    });
    const one = makeInterview({ status: 'in_progress', rounds: [round(1, 'alice')] });
    expect(myRole(one, 'alice')).toBe('interviewer');
    expect(maySwitchRoles(one, 'bob')).toBe(true);
    expect(maySwitchRoles(one, 'alice')).toBe(false);
    const two = makeInterview({ status: 'in_progress', rounds: [round(1, 'alice'), round(2, 'bob')] });
    expect(currentRound(two)?.number).toBe(2);
    expect(myRole(two, 'alice')).toBe('candidate');
    expect(myRole(two, 'bob')).toBe('interviewer');
    expect(maySwitchRoles(two, 'alice')).toBe(false);
    expect(maySwitchRoles({ ...one, status: 'completed' }, 'bob')).toBe(false);
  });

  it('knows roles, partners and when feedback is allowed', () => {
    const iv = makeInterview();
    expect(myRole(iv, 'alice')).toBe('interviewer');
    expect(myRole(iv, 'bob')).toBe('candidate');
    expect(partnerOf(iv, 'bob').name).toBe('Alice');
    expect(acceptsFeedback('completed')).toBe(true);
    expect(acceptsFeedback('abandoned')).toBe(true);
    expect(acceptsFeedback('in_progress')).toBe(false);
  });

  it('tells live states from final ones', () => {
    expect(isLive('accepted')).toBe(true);
    expect(isLive('in_progress')).toBe(true);
    expect(isLive('pending')).toBe(false);
    for (const s of ['completed', 'rejected', 'cancelled', 'expired', 'abandoned'] as const) expect(isFinal(s)).toBe(true);
    for (const s of ['pending', 'accepted', 'in_progress'] as const) expect(isFinal(s)).toBe(false);
  });

  it('computes the duration', () => {
    const iv = makeInterview({ startedAt: '2026-01-01T10:00:00.000Z', endedAt: '2026-01-01T10:31:05.000Z' });
    expect(durationOf(iv)).toBe('31 min 5 s');
    expect(durationOf(makeInterview())).toBeNull();
  });
});
