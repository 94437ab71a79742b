import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Interview } from '../../types';

/** The user's accepted or in-progress interview, if any (to rejoin it). */
export function useActiveInterview(): Interview | null {
  const q = useQuery({
    queryKey: ['active-interview'],
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
