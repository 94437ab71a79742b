// Where this tab keeps the user's quick-match ticket: one react-query entry, filled by
// GET /api/match/queue (after a load and every reconnect), the answers to joining and leaving,
// and the match-* events.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { monotonicNow } from '../../lib/countdown';
import type { Id, MatchTicket } from '../../types';
import type { HeldTicket } from './ticket';

export const ticketKey = ['match-ticket'] as const;

/** Tickets this tab put in the queue: a match takes this tab to the room. */
export const joinedHere = new Set<Id>();

export async function fetchTicket(): Promise<HeldTicket | null> {
  try {
    const { ticket } = await api.matchTicket();
    return { ticket, receivedAt: monotonicNow() };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'not_found') return null;
    throw e;
  }
}

/** The latest ticket: waiting, or the last one that ended while this page was open; null for none. */
export function useHeldTicket(): HeldTicket | null {
  const q = useQuery({
    queryKey: ticketKey,
    queryFn: fetchTicket,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return q.data ?? null;
}

export function storeTicket(qc: QueryClient, ticket: MatchTicket | null) {
  const held: HeldTicket | null = ticket ? { ticket, receivedAt: monotonicNow() } : null;
  qc.setQueryData(ticketKey, held);
}

export function heldTicket(qc: QueryClient): HeldTicket | null {
  return qc.getQueryData<HeldTicket | null>(ticketKey) ?? null;
}
