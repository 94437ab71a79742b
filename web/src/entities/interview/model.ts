// The interview as every feature sees it: which states are live or over, who
// the other participant is, this user's role, and where its pages are.
// Pure functions of the contract's `interview` object (shared/API.md).
import type { Id, Interview, InterviewStatus } from '../../types';

export type InterviewRole = 'interviewer' | 'candidate';

/** No transition leaves these states. */
export function isFinal(status: InterviewStatus): boolean {
  return ['completed', 'rejected', 'cancelled', 'expired', 'abandoned'].includes(status);
}

/** The room is open: participants may join it. */
export function isLive(status: InterviewStatus): boolean {
  return status === 'accepted' || status === 'in_progress';
}

/** Feedback may be given once the interview is completed or abandoned. */
export function acceptsFeedback(status: InterviewStatus): boolean {
  return status === 'completed' || status === 'abandoned';
}

export function isInviter(iv: Interview, meId: Id): boolean {
  return iv.inviter.id === meId;
}

/** The other participant. */
export function partnerOf(iv: Interview, meId: Id): Interview['inviter'] {
  return isInviter(iv, meId) ? iv.invitee : iv.inviter;
}

/** In v1 the inviter interviews and the invitee is the candidate. */
export function myRole(iv: Interview, meId: Id): InterviewRole {
  return isInviter(iv, meId) ? 'interviewer' : 'candidate';
}

export const roomPath = (roomId: Id) => `/interview/${encodeURIComponent(roomId)}`;
export const historyPath = (roomId: Id) => `/history/${encodeURIComponent(roomId)}`;
