import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const blocksKey = ['blocks'] as const;

export function useBlocks() {
  return useQuery({ queryKey: blocksKey, queryFn: () => api.blocks() });
}

/**
 * A block was made or undone: who is listed, invitations and schedules between the two, and the
 * blocks list have changed on the server (shared/API.md v2, "Blocking").
 */
export function refreshAfterBlock(qc: QueryClient) {
  for (const key of [blocksKey, ['partners'], ['schedules'], ['interviews'], ['match-ticket']]) {
    void qc.invalidateQueries({ queryKey: key });
  }
}
