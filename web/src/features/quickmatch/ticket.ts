// Pure rules of the quick-match waiting panel (shared/API.md v2, "Quick match"): how long a
// ticket has waited by the server's count, what its criteria have relaxed to, and what to say
// when it ends. The server decides matches; this only explains them.
import { levelLabel } from '../../components/PersonSummary';
import { deadlineFrom } from '../../lib/countdown';
import { EXPERIENCE_LEVELS, type MatchCriteria, type MatchTicket } from '../../types';

export const MAX_TOPICS = 5;
/** The criteria relax at these waits (API.md: "under 15 s ... under 30 s ... after that, anyone"). */
export const STRICT_MS = 15_000;
export const RELAXED_MS = 30_000;

/** A ticket as this tab holds it: `receivedAt` is on the monotonic clock (lib/countdown). */
export interface HeldTicket {
  ticket: MatchTicket;
  receivedAt: number;
}

/**
 * How long the ticket had waited when it arrived: its lifetime (expiresAt - createdAt, both
 * server times) minus what the server says is left. Null unless it is waiting.
 */
export function waitedAtReceipt(ticket: MatchTicket): number | null {
  if (ticket.status !== 'waiting' || ticket.expiresInMs == null) return null;
  const lifetime = Date.parse(ticket.expiresAt) - Date.parse(ticket.createdAt);
  if (!Number.isFinite(lifetime)) return null;
  return Math.max(0, lifetime - ticket.expiresInMs);
}

/** The wait at monotonic time `now`, or null when the ticket is not waiting. */
export function waitedAt(held: HeldTicket, now: number): number | null {
  const base = waitedAtReceipt(held.ticket);
  return base == null ? null : base + Math.max(0, now - held.receivedAt);
}

/** The monotonic moment the ticket expires, from the server's `expiresInMs`. */
export function expiryOf(held: HeldTicket): number | null {
  return held.ticket.status === 'waiting' ? deadlineFrom(held.ticket.expiresInMs, held.receivedAt) : null;
}

export type Tier = 'strict' | 'relaxed' | 'anyone';

export function tierAt(waitedMs: number): Tier {
  if (waitedMs < STRICT_MS) return 'strict';
  if (waitedMs < RELAXED_MS) return 'relaxed';
  return 'anyone';
}

/** Milliseconds until the criteria relax next, or null once they accept anyone. */
export function nextRelaxationIn(waitedMs: number): number | null {
  if (waitedMs < STRICT_MS) return STRICT_MS - waitedMs;
  if (waitedMs < RELAXED_MS) return RELAXED_MS - waitedMs;
  return null;
}

/** "Junior, Mid-level or Senior": the levels at most one apart from `level`. */
export function nearLevels(level: NonNullable<MatchCriteria['level']>): string {
  const i = EXPERIENCE_LEVELS.indexOf(level);
  const names = EXPERIENCE_LEVELS.slice(Math.max(0, i - 1), i + 2).map(levelLabel);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
}

/**
 * Whom the ticket can be paired with at `tier`, from this user's own criteria. A criterion not
 * given matches anything (docs/v2-rules.md), so the relaxed tier without a level or without
 * topics already accepts anyone.
 */
export function describeSearch(criteria: MatchCriteria, tier: Tier): string {
  const topics = criteria.topics.length ? `a topic in common (${criteria.topics.join(', ')})` : null;
  if (tier === 'strict') {
    const level = criteria.level ? `the same level (${levelLabel(criteria.level)})` : null;
    const parts = [level, topics].filter(Boolean);
    return parts.length ? `someone with ${parts.join(' and ')}` : 'anyone who is waiting';
  }
  if (tier === 'relaxed' && topics && criteria.level) {
    return `someone with ${topics} or a level of ${nearLevels(criteria.level)}`;
  }
  return 'anyone who is waiting';
}

/** What to tell the user when a ticket ends without a match. */
export function describeEnd(ticket: MatchTicket): string | null {
  switch (ticket.status) {
    case 'expired':
      return 'Nobody was found in time. Try again, or schedule an interview with someone from the list.';
    case 'cancelled':
      return 'You left the quick-match queue.';
    default:
      return null;
  }
}
