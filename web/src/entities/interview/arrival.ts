// A room that opens by itself (a quick match, a schedule that starts): every tab of the user
// hears the event. The tab that asked for it goes to the room, and so does the one the user is
// looking at; the others offer a link, so two tabs do not take the room from each other.
import { useCallback, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { toast } from 'sonner';
import type { Id } from '../../types';
import { roomPath } from './model';

export function opensRoomHere(ctx: { askedHere: boolean; visible: boolean }): boolean {
  return ctx.askedHere || ctx.visible;
}

export interface RoomArrival {
  roomId: Id;
  /** This tab made the request that led to the room (joined the queue, ...). */
  askedHere: boolean;
  message: string;
  /** Keys the toast, so the ack and the event of one outcome show one toast. */
  toastId: string;
}

/** Takes this tab to a room that opened, or offers "Open room" (see opensRoomHere). */
export function useRoomArrival(): (arrival: RoomArrival) => void {
  const navigate = useNavigate();
  const location = useLocation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;
  return useCallback(
    ({ roomId, askedHere, message, toastId }: RoomArrival) => {
      const path = roomPath(roomId);
      const go = () => {
        if (pathRef.current !== path) navigate(path);
      };
      if (opensRoomHere({ askedHere, visible: document.visibilityState === 'visible' })) {
        toast.success(message, { id: toastId });
        go();
      } else {
        // Lasts: the user may come to this tab later (the page's banner also offers "Rejoin").
        toast.success(message, { id: toastId, duration: 60_000, action: { label: 'Open room', onClick: go } });
      }
    },
    [navigate],
  );
}
