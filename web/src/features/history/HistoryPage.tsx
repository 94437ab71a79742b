import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { InterviewRow } from '../../entities/interview/InterviewRow';
import { interviewKeys, useInterviewDetail } from '../../entities/interview/queries';
import { api, ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { InterviewStatus } from '../../types';
import { useCurrentUser } from '../auth/session';
import { InterviewReport } from './InterviewReport';
import { partnerOf } from '../../entities/interview/model';
import { TrustMenu } from '../trust/TrustMenu';

const STATUS_FILTERS: Array<[InterviewStatus | '', string]> = [
  ['', 'All'],
  ['completed', 'Completed'],
  ['abandoned', 'Abandoned'],
  ['rejected', 'Declined'],
  ['cancelled', 'Cancelled'],
  ['expired', 'Expired'],
  ['pending', 'Pending'],
  ['in_progress', 'In progress'],
];

export function HistoryPage() {
  const { user } = useCurrentUser();
  const [status, setStatus] = useState<InterviewStatus | ''>('');
  const [role, setRole] = useState<'' | 'inviter' | 'invitee'>('');
  const list = useInfiniteQuery({
    queryKey: [...interviewKeys.lists, 'history', { status, role }],
    queryFn: ({ pageParam }) =>
      api.interviews({ status: status || undefined, role: role || undefined, limit: 20, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
  const items = (list.data?.pages ?? []).flatMap((p) => p.interviews);

  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>History</h1>
        <p className="muted">Your past interviews and invitations, newest first.</p>
      </div>
      <form className="filters card" aria-label="Filter history" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="history-status">Outcome</label>
          <select id="history-status" value={status} onChange={(e) => setStatus(e.target.value as InterviewStatus | '')}>
            {STATUS_FILTERS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-role">Your role</label>
          <select id="history-role" value={role} onChange={(e) => setRole(e.target.value as '' | 'inviter' | 'invitee')}>
            <option value="">Either</option>
            <option value="inviter">Interviewer (I invited)</option>
            <option value="invitee">Candidate (I was invited)</option>
          </select>
        </div>
      </form>
      {list.isPending && <p role="status">Loading…</p>}
      {list.isError && <p role="alert">{describeError(list.error)}</p>}
      {list.isSuccess && items.length === 0 && <p className="empty">Nothing here yet.</p>}
      <ul className="interview-list card" aria-label="Interviews">
        {items.map((iv) => (
          <InterviewRow key={iv.roomId} interview={iv} meId={user.id} />
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" className="btn btn-block" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

export function HistoryDetailPage() {
  const { roomId = '' } = useParams();
  const { user } = useCurrentUser();
  const detail = useInterviewDetail(roomId);
  return (
    <div className="page narrow">
      <p>
        <Link to="/history">← History</Link>
      </p>
      {detail.isPending && <p role="status">Loading…</p>}
      {detail.isError && (
        <p role="alert">
          {detail.error instanceof ApiError && detail.error.code === 'not_found'
            ? 'This interview does not exist, or you are not one of its participants.'
            : describeError(detail.error)}
        </p>
      )}
      {detail.data && (
        <>
          <InterviewReport
            interview={detail.data.interview}
            feedback={detail.data.feedback ?? []}
            workspaces={detail.data.workspaces ?? []}
            meId={user.id}
          />
          <TrustMenu user={partnerOf(detail.data.interview, user.id)} roomId={detail.data.interview.roomId} />
        </>
      )}
    </div>
  );
}
