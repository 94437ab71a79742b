import { useParams, Link } from 'react-router';
import { isLive } from '../../entities/interview/model';
import { outcomeOf } from '../../entities/interview/outcome';
import { useInterviewDetail } from '../../entities/interview/queries';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useCurrentUser } from '../auth/session';
import { InterviewReport } from '../history/InterviewReport';
import { LiveRoom } from './room/LiveRoom';

export function InterviewRoomPage() {
  const { roomId = '' } = useParams();
  const { user } = useCurrentUser();
  const detail = useInterviewDetail(roomId);

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

  const { interview, feedback = [], workspaces = [] } = detail.data;
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
      <InterviewReport interview={interview} feedback={feedback} workspaces={workspaces} meId={user.id} />
    </div>
  );
}
