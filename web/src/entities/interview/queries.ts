// Where the client keeps interviews: the react-query keys, the queries every
// page shares, and the one way to store an interview the server sent (an ack
// or an event) so the room, the history and the dashboard all see it.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Id, Interview, InterviewDetailResponse } from '../../types';

export const interviewKeys = {
  /** GET /api/interviews/:roomId: the interview and its feedback. */
  detail: (roomId: Id) => ['interview', roomId] as const,
  /** Every list of interviews (history pages, the dashboard's recent ones). */
  lists: ['interviews'] as const,
  /** The user's accepted or in-progress interview. */
  active: ['active-interview'] as const,
};

/** The interview and its feedback, for the room and the history pages. */
export function useInterviewDetail(roomId: Id) {
  return useQuery({ queryKey: interviewKeys.detail(roomId), queryFn: () => api.interview(roomId) });
}

/** The user's accepted or in-progress interview, if any (to rejoin it). */
export function useActiveInterview(): Interview | null {
  const q = useQuery({
    queryKey: interviewKeys.active,
    queryFn: async () => {
      const [live, accepted] = await Promise.all([
        api.interviews({ status: 'in_progress', limit: 1 }),
        api.interviews({ status: 'accepted', limit: 1 }),
      ]);
      return live.interviews[0] ?? accepted.interviews[0] ?? null;
    },
    staleTime: 30_000,
  });
  return q.data ?? null;
}

/** Puts a newer interview object in the cache (keeping the feedback already loaded). */
export function storeInterview(qc: QueryClient, iv: Interview) {
  qc.setQueryData<InterviewDetailResponse>(interviewKeys.detail(iv.roomId), (old) => ({ ...old, interview: iv }));
}

/** An interview changed state: the lists and the active interview are stale. */
export function refreshInterviewLists(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: interviewKeys.active });
  void qc.invalidateQueries({ queryKey: interviewKeys.lists });
}

/** Reloads one interview (its feedback becomes readable once it is over). */
export function reloadInterview(qc: QueryClient, roomId: Id) {
  void qc.invalidateQueries({ queryKey: interviewKeys.detail(roomId) });
}
