// Pure rules of scheduled interviews as the client shows them (shared/API.md v2, "Scheduled
// interviews"): who may do what, what a status means to each side, the time until the start,
// and the form's checks. The server decides; these only decide what to offer.
import { zonedToUtc, wallTimeIn, type WallTime } from '../../lib/zonedTime';
import type { Id, Participant, Schedule } from '../../types';

export const MIN_DURATION = 15;
export const MAX_DURATION = 120;
export const DEFAULT_DURATION = 60;
export const NOTE_MAX = 500;
/** API.md: "at most 30 days ahead". The minimum lead is the server's setting. */
export const MAX_AHEAD_MS = 30 * 86_400_000;

export type ScheduleAction = 'accept' | 'decline' | 'cancel' | 'join';

export const isProposer = (s: Schedule, meId: Id) => s.proposer.id === meId;
export const otherOf = (s: Schedule, meId: Id): Participant => (isProposer(s, meId) ? s.invitee : s.proposer);

/** The invitee accepts or declines while proposed; either cancels while proposed or accepted. */
export function actionsFor(s: Schedule, meId: Id): ScheduleAction[] {
  switch (s.status) {
    case 'proposed':
      return isProposer(s, meId) ? ['cancel'] : ['accept', 'decline'];
    case 'accepted':
      return ['cancel'];
    case 'started':
      return s.roomId ? ['join'] : [];
    default:
      return [];
  }
}

/** Still worth listing: proposed or accepted, or started and not yet past its duration. */
export function isUpcoming(s: Schedule, nowMs: number): boolean {
  if (s.status === 'proposed' || s.status === 'accepted') return true;
  if (s.status !== 'started') return false;
  return nowMs < Date.parse(s.startsAt) + s.durationMinutes * 60_000;
}

export function statusText(s: Schedule, meId: Id): string {
  const other = otherOf(s, meId).name;
  switch (s.status) {
    case 'proposed':
      return isProposer(s, meId) ? `Waiting for ${other} to accept` : `${other} proposed this: accept or decline`;
    case 'accepted':
      return 'Confirmed';
    case 'started':
      return 'Started: join now';
    case 'declined':
      return isProposer(s, meId) ? `${other} declined` : 'You declined';
    case 'cancelled':
      return 'Cancelled';
    case 'missed':
      return 'Missed: one of you was in another interview';
  }
}

/** "in 2 d 3 h", "in 1 h 5 min", "in 12 min", "in 45 s", "now". */
export function formatStartsIn(ms: number): string {
  if (ms <= 0) return 'now';
  const s = Math.ceil(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return h ? `in ${d} d ${h} h` : `in ${d} d`;
  if (h) return m ? `in ${h} h ${m} min` : `in ${h} h`;
  if (m) return `in ${Math.ceil(s / 60)} min`;
  return `in ${s} s`;
}

/**
 * What to tell this user about a change they may not have made here (`actedHere`: this tab
 * asked for it). Null when there is nothing to say: proposals and starts have their own events.
 */
export function describeChange(s: Schedule, meId: Id, actedHere: boolean): { tone: 'info' | 'success' | 'warning'; message: string } | null {
  const other = otherOf(s, meId).name;
  const mine = isProposer(s, meId);
  switch (s.status) {
    case 'accepted':
      if (mine) return { tone: 'success', message: `${other} accepted your interview.` };
      return { tone: 'success', message: actedHere ? `You accepted the interview with ${other}.` : `The interview with ${other} was accepted in another tab.` };
    case 'declined':
      if (mine) return { tone: 'warning', message: `${other} declined your interview.` };
      return { tone: 'info', message: actedHere ? `You declined the interview with ${other}.` : `The interview with ${other} was declined in another tab.` };
    case 'cancelled':
      return { tone: 'info', message: actedHere ? `You cancelled the interview with ${other}.` : `The interview with ${other} was cancelled.` };
    case 'missed':
      return { tone: 'warning', message: `The interview with ${other} could not start: one of you was in another interview.` };
    default:
      return null;
  }
}

/** The form's first suggestion: the next full hour at least an hour from now, in `zone`. */
export function defaultStart(nowMs: number, zone: string): WallTime {
  const wall = wallTimeIn(nowMs + 3_600_000, zone);
  const asUtc = Date.parse(`${wall.date}T${wall.time}:00.000Z`);
  const hour = Math.ceil(asUtc / 3_600_000) * 3_600_000;
  const iso = new Date(hour).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export interface ScheduleForm {
  wall: WallTime;
  zone: string;
  durationMinutes: number;
  note: string;
  questionIds: Id[];
}

export type ScheduleField = 'startsAt' | 'durationMinutes' | 'note' | 'questionIds';

/** The form's errors by field, or the `startsAt` to send. */
export function checkScheduleForm(
  f: ScheduleForm,
  nowMs: number,
): { ok: true; startsAt: string } | { ok: false; errors: Partial<Record<ScheduleField, string>> } {
  const errors: Partial<Record<ScheduleField, string>> = {};
  const at = zonedToUtc(f.wall, f.zone);
  let startsAt = '';
  if (!at.ok) {
    errors.startsAt =
      at.reason === 'nonexistent'
        ? `${f.wall.time} does not exist on that day in ${f.zone} (the clocks change). Pick another time.`
        : 'Pick a date and a time.';
  } else {
    startsAt = at.iso;
    const ms = Date.parse(at.iso);
    if (ms <= nowMs) errors.startsAt = 'Pick a time in the future.';
    else if (ms > nowMs + MAX_AHEAD_MS) errors.startsAt = 'Pick a time at most 30 days ahead.';
  }
  if (!Number.isInteger(f.durationMinutes) || f.durationMinutes < MIN_DURATION || f.durationMinutes > MAX_DURATION)
    errors.durationMinutes = `The duration is ${MIN_DURATION} to ${MAX_DURATION} minutes.`;
  if (f.note.length > NOTE_MAX) errors.note = `The note has at most ${NOTE_MAX} characters.`;
  if (f.questionIds.length === 0) errors.questionIds = 'Pick at least one question.';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, startsAt };
}
