// /invitations/:roomId, what a push notification opens: the invitation for its invitee (the
// dialog comes up as well once this tab holds it), the room once it is accepted, or how it ended.
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { isInviter, isLive, partnerOf, roomPath } from '../../entities/interview/model';
import { outcomeOf } from '../../entities/interview/outcome';
import { useInterviewDetail } from '../../entities/interview/queries';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useCurrentUser } from '../auth/session';
import { useInvitations } from './InvitationsProvider';

export function InvitationLinkPage() {
  const { roomId = '' } = useParams();
  const { user } = useCurrentUser();
  const invitations = useInvitations();
  const detail = useInterviewDetail(roomId);
  const held = invitations.state.incoming.some((x) => x.interview.roomId === roomId);
  const [busy, setBusy] = useState(false);
  const { reopen } = invitations;
  /** The dialog is brought up once per invitation: "Later" on it stays respected. */
  const reopened = useRef<string | null>(null);

  useEffect(() => {
    if (!held || reopened.current === roomId) return;
    reopened.current = roomId;
    reopen(roomId);
  }, [held, roomId, reopen]);

  if (detail.isPending) return <p className="page-loading" role="status">Loading the invitation…</p>;
  if (detail.isError)
    return (
      <div className="page narrow">
        <h1>Invitation</h1>
        <p role="alert">
          {detail.error instanceof ApiError && detail.error.code === 'not_found'
            ? 'This invitation does not exist, or it is not for you.'
            : describeError(detail.error)}
        </p>
        <Link to="/dashboard">Back to the dashboard</Link>
      </div>
    );

  const iv = detail.data.interview;
  if (isLive(iv.status)) return <Navigate to={roomPath(iv.roomId)} replace />;
  const other = partnerOf(iv, user.id).name;
  const act = async (accept: boolean) => {
    setBusy(true);
    try {
      await (accept ? invitations.accept(roomId) : invitations.decline(roomId));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow">
      <h1>Interview invitation {isInviter(iv, user.id) ? `to ${other}` : `from ${other}`}</h1>
      {iv.status === 'pending' && !isInviter(iv, user.id) && (
        <>
          <p>
            {other} invited you to a mock interview with {iv.questions.length} question{iv.questions.length === 1 ? '' : 's'}.
          </p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => act(false)} disabled={busy}>
              Decline
            </button>
            <button type="button" className="btn btn-primary" onClick={() => act(true)} disabled={busy}>
              Accept & Start
            </button>
          </div>
        </>
      )}
      {iv.status === 'pending' && isInviter(iv, user.id) && (
        <p>
          Waiting for {other} to answer. <Link to="/find-match">View</Link>
        </p>
      )}
      {iv.status !== 'pending' && (
        <p data-testid="invitation-outcome">
          This invitation is no longer open: {outcomeOf(iv, user.id).detail} <Link to="/find-match">Find a partner</Link>
        </p>
      )}
    </div>
  );
}
