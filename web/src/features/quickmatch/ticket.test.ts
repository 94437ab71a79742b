import { describe, expect, it } from 'vitest';
import type { MatchTicket } from '../../types';
import {
  describeEnd,
  describeSearch,
  expiryOf,
  nearLevels,
  nextRelaxationIn,
  tierAt,
  waitedAt,
  waitedAtReceipt,
} from './ticket';

function makeTicket(over: Partial<MatchTicket> = {}): MatchTicket {
  return {
    id: 't1',
    status: 'waiting',
    criteria: { topics: ['graphs', 'trees'], level: 'mid', category: null },
    createdAt: '2026-11-23T19:00:00.000Z',
    expiresAt: '2026-11-23T19:02:00.000Z',
    expiresInMs: 100_000,
    roomId: null,
    ...over,
  };
}

describe('quick-match ticket', () => {
  it('counts the wait from the server times, not from this machine’s clock', () => {
    // Lifetime 120 s, 100 s left: it had waited 20 s when it arrived.
    expect(waitedAtReceipt(makeTicket())).toBe(20_000);
    const held = { ticket: makeTicket(), receivedAt: 5_000 };
    expect(waitedAt(held, 5_000)).toBe(20_000);
    expect(waitedAt(held, 12_500)).toBe(27_500);
    expect(expiryOf(held)).toBe(105_000);
  });

  it('has no wait or expiry once the ticket stopped waiting', () => {
    const held = { ticket: makeTicket({ status: 'matched', expiresInMs: null, roomId: 'r1' }), receivedAt: 0 };
    expect(waitedAt(held, 10)).toBeNull();
    expect(expiryOf(held)).toBeNull();
  });

  it('relaxes at 15 s and at 30 s', () => {
    expect(tierAt(0)).toBe('strict');
    expect(tierAt(14_999)).toBe('strict');
    expect(tierAt(15_000)).toBe('relaxed');
    expect(tierAt(29_999)).toBe('relaxed');
    expect(tierAt(30_000)).toBe('anyone');
    expect(nextRelaxationIn(4_000)).toBe(11_000);
    expect(nextRelaxationIn(20_000)).toBe(10_000);
    expect(nextRelaxationIn(30_000)).toBeNull();
  });

  it('says whom the queue looks for at each step', () => {
    const c = makeTicket().criteria;
    expect(describeSearch(c, 'strict')).toBe('someone with the same level (Mid-level) and a topic in common (graphs, trees)');
    expect(describeSearch(c, 'relaxed')).toBe(
      'someone with a topic in common (graphs, trees) or a level of Junior, Mid-level or Senior',
    );
    expect(describeSearch(c, 'anyone')).toBe('anyone who is waiting');
  });

  it('treats a criterion not given as matching anything', () => {
    expect(describeSearch({ topics: [], level: 'senior', category: null }, 'strict')).toBe(
      'someone with the same level (Senior)',
    );
    // "a shared topic or levels at most one apart": without topics the first half always holds.
    expect(describeSearch({ topics: [], level: 'senior', category: null }, 'relaxed')).toBe('anyone who is waiting');
    expect(describeSearch({ topics: [], level: null, category: 'algorithms' }, 'strict')).toBe('anyone who is waiting');
  });

  it('names the neighbouring levels at the ends of the scale', () => {
    expect(nearLevels('student')).toBe('Student or Junior');
    expect(nearLevels('staff')).toBe('Senior or Staff');
  });

  it('explains how a ticket ended', () => {
    expect(describeEnd(makeTicket({ status: 'expired' }))).toMatch(/Nobody was found in time/);
    expect(describeEnd(makeTicket({ status: 'cancelled' }))).toBe('You left the quick-match queue.');
    expect(describeEnd(makeTicket({ status: 'matched' }))).toBeNull();
    expect(describeEnd(makeTicket())).toBeNull();
  });
});
