import { useParams, Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useCurrentUser } from '../auth/session';
import { InterviewSummary } from '../history/InterviewSummary';
import { isLive, outcomeOf } from '../history/outcome';
import { LiveRoom } from './LiveRoom';

export function InterviewRoomPage() {
  const { roomId = '' } = useParams();
  const { user } = useCurrentUser();
  const detail = useQuery({
    queryKey: ['interview', roomId],
    queryFn: () => api.interview(roomId),
    retry: (n, e) => !(e instanceof ApiError && e.status !== null && e.status < 500) && n < 2,
  });

  if (detail.isPending) return <p className="page-loading" role="status">Loading the interview…</p>;
  if (detail.isError)
    return (
      <div className="page narrow">
        <h1>Interview</h1>
        <p role="alert">
          {detail.error instanceof ApiError && detail.error.code === 'not_found'
            ? 'This interview does not exist, or you are not one of its participants.'
            : describeError(detail.error)}
        </p>
        <Link to="/dashboard">Back to the dashboard</Link>
      </div>
    );

  const { interview, feedback = [] } = detail.data;
  if (isLive(interview.status)) return <LiveRoom key={roomId} interview={interview} meId={user.id} />;
  if (interview.status === 'pending') {
    const o = outcomeOf(interview, user.id);
    return (
      <div className="page narrow">
        <h1>Interview not started</h1>
        <p>{o.detail} The room opens once the invitation is accepted.</p>
        <Link to="/dashboard">Back to the dashboard</Link>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <InterviewSummary interview={interview} feedback={feedback} meId={user.id} />
    </div>
  );
}
