// How an interview ended (or stands), in words, from one participant's side.
import type { Interview } from '../../types';
import { isInviter, partnerOf } from './model';

export interface OutcomeLabel {
  label: string;
  detail: string;
  tone: 'good' | 'neutral' | 'bad' | 'live';
}

// Ended by a block (v2): the same words on both sides, so the blocked person
// learns no more than from someone who became unavailable.
const CLOSED_BY_BLOCK: OutcomeLabel = { label: 'Closed', detail: 'The invitation was closed.', tone: 'neutral' };

/** A short label and a sentence for an interview's status and reason, from this user's side. */
export function outcomeOf(iv: Interview, meId: string): OutcomeLabel {
  const iAmInviter = isInviter(iv, meId);
  const other = partnerOf(iv, meId).name;
  switch (iv.status) {
    case 'pending':
      return {
        label: 'Pending',
        detail: iAmInviter ? `Waiting for ${other} to answer.` : `${other} invited you.`,
        tone: 'live',
      };
    case 'accepted':
      return { label: 'Accepted', detail: 'Accepted; the interview has not started yet.', tone: 'live' };
    case 'in_progress':
      return { label: 'In progress', detail: 'The interview is going on now.', tone: 'live' };
    case 'completed':
      return { label: 'Completed', detail: 'The interview was completed.', tone: 'good' };
    case 'rejected':
      if (iv.reason === 'blocked') return CLOSED_BY_BLOCK;
      if (iv.reason === 'busy')
        return {
          label: 'Closed',
          detail: iAmInviter ? `${other} started another interview.` : 'You started another interview.',
          tone: 'neutral',
        };
      return {
        label: 'Declined',
        detail: iAmInviter ? `${other} declined the invitation.` : 'You declined the invitation.',
        tone: 'bad',
      };
    case 'cancelled':
      if (iv.reason === 'blocked') return CLOSED_BY_BLOCK;
      if (iv.reason === 'busy')
        return {
          label: 'Withdrawn',
          detail: iAmInviter ? 'You started another interview.' : `${other} started another interview.`,
          tone: 'neutral',
        };
      return {
        label: 'Cancelled',
        detail: iAmInviter ? 'You cancelled the invitation.' : `${other} cancelled the invitation.`,
        tone: 'neutral',
      };
    case 'expired':
      return { label: 'Expired', detail: 'The invitation expired without an answer.', tone: 'neutral' };
    case 'abandoned': {
      const who = absentName(iv, meId);
      if (who && iv.reason === 'no_show')
        return { label: 'Abandoned', detail: `${who} did not join the room in time (no-show).`, tone: 'bad' };
      if (who && iv.reason === 'left')
        return { label: 'Abandoned', detail: `${who} left the room and did not come back in time.`, tone: 'bad' };
      if (iv.reason === 'no_show')
        return { label: 'Abandoned', detail: 'Nobody met in the room in time (no-show).', tone: 'bad' };
      if (iv.reason === 'left')
        return { label: 'Abandoned', detail: 'A participant left the room and did not come back in time.', tone: 'bad' };
      return { label: 'Abandoned', detail: 'The interview was abandoned.', tone: 'bad' };
    }
  }
}

/** "You" or the name of the participant an abandoned interview names as missing (v2 `absent`). */
function absentName(iv: Interview, meId: string): string | null {
  if (!iv.absent) return null;
  if (iv.absent === meId) return 'You';
  if (iv.absent === iv.inviter.id) return iv.inviter.name;
  if (iv.absent === iv.invitee.id) return iv.invitee.name;
  return null;
}

/** Minutes and seconds between two timestamps, or null. */
export function durationOf(iv: Interview): string | null {
  if (!iv.startedAt || !iv.endedAt) return null;
  const ms = Date.parse(iv.endedAt) - Date.parse(iv.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const m = Math.floor(ms / 60000);
  const s = Math.round((ms % 60000) / 1000);
  return m ? `${m} min ${s} s` : `${s} s`;
}
