// Pure state of this tab's invitations: those received and still pending, and
// the one this user sent and is waiting on. Deadlines are monotonic (see
// lib/countdown) and come from the server's `expiresInMs`.
import { isInviter, partnerOf } from '../../entities/interview/model';
import { deadlineFrom } from '../../lib/countdown';
import type { Id, Interview, Partner } from '../../types';

export interface IncomingInvitation {
  interview: Interview;
  from: Partner;
  receivedAt: number;
  deadline: number | null;
}

export interface OutgoingInvitation {
  interview: Interview;
  /** The profile of the invitee when this tab sent it; null when restored from the server. */
  invitee: Partner | null;
  inviteeOnline: boolean | null;
  sentAt: number;
  deadline: number | null;
}

export interface InvitationState {
  incoming: IncomingInvitation[];
  outgoing: OutgoingInvitation | null;
  /** Incoming invitations whose dialog the user put aside (Escape or "Later"). */
  dismissed: Id[];
}

export const initialInvitationState: InvitationState = { incoming: [], outgoing: null, dismissed: [] };

export type InvitationAction =
  | { type: 'received'; interview: Interview; from: Partner; now: number }
  | { type: 'sent'; interview: Interview; invitee: Partner | null; inviteeOnline: boolean | null; now: number }
  /** The invitation left `pending` (or is gone): forget it. */
  | { type: 'settled'; roomId: Id }
  | { type: 'dismissed'; roomId: Id }
  | { type: 'reopened'; roomId: Id }
  /**
   * The server's list of pending invitations, asked for at `requestedAt`:
   * what it no longer holds was settled while this tab was away. Entries
   * that arrived after the request started are kept: they are newer than the list.
   */
  | { type: 'reconciled'; incomingIds: Id[]; outgoing: Interview | null; requestedAt: number; now: number }
  | { type: 'reset' };

export function invitationReducer(state: InvitationState, action: InvitationAction): InvitationState {
  switch (action.type) {
    case 'received': {
      const { interview, from, now } = action;
      if (interview.status !== 'pending') return state;
      const entry: IncomingInvitation = {
        interview,
        from,
        receivedAt: now,
        deadline: deadlineFrom(interview.expiresInMs, now),
      };
      const i = state.incoming.findIndex((x) => x.interview.roomId === interview.roomId);
      if (i >= 0) {
        // A re-send after a reconnect: refresh the deadline, keep the order.
        const incoming = state.incoming.slice();
        incoming[i] = { ...entry, receivedAt: state.incoming[i].receivedAt };
        return { ...state, incoming };
      }
      return { ...state, incoming: [...state.incoming, entry] };
    }
    case 'sent': {
      const { interview, invitee, inviteeOnline, now } = action;
      if (interview.status !== 'pending') {
        return state.outgoing?.interview.roomId === interview.roomId ? { ...state, outgoing: null } : state;
      }
      return {
        ...state,
        outgoing: { interview, invitee, inviteeOnline, sentAt: now, deadline: deadlineFrom(interview.expiresInMs, now) },
      };
    }
    case 'settled': {
      const { roomId } = action;
      const incoming = state.incoming.filter((x) => x.interview.roomId !== roomId);
      const outgoing = state.outgoing?.interview.roomId === roomId ? null : state.outgoing;
      const dismissed = state.dismissed.filter((id) => id !== roomId);
      if (incoming.length === state.incoming.length && outgoing === state.outgoing && dismissed.length === state.dismissed.length)
        return state;
      return { incoming, outgoing, dismissed };
    }
    case 'dismissed':
      if (state.dismissed.includes(action.roomId)) return state;
      return { ...state, dismissed: [...state.dismissed, action.roomId] };
    case 'reopened':
      return { ...state, dismissed: state.dismissed.filter((id) => id !== action.roomId) };
    case 'reconciled': {
      const { incomingIds, outgoing: serverOutgoing, requestedAt, now } = action;
      const keep = new Set(incomingIds);
      const incoming = state.incoming.filter((x) => keep.has(x.interview.roomId) || x.receivedAt >= requestedAt);
      let outgoing = state.outgoing;
      if (serverOutgoing && serverOutgoing.status === 'pending') {
        const same = outgoing?.interview.roomId === serverOutgoing.roomId;
        outgoing = {
          interview: serverOutgoing,
          invitee: same ? outgoing!.invitee : null,
          inviteeOnline: same ? outgoing!.inviteeOnline : null,
          sentAt: same ? outgoing!.sentAt : now,
          deadline: deadlineFrom(serverOutgoing.expiresInMs, now),
        };
      } else if (outgoing && outgoing.sentAt < requestedAt) {
        outgoing = null;
      }
      const ids = new Set(incoming.map((x) => x.interview.roomId));
      const dismissed = state.dismissed.filter((id) => ids.has(id));
      return { incoming, outgoing, dismissed };
    }
    case 'reset':
      return initialInvitationState;
  }
}

