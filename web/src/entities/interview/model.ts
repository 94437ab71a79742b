// The interview as every feature sees it: which states are live or over, who
// the other participant is, this user's role, and where its pages are.
// Pure functions of the contract's `interview` object (shared/API.md).
import type { Id, Interview, InterviewStatus, Question, Round } from '../../types';

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

/** The round going on now (the last one started), or null before round 1. */
export function currentRound(iv: Interview): Round | null {
  const rounds = iv.rounds ?? [];
  return rounds.length ? rounds.reduce((a, b) => (b.number > a.number ? b : a)) : null;
}

/** This user's role now: in the current round, else as in round 1 (the inviter interviews). */
export function myRole(iv: Interview, meId: Id): InterviewRole {
  const round = currentRound(iv);
  if (round) return round.interviewer.id === meId ? 'interviewer' : 'candidate';
  return isInviter(iv, meId) ? 'interviewer' : 'candidate';
}

/** The questions of the current round (the invitation's before round 1). */
export function currentQuestions(iv: Interview): Question[] {
  return currentRound(iv)?.questions ?? iv.questions;
}

/** Interviews have at most two rounds: round 1's candidate may start round 2, with the roles swapped. */
export const MAX_ROUNDS = 2;

/** Whether this user may send start-round now (API.md v2: round 1's candidate, while in progress). */
export function maySwitchRoles(iv: Interview, meId: Id): boolean {
  const round = currentRound(iv);
  return iv.status === 'in_progress' && round !== null && round.number < MAX_ROUNDS && round.candidate.id === meId;
}

export const roomPath = (roomId: Id) => `/interview/${encodeURIComponent(roomId)}`;
export const historyPath = (roomId: Id) => `/history/${encodeURIComponent(roomId)}`;
