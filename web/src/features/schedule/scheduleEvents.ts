// schedule-proposed, schedule-updated, schedule-reminder and schedule-started are handled here,
// once for the signed-in app: proposals and reminders are toasts on any page, every change
// refreshes the lists, and a start takes both people to the room.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useRoomArrival } from '../../entities/interview/arrival';
import { refreshInterviewLists, storeInterview } from '../../entities/interview/queries';
import { schedulePath } from '../../lib/links';
import { listen, onEveryConnect, socket } from '../../lib/socket';
import { formatInZone } from '../../lib/zonedTime';
import type { Id, Interview, Schedule } from '../../types';
import { describeChange, formatStartsIn, otherOf } from './model';
import { actedHere, scheduleKeys, storeSchedule } from './queries';
import { useDisplayZone } from './useZone';

export function useScheduleEvents(meId: Id) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const arrive = useRoomArrival();
  const { zone } = useDisplayZone();

  useEffect(() => {
    const view = (s: Schedule) => ({ label: 'View', onClick: () => navigate(schedulePath(s.id)) });
    const onProposed = ({ schedule: s }: { schedule: Schedule }) => {
      storeSchedule(qc, s);
      toast.info(`${s.proposer.name} proposes an interview on ${formatInZone(s.startsAt, zone)}.`, {
        id: `schedule:${s.id}:proposed`,
        action: view(s),
        duration: 15_000,
      });
    };
    const onUpdated = ({ schedule: s }: { schedule: Schedule }) => {
      storeSchedule(qc, s);
      const change = describeChange(s, meId, actedHere.has(`${s.id}:${s.status}`));
      if (change) toast[change.tone](change.message, { id: `schedule:${s.id}:${s.status}` });
    };
    const onReminder = ({ schedule: s }: { schedule: Schedule }) => {
      storeSchedule(qc, s);
      const left = formatStartsIn(Date.parse(s.startsAt) - Date.now());
      toast.info(`Your interview with ${otherOf(s, meId).name} starts ${left}, at ${formatInZone(s.startsAt, zone)}.`, {
        id: `schedule:${s.id}:reminder`,
        action: view(s),
        duration: 30_000,
      });
    };
    const onStarted = ({ schedule: s, interview }: { schedule: Schedule; interview: Interview }) => {
      storeSchedule(qc, s);
      storeInterview(qc, interview);
      refreshInterviewLists(qc);
      arrive({
        roomId: interview.roomId,
        askedHere: false,
        message: `Your scheduled interview with ${otherOf(s, meId).name} is starting.`,
        toastId: `${interview.roomId}:scheduled`,
      });
    };
    const offs = [
      listen(socket, 'schedule-proposed', onProposed),
      listen(socket, 'schedule-updated', onUpdated),
      listen(socket, 'schedule-reminder', onReminder),
      listen(socket, 'schedule-started', onStarted),
      // Changes made while the socket was down.
      onEveryConnect(() => void qc.invalidateQueries({ queryKey: scheduleKeys.all })),
    ];
    return () => offs.forEach((off) => off());
  }, [qc, meId, navigate, arrive, zone]);
}
