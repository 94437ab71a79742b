// interview-started, round-started and interview-ended are handled here, once
// for the whole signed-in app: they update the cached interview (which the
// room page reads: the round bar, roles, questions and hints follow it) and the
// lists, and tell the user when they are not looking at that room.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { listen, socket } from '../../lib/socket';
import type { Interview } from '../../types';
import { partnerOf, roomPath } from '../../entities/interview/model';
import { outcomeOf } from '../../entities/interview/outcome';
import { refreshInterviewLists, reloadInterview, storeInterview } from '../../entities/interview/queries';

export function useInterviewEvents(meId: string) {
  const qc = useQueryClient();
  const location = useLocation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;

  useEffect(() => {
    const store = (iv: Interview) => {
      storeInterview(qc, iv);
      refreshInterviewLists(qc);
    };
    const onStarted = ({ interview }: { interview: Interview }) => store(interview);
    const onEnded = ({ interview }: { interview: Interview }) => {
      store(interview);
      // The feedback list becomes readable now.
      reloadInterview(qc, interview.roomId);
      void qc.invalidateQueries({ queryKey: ['stats'] });
      const inRoom = pathRef.current === roomPath(interview.roomId);
      if (!inRoom) {
        const o = outcomeOf(interview, meId);
        toast.info(`Your interview with ${partnerOf(interview, meId).name} ended: ${o.detail}`, {
          id: `${interview.roomId}:ended`,
        });
      }
    };
    const offs = [
      listen(socket, 'interview-started', onStarted),
      listen(socket, 'round-started', onStarted),
      listen(socket, 'interview-ended', onEnded),
    ];
    return () => offs.forEach((off) => off());
  }, [qc, meId]);
}
