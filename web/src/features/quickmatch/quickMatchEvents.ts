// match-found, match-expired and match-cancelled are handled here, once for the signed-in app:
// they update the ticket this tab holds, and a match takes the user to the room from any page.
// After every (re)connect the ticket is asked for again, so a reload resumes the waiting panel
// and a match that happened while the socket was down is not missed.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useRoomArrival } from '../../entities/interview/arrival';
import { partnerOf } from '../../entities/interview/model';
import { refreshInterviewLists, storeInterview } from '../../entities/interview/queries';
import { listen, onEveryConnect, socket } from '../../lib/socket';
import type { Id, Interview, MatchTicket } from '../../types';
import { fetchTicket, heldTicket, joinedHere, storeTicket, ticketKey } from './queries';
import { describeEnd } from './ticket';

export function useQuickMatchEvents(meId: Id) {
  const qc = useQueryClient();
  const arrive = useRoomArrival();

  useEffect(() => {
    const matched = (ticket: MatchTicket, interview: Interview) => {
      storeTicket(qc, ticket);
      storeInterview(qc, interview);
      refreshInterviewLists(qc);
      arrive({
        roomId: interview.roomId,
        askedHere: joinedHere.has(ticket.id),
        message: `Quick match: you are paired with ${partnerOf(interview, meId).name}. Starting the interview…`,
        toastId: `${interview.roomId}:matched`,
      });
    };
    const ended = ({ ticket }: { ticket: MatchTicket }) => {
      const held = heldTicket(qc);
      // An event about a ticket this one replaced changes nothing.
      if (held && held.ticket.id !== ticket.id && held.ticket.status === 'waiting') return;
      storeTicket(qc, ticket);
      const message = describeEnd(ticket);
      if (message) (ticket.status === 'expired' ? toast.warning : toast.info)(message, { id: `ticket:${ticket.id}:${ticket.status}` });
    };

    const resync = async () => {
      const before = heldTicket(qc);
      try {
        const now = await fetchTicket();
        qc.setQueryData(ticketKey, now);
        const wasWaiting = before?.ticket.status === 'waiting';
        if (wasWaiting && now && now.ticket.id === before.ticket.id && now.ticket.status === 'matched' && now.ticket.roomId) {
          // Matched while the socket was down: the interview list has it.
          refreshInterviewLists(qc);
          arrive({
            roomId: now.ticket.roomId,
            askedHere: joinedHere.has(now.ticket.id),
            message: 'Quick match: you were paired while offline. Starting the interview…',
            toastId: `${now.ticket.roomId}:matched`,
          });
        }
      } catch {
        // The events still arrive; the next reconnect asks again.
      }
    };

    const offs = [
      listen(socket, 'match-found', ({ ticket, interview }) => matched(ticket, interview)),
      listen(socket, 'match-expired', ended),
      listen(socket, 'match-cancelled', ended),
      onEveryConnect(() => void resync()),
    ];
    return () => offs.forEach((off) => off());
  }, [qc, meId, arrive]);
}