/** The invitation whose dialog should be on screen: the oldest one not put aside. */
export function visibleInvitation(state: InvitationState): IncomingInvitation | null {
  return state.incoming.find((x) => !state.dismissed.includes(x.interview.roomId)) ?? null;
}

export type OutcomeEvent = 'accepted' | 'rejected' | 'cancelled' | 'expired';

export interface OutcomeContext {
  meId: Id;
  /** This tab took the action that settled it (accept, decline or cancel here). */
  actedHere: boolean;
}

export interface OutcomeMessage {
  tone: 'success' | 'info' | 'warning';
  message: string;
}

/** What to tell this user about how an invitation ended. */
export function describeOutcome(interview: Interview, ctx: OutcomeContext): OutcomeMessage {
  const iAmInviter = isInviter(interview, ctx.meId);
  const other = partnerOf(interview, ctx.meId).name;
  if ((interview.status === 'rejected' || interview.status === 'cancelled') && interview.reason === 'blocked') {
    // The same words on both sides of a block (see entities/interview/outcome).
    return { tone: 'info', message: `The invitation with ${other} was closed.` };
  }
  switch (interview.status) {
    case 'accepted':
    case 'in_progress':
      if (iAmInviter) return { tone: 'success', message: `${other} accepted your invitation. Starting the interview…` };
      return ctx.actedHere
        ? { tone: 'success', message: `You accepted ${other}'s invitation. Starting the interview…` }
        : { tone: 'success', message: `${other}'s invitation was accepted in another tab.` };
    case 'rejected':
      if (interview.reason === 'busy') {
        return iAmInviter
          ? { tone: 'warning', message: `${other} started another interview, so your invitation was closed.` }
          : { tone: 'info', message: `${other}'s invitation was closed because you started another interview.` };
      }
      if (iAmInviter) return { tone: 'warning', message: `${other} declined your invitation.` };
      return ctx.actedHere
        ? { tone: 'info', message: `You declined ${other}'s invitation.` }
        : { tone: 'info', message: `${other}'s invitation was declined in another tab.` };
    case 'cancelled':
      if (interview.reason === 'busy') {
        return iAmInviter
          ? { tone: 'info', message: `Your invitation to ${other} was withdrawn because you started another interview.` }
          : { tone: 'info', message: `${other} started another interview, so their invitation was withdrawn.` };
      }
      if (iAmInviter)
        return ctx.actedHere
          ? { tone: 'info', message: `You cancelled your invitation to ${other}.` }
          : { tone: 'info', message: `Your invitation to ${other} was cancelled in another tab.` };
      return { tone: 'info', message: `${other} cancelled the invitation.` };
    case 'expired':
      return iAmInviter
        ? { tone: 'warning', message: `Your invitation to ${other} expired without an answer.` }
        : { tone: 'warning', message: `The invitation from ${other} expired.` };
    default:
      return { tone: 'info', message: `The invitation with ${other} is now ${interview.status.replace('_', ' ')}.` };
  }
}
