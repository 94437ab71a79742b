import { describe, expect, it } from 'vitest';
import { makeInterview, makePartner } from '../../test/fixtures';
import {
  describeOutcome,
  initialInvitationState,
  invitationReducer,
  visibleInvitation,
  type InvitationState,
} from './state';

const from = makePartner();

function receive(state: InvitationState, roomId: string, now: number, expiresInMs = 120_000) {
  return invitationReducer(state, { type: 'received', interview: makeInterview({ roomId, expiresInMs }), from, now });
}

describe('invitationReducer', () => {
  it('adds a received invitation with a deadline from expiresInMs on the local monotonic clock', () => {
    const s = receive(initialInvitationState, 'r1', 1000, 30_000);
    expect(s.incoming).toHaveLength(1);
    expect(s.incoming[0].deadline).toBe(31_000);
  });

  it('ignores a received invitation that is no longer pending', () => {
    const s = invitationReducer(initialInvitationState, {
      type: 'received',
      interview: makeInterview({ status: 'expired', expiresInMs: null }),
      from,
      now: 0,
    });
    expect(s).toBe(initialInvitationState);
  });

  it('refreshes the deadline of a re-sent invitation without duplicating it or changing its order', () => {
    let s = receive(initialInvitationState, 'r1', 0, 100_000);
    s = receive(s, 'r2', 10, 100_000);
    s = receive(s, 'r1', 50_000, 40_000);
    expect(s.incoming.map((x) => x.interview.roomId)).toEqual(['r1', 'r2']);
    expect(s.incoming[0].deadline).toBe(90_000);
    expect(s.incoming[0].receivedAt).toBe(0);
  });

  it('removes an invitation and its dismissal when it is settled', () => {
    let s = receive(initialInvitationState, 'r1', 0);
    s = invitationReducer(s, { type: 'dismissed', roomId: 'r1' });
    s = invitationReducer(s, { type: 'settled', roomId: 'r1' });
    expect(s.incoming).toEqual([]);
    expect(s.dismissed).toEqual([]);
  });

  it('returns the same state when a settled event concerns nothing it holds', () => {
    const s = receive(initialInvitationState, 'r1', 0);
    expect(invitationReducer(s, { type: 'settled', roomId: 'zz' })).toBe(s);
  });

  it('tracks the sent invitation and clears it when settled', () => {
    let s = invitationReducer(initialInvitationState, {
      type: 'sent',
      interview: makeInterview({ roomId: 'o1', expiresInMs: 5000 }),
      invitee: null,
      inviteeOnline: false,
      now: 100,
    });
    expect(s.outgoing?.deadline).toBe(5100);
    expect(s.outgoing?.inviteeOnline).toBe(false);
    s = invitationReducer(s, { type: 'settled', roomId: 'o1' });
    expect(s.outgoing).toBeNull();
  });

  it('does not wait on a send that came back already accepted (mutual invitation)', () => {
    const s = invitationReducer(initialInvitationState, {
      type: 'sent',
      interview: makeInterview({ status: 'accepted', expiresInMs: null }),
      invitee: null,
      inviteeOnline: true,
      now: 0,
    });
    expect(s.outgoing).toBeNull();
  });

  it('shows the oldest invitation not put aside', () => {
    let s = receive(initialInvitationState, 'r1', 0);
    s = receive(s, 'r2', 1);
    expect(visibleInvitation(s)?.interview.roomId).toBe('r1');
    s = invitationReducer(s, { type: 'dismissed', roomId: 'r1' });
    expect(visibleInvitation(s)?.interview.roomId).toBe('r2');
    s = invitationReducer(s, { type: 'reopened', roomId: 'r1' });
    expect(visibleInvitation(s)?.interview.roomId).toBe('r1');
  });

  describe('reconciled (after a reconnect)', () => {
    it('drops incoming invitations the server no longer holds, but keeps ones newer than the request', () => {
      let s = receive(initialInvitationState, 'gone', 0);
      s = receive(s, 'kept', 1);
      s = receive(s, 'newer', 500);
      s = invitationReducer(s, { type: 'reconciled', incomingIds: ['kept'], outgoing: null, requestedAt: 400, now: 600 });
      expect(s.incoming.map((x) => x.interview.roomId)).toEqual(['kept', 'newer']);
    });

    it('restores the waiting state from the server with its expiresInMs', () => {
      const s = invitationReducer(initialInvitationState, {
        type: 'reconciled',
        incomingIds: [],
        outgoing: makeInterview({ roomId: 'o1', expiresInMs: 7000 }),
        requestedAt: 0,
        now: 1000,
      });
      expect(s.outgoing?.interview.roomId).toBe('o1');
      expect(s.outgoing?.deadline).toBe(8000);
      expect(s.outgoing?.invitee).toBeNull();
    });

    it('keeps the invitee profile when the restored invitation is the one this tab sent', () => {
      let s = invitationReducer(initialInvitationState, {
        type: 'sent',
        interview: makeInterview({ roomId: 'o1' }),
        invitee: makePartner({ id: 'bob', name: 'Bob' }),
        inviteeOnline: true,
        now: 0,
      });
      s = invitationReducer(s, {
        type: 'reconciled',
        incomingIds: [],
        outgoing: makeInterview({ roomId: 'o1', expiresInMs: 1000 }),
        requestedAt: 10,
        now: 20,
      });
      expect(s.outgoing?.invitee?.name).toBe('Bob');
      expect(s.outgoing?.deadline).toBe(1020);
    });

    it('clears a sent invitation that the server no longer has pending, unless sent after the request', () => {
      const sent = invitationReducer(initialInvitationState, {
        type: 'sent',
        interview: makeInterview({ roomId: 'o1' }),
        invitee: null,
        inviteeOnline: null,
        now: 50,
      });
      const older = invitationReducer(sent, { type: 'reconciled', incomingIds: [], outgoing: null, requestedAt: 100, now: 120 });
      expect(older.outgoing).toBeNull();
      const newer = invitationReducer(sent, { type: 'reconciled', incomingIds: [], outgoing: null, requestedAt: 10, now: 120 });
      expect(newer.outgoing?.interview.roomId).toBe('o1');
    });
  });
});

