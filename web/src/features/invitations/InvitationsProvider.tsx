// The one place where invitation events from the server are handled, for the
// whole signed-in app: it keeps this tab's invitation state, shows the
// incoming invitation dialog on any page, tells each side every outcome, and
// takes the people who accepted or were accepted to the room.
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { isInviter, roomPath } from '../../entities/interview/model';
import { interviewKeys, refreshInterviewLists, storeInterview } from '../../entities/interview/queries';
import { api, ApiError } from '../../lib/api';
import { monotonicNow } from '../../lib/countdown';
import { describeError } from '../../lib/errors';
import { listen, onEveryConnect, socket } from '../../lib/socket';
import type { Id, Interview, Partner } from '../../types';
import { useCurrentUser } from '../auth/session';
import { cancelInvitation, respondToInvitation, sendInvitation } from './actions';
import { IncomingInvitationDialog } from './IncomingInvitationDialog';
import {
  describeOutcome,
  initialInvitationState,
  invitationReducer,
  visibleInvitation,
  type InvitationState,
} from './state';

interface InvitationsApi {
  state: InvitationState;
  /** Resolves with the interview: pending, or accepted when it met the invitee's own invitation. */
  send(invitee: Partner, questionIds: Id[]): Promise<Interview>;
  accept(roomId: Id): Promise<void>;
  decline(roomId: Id): Promise<void>;
  cancel(roomId: Id): Promise<void>;
  dismiss(roomId: Id): void;
  reopen(roomId: Id): void;
}

const Ctx = createContext<InvitationsApi | null>(null);

export function useInvitations(): InvitationsApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useInvitations outside InvitationsProvider');
  return v;
}

