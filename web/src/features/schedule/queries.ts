// Where the client keeps schedules: the upcoming list of the dashboard, one schedule by id, and
// the one way to store a schedule the server sent (an answer or an event).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Id, Schedule, ScheduleResponse, ScheduleStatus } from '../../types';
import { isUpcoming } from './model';

export const scheduleKeys = {
  all: ['schedules'] as const,
  upcoming: ['schedules', 'upcoming'] as const,
  detail: (id: Id) => ['schedules', 'detail', id] as const,
};

/** Changes this tab asked for, as `${id}:${status}`: the event that follows says "you". */
export const actedHere = new Set<string>();

const LISTED: ScheduleStatus[] = ['proposed', 'accepted', 'started'];

/**
 * Proposed, accepted and running schedules, soonest first. One request per status: the list is
 * soonest first over every status, so past ones would crowd out what is coming.
 */
export function useUpcomingSchedules() {
  return useQuery({
    queryKey: scheduleKeys.upcoming,
    queryFn: async () => {
      const pages = await Promise.all(LISTED.map((status) => api.schedules({ status, limit: 50 })));
      return pages
        .flatMap((p) => p.schedules)
        .filter((s) => isUpcoming(s, Date.now()))
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    },
    refetchInterval: 60_000,
  });
}

export function useSchedule(id: Id) {
  return useQuery({ queryKey: scheduleKeys.detail(id), queryFn: () => api.schedule(id) });
}

/** A newer schedule from the server: the detail gets it, the lists load again. */
export function storeSchedule(qc: QueryClient, s: Schedule) {
  qc.setQueryData<ScheduleResponse>(scheduleKeys.detail(s.id), { schedule: s });
  void qc.invalidateQueries({ queryKey: scheduleKeys.upcoming });
}
