import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useCurrentUser } from '../auth/session';
import { ScheduleItem } from './ScheduleItem';
import { useSchedule } from './queries';

/** /schedules/:id, what a notification or a calendar entry opens. */
export function ScheduleLinkPage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const detail = useSchedule(id);
  return (
    <div className="page narrow">
      <p>
        <Link to="/dashboard">← Dashboard</Link>
      </p>
      <h1>Scheduled interview</h1>
      {detail.isPending && <p role="status">Loading…</p>}
      {detail.isError && (
        <p role="alert">
          {detail.error instanceof ApiError && detail.error.code === 'not_found'
            ? 'This scheduled interview does not exist, or it is not yours.'
            : describeError(detail.error)}
        </p>
      )}
      {detail.data && (
        <div className="card">
          <ScheduleItem schedule={detail.data.schedule} meId={user.id} headingLevel={2} />
        </div>
      )}
    </div>
  );
}
