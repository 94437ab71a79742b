// interview-started and interview-ended are handled here, once for the whole
// signed-in app: they update the cached interview (which the room page reads)
// and the lists, and tell the user when they are not looking at that room.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { socket } from '../../lib/socket';
import type { Interview, InterviewDetailResponse } from '../../types';
import { outcomeOf, partnerOf } from '../history/outcome';

export function useInterviewEvents(meId: string) {
  const qc = useQueryClient();
  const location = useLocation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;

  useEffect(() => {
    const store = (iv: Interview) => {
      qc.setQueryData<InterviewDetailResponse>(['interview', iv.roomId], (old) => ({ ...old, interview: iv }));
      void qc.invalidateQueries({ queryKey: ['active-interview'] });
      void qc.invalidateQueries({ queryKey: ['interviews'] });
    };
    const onStarted = ({ interview }: { interview: Interview }) => store(interview);
    const onEnded = ({ interview }: { interview: Interview }) => {
      store(interview);
      // The feedback list becomes readable now.
      void qc.invalidateQueries({ queryKey: ['interview', interview.roomId] });
      void qc.invalidateQueries({ queryKey: ['stats'] });
      const inRoom = pathRef.current === `/interview/${encodeURIComponent(interview.roomId)}`;
      if (!inRoom) {
        const o = outcomeOf(interview, meId);
        toast.info(`Your interview with ${partnerOf(interview, meId).name} ended: ${o.detail}`, {
          id: `${interview.roomId}:ended`,
        });
      }
    };
    socket.on('interview-started', onStarted);
    socket.on('interview-ended', onEnded);
    return () => {
      socket.off('interview-started', onStarted);
      socket.off('interview-ended', onEnded);
    };
  }, [qc, meId]);
}
