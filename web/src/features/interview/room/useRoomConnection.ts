import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isFinal } from '../../../entities/interview/model';
import { interviewKeys, storeInterview } from '../../../entities/interview/queries';
import { currentIceTransportPolicy } from '../../../lib/settings';
import { socket } from '../../../lib/socket';
import type { Id, InterviewDetailResponse } from '../../../types';
import { RoomConnection, type RoomSnapshot } from '../connection/roomConnection';

declare global {
  interface Window {
    /** The live room, for diagnostics and end-to-end tests. */
    __mmRoom?: RoomConnection | null;
  }
}

const noopSubscribe = () => () => undefined;

/**
 * This page's place in the room for as long as it shows the room: joins with
 * `stream`, and on unmount leaves (the server's grace period starts) or, when
 * the interview is over, just lets go.
 */
export function useRoomConnection(roomId: Id, meId: Id, stream: MediaStream) {
  const qc = useQueryClient();
  const [conn, setConn] = useState<RoomConnection | null>(null);

  useEffect(() => {
    const c = new RoomConnection(socket, stream, {
      roomId,
      meId,
      iceTransportPolicy: currentIceTransportPolicy(),
      onInterview: (iv) => storeInterview(qc, iv),
    });
    c.start();
    setConn(c);
    window.__mmRoom = c;
    return () => {
      const cached = qc.getQueryData<InterviewDetailResponse>(interviewKeys.detail(roomId));
      if (cached && isFinal(cached.interview.status)) c.end();
      else c.stop();
      if (window.__mmRoom === c) window.__mmRoom = null;
    };
  }, [qc, roomId, meId, stream]);

  const snap: RoomSnapshot | null = useSyncExternalStore(conn?.subscribe ?? noopSubscribe, conn?.getSnapshot ?? (() => null));
  return { conn, snap };
}