describe('describeOutcome', () => {
  const inviter = { meId: 'alice', actedHere: false };
  const invitee = { meId: 'bob', actedHere: false };

  it('tells the inviter that the invitee declined, and the invitee what happened in another tab', () => {
    const iv = makeInterview({ status: 'rejected', reason: 'declined' });
    expect(describeOutcome(iv, inviter).message).toBe('Bob declined your invitation.');
    expect(describeOutcome(iv, invitee).message).toMatch(/declined in another tab/);
    expect(describeOutcome(iv, { ...invitee, actedHere: true }).message).toBe("You declined Alice's invitation.");
  });

  it('explains busy rejections and cancellations', () => {
    expect(describeOutcome(makeInterview({ status: 'rejected', reason: 'busy' }), inviter).message).toMatch(
      /Bob started another interview/,
    );
    expect(describeOutcome(makeInterview({ status: 'cancelled', reason: 'busy' }), invitee).message).toMatch(
      /Alice started another interview/,
    );
  });

  it('says the same to both sides of an invitation a block ended', () => {
    for (const status of ['rejected', 'cancelled'] as const) {
      const iv = makeInterview({ status, reason: 'blocked' });
      expect(describeOutcome(iv, inviter).message).toBe('The invitation with Bob was closed.');
      expect(describeOutcome(iv, { ...invitee, actedHere: true }).message).toBe('The invitation with Alice was closed.');
    }
  });

  it('tells both sides about expiry and cancellation', () => {
    const expired = makeInterview({ status: 'expired', reason: 'invite_timeout' });
    expect(describeOutcome(expired, inviter).message).toMatch(/to Bob expired/);
    expect(describeOutcome(expired, invitee).message).toMatch(/from Alice expired/);
    const cancelled = makeInterview({ status: 'cancelled', reason: 'cancelled' });
    expect(describeOutcome(cancelled, invitee).message).toBe('Alice cancelled the invitation.');
    expect(describeOutcome(cancelled, { ...inviter, actedHere: true }).message).toBe('You cancelled your invitation to Bob.');
  });

  it('announces acceptance to both sides', () => {
    const acc = makeInterview({ status: 'accepted' });
    expect(describeOutcome(acc, inviter)).toEqual({ tone: 'success', message: 'Bob accepted your invitation. Starting the interview…' });
    expect(describeOutcome(acc, { ...invitee, actedHere: true }).message).toMatch(/You accepted/);
  });
});