export function InvitationsProvider({ children }: { children: ReactNode }) {
  const { user } = useCurrentUser();
  const meId = user.id;
  const [state, dispatch] = useReducer(invitationReducer, initialInvitationState);
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Rooms whose invitation this tab answered, cancelled or sent. */
  const actedHere = useRef(new Set<Id>());
  const navigate = useNavigate();
  const location = useLocation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;
  const qc = useQueryClient();

  const refreshLists = useCallback(() => {
    refreshInterviewLists(qc);
    void qc.invalidateQueries({ queryKey: ['stats'] });
    void qc.invalidateQueries({ queryKey: ['partners'] });
  }, [qc]);

  const goToRoom = useCallback(
    (roomId: Id) => {
      const path = roomPath(roomId);
      if (pathRef.current !== path) navigate(path);
    },
    [navigate],
  );

  /** An invitation left `pending`: from an event or from the answer to our own action. */
  const settle = useCallback(
    (iv: Interview) => {
      if (iv.status === 'pending') return;
      const s = stateRef.current;
      const wasOutgoing = s.outgoing?.interview.roomId === iv.roomId;
      const acted = actedHere.current.has(iv.roomId);
      dispatch({ type: 'settled', roomId: iv.roomId });
      storeInterview(qc, iv);
      refreshLists();
      const { tone, message } = describeOutcome(iv, { meId, actedHere: acted });
      const id = `${iv.roomId}:${iv.status}`;
      const accepted = iv.status === 'accepted' || iv.status === 'in_progress';
      if (accepted && (acted || wasOutgoing)) {
        toast.success(message, { id });
        goToRoom(iv.roomId);
      } else if (accepted) {
        toast.success(message, { id, action: { label: 'Open room', onClick: () => goToRoom(iv.roomId) } });
      } else {
        (tone === 'warning' ? toast.warning : toast.info)(message, { id });
      }
    },
    [goToRoom, meId, qc, refreshLists],
  );

  // Server events. Registered once for the signed-in app.
  useEffect(() => {
    const onReceived = ({ interview, from }: { interview: Interview; from: Partner }) => {
      dispatch({ type: 'received', interview, from, now: monotonicNow() });
      void qc.invalidateQueries({ queryKey: interviewKeys.lists });
    };
    const onSettled = ({ interview }: { interview: Interview }) => settle(interview);
    const offs = [
      listen(socket, 'interview-invitation-received', onReceived),
      listen(socket, 'invitation-accepted', onSettled),
      listen(socket, 'invitation-rejected', onSettled),
      listen(socket, 'invitation-cancelled', onSettled),
      listen(socket, 'invitation-expired', onSettled),
    ];

    // After every (re)connect: the server re-sends pending invitations; drop
    // the ones it no longer holds and restore the one we are waiting on.
    const resync = async () => {
      const requestedAt = monotonicNow();
      try {
        const [received, sent] = await Promise.all([
          api.interviews({ status: 'pending', role: 'invitee', limit: 50 }),
          api.interviews({ status: 'pending', role: 'inviter', limit: 5 }),
        ]);
        const outgoing = sent.interviews.find((iv) => iv.status === 'pending' && isInviter(iv, meId)) ?? null;
        dispatch({
          type: 'reconciled',
          incomingIds: received.interviews.filter((iv) => iv.status === 'pending').map((iv) => iv.roomId),
          outgoing,
          requestedAt,
          now: monotonicNow(),
        });
      } catch {
        // The events still arrive; the next reconnect tries again.
      }
      refreshLists();
    };
    offs.push(onEveryConnect(() => void resync()));
    return () => offs.forEach((off) => off());
  }, [meId, qc, refreshLists, settle]);

  /** After a failed action, ask the server how the invitation stands and settle it if it is over. */
  const settleFromServer = useCallback(
    async (roomId: Id) => {
      try {
        const { interview } = await api.interview(roomId);
        settle(interview);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'not_found') {
          dispatch({ type: 'settled', roomId });
        }
      }
    },
    [settle],
  );

  const respond = useCallback(
    async (roomId: Id, accept: boolean) => {
      actedHere.current.add(roomId);
      try {
        settle(await respondToInvitation(roomId, accept));
      } catch (e) {
        actedHere.current.delete(roomId);
        toast.error(describeError(e));
        if (e instanceof ApiError && ['conflict', 'invitation_expired', 'not_found'].includes(e.code)) {
          await settleFromServer(roomId);
        }
      }
    },
    [settle, settleFromServer],
  );

  const value = useMemo<InvitationsApi>(
    () => ({
      state,
      async send(invitee, questionIds) {
        const res = await sendInvitation(invitee.id, questionIds);
        actedHere.current.add(res.interview.roomId);
        if (res.interview.status === 'pending') {
          dispatch({
            type: 'sent',
            interview: res.interview,
            invitee,
            inviteeOnline: res.inviteeOnline ?? null,
            now: monotonicNow(),
          });
          void qc.invalidateQueries({ queryKey: ['stats'] });
        } else {
          // They had invited us: the two invitations met and the interview is on.
          settle(res.interview);
        }
        return res.interview;
      },
      accept: (roomId) => respond(roomId, true),
      decline: (roomId) => respond(roomId, false),
      async cancel(roomId) {
        actedHere.current.add(roomId);
        try {
          settle(await cancelInvitation(roomId));
        } catch (e) {
          actedHere.current.delete(roomId);
          toast.error(describeError(e));
          if (e instanceof ApiError && ['conflict', 'invitation_expired', 'not_found'].includes(e.code)) {
            await settleFromServer(roomId);
          }
        }
      },
      dismiss: (roomId) => dispatch({ type: 'dismissed', roomId }),
      reopen: (roomId) => dispatch({ type: 'reopened', roomId }),
    }),
    [state, qc, respond, settle, settleFromServer],
  );

  const visible = visibleInvitation(state);
  return (
    <Ctx.Provider value={value}>
      {children}
      {visible && (
        <IncomingInvitationDialog
          key={visible.interview.roomId}
          invitation={visible}
          queueLength={state.incoming.length}
          onAccept={() => value.accept(visible.interview.roomId)}
          onDecline={() => value.decline(visible.interview.roomId)}
          onLater={() => value.dismiss(visible.interview.roomId)}
        />
      )}
    </Ctx.Provider>
  );
}
