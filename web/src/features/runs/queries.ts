// The interview's runs in the query cache: loaded from GET /runs, kept up to
// date by run-started / run-finished (runEvents.ts) and by our own POSTs.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Id, Run, RunsResponse } from '../../types';
import { isActive, mergeRuns } from './output';

export const runKeys = { list: (roomId: Id) => ['runs', roomId] as const };

/** While a run is queued or running, the list is also re-read now and then, in case its finish was missed. */
const ACTIVE_POLL_MS = 5000;

export function useRuns(roomId: Id, opts: { live: boolean }) {
  return useQuery({
    queryKey: runKeys.list(roomId),
    queryFn: () => api.runs(roomId),
    refetchInterval: (q) => (opts.live && q.state.data?.runs.some(isActive) ? ACTIVE_POLL_MS : false),
    retry: false,
  });
}

export function storeRun(qc: QueryClient, run: Run) {
  qc.setQueryData<RunsResponse>(runKeys.list(run.roomId), (old) => ({ runs: mergeRuns(old?.runs ?? [], [run]) }));
}
