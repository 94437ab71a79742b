import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatCountdown, useRemaining } from '../../lib/countdown';
import { useCurrentUser } from '../auth/session';
import { useInvitations } from '../invitations/InvitationsProvider';
import type { IncomingInvitation } from '../invitations/state';
import { InterviewRow } from '../../entities/interview/InterviewRow';
import { partnerOf, roomPath } from '../../entities/interview/model';
import { interviewKeys, useActiveInterview } from '../../entities/interview/queries';
import type { InvitationStats } from '../../types';
import { UpcomingSchedules } from '../schedule/UpcomingSchedules';

function TimeLeft({ deadline }: { deadline: number | null }) {
  return <>{formatCountdown(useRemaining(deadline, 1000))}</>;
}

function PendingRow({ inv }: { inv: IncomingInvitation }) {
  const { accept, decline, reopen } = useInvitations();
  return (
    <li className="pending-row">
      <div>
        <strong>{inv.from.name}</strong> invited you · {inv.interview.questions.length} question
        {inv.interview.questions.length === 1 ? '' : 's'} ·{' '}
        <span className="muted">
          <TimeLeft deadline={inv.deadline} /> left
        </span>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-small btn-ghost" onClick={() => reopen(inv.interview.roomId)}>
          View<span className="sr-only"> invitation from {inv.from.name}</span>
        </button>
        <button type="button" className="btn btn-small" onClick={() => decline(inv.interview.roomId)}>
          Decline<span className="sr-only"> invitation from {inv.from.name}</span>
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={() => accept(inv.interview.roomId)}>
          Accept & Start<span className="sr-only"> with {inv.from.name}</span>
        </button>
      </div>
    </li>
  );
}

function pct(v: number | null) {
  return v == null ? '—' : `${Math.round(v * 100)}%`;
}
function secs(v: number | null) {
  if (v == null) return '—';
  return v < 60 ? `${v.toFixed(1)} s` : `${(v / 60).toFixed(1)} min`;
}

function StatsGrid({ stats }: { stats: InvitationStats }) {
  const items: Array<[string, string | number]> = [
    ['Sent', stats.sent],
    ['Received', stats.received],
    ['Accepted', stats.accepted],
    ['Declined or closed', stats.rejected],
    ['Cancelled', stats.cancelled],
    ['Expired', stats.expired],
    ['Acceptance rate', pct(stats.acceptanceRate)],
    ['Median response time', secs(stats.medianResponseSeconds)],
  ];
  return (
    <dl className="stats-grid">
      {items.map(([k, v]) => (
        <div key={k} className="stat">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DashboardPage() {
  const me = useCurrentUser();
  const { state, cancel } = useInvitations();
  const active = useActiveInterview();
  const recent = useQuery({ queryKey: [...interviewKeys.lists, { limit: 5 }], queryFn: () => api.interviews({ limit: 5 }) });
  const stats = useQuery({ queryKey: ['stats', 'me'], queryFn: () => api.stats('me') });
  const outgoing = state.outgoing;

  return (
    <div className="page">
      <div className="page-head">
        <h1>Welcome, {me.user.name}</h1>
        <p className="muted">Your invitations and interviews at a glance.</p>
      </div>

      {!me.profileComplete && (
        <p className="notice">
          Finish your profile so partners can find you. <Link to="/profile">Complete your profile</Link>
        </p>
      )}
      {active && (
        <p className="notice live">
          You have an interview with{' '}
          {partnerOf(active, me.user.id).name} going on.{' '}
          <Link className="btn btn-small btn-primary" to={roomPath(active.roomId)}>
            Rejoin interview
          </Link>
        </p>
      )}

      <div className="dash-grid">
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">Pending invitations</h2>
          {state.incoming.length === 0 && !outgoing && (
            <p className="muted">
              No pending invitations. <Link to="/find-match">Find a partner</Link> and invite them.
            </p>
          )}
          {state.incoming.length > 0 && (
            <ul className="pending-list" aria-label="Invitations to you">
              {state.incoming.map((inv) => (
                <PendingRow key={inv.interview.roomId} inv={inv} />
              ))}
            </ul>
          )}
          {outgoing && (
            <div className="pending-row">
              <div>
                You invited <strong>{outgoing.invitee?.name ?? outgoing.interview.invitee.name}</strong> ·{' '}
                <span className="muted">
                  <TimeLeft deadline={outgoing.deadline} /> left
                </span>
              </div>
              <div className="actions">
                <Link className="btn btn-small btn-ghost" to="/find-match">
                  View
                </Link>
                <button type="button" className="btn btn-small" onClick={() => cancel(outgoing.interview.roomId)}>
                  Cancel invitation
                </button>
              </div>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="stats-title">
          <h2 id="stats-title">Invitation statistics</h2>
          {stats.isPending && <p role="status">Loading…</p>}
          {stats.isError && <p role="alert">{describeError(stats.error)}</p>}
          {stats.data && <StatsGrid stats={stats.data} />}
        </section>

        <UpcomingSchedules meId={me.user.id} />

        <section className="card span-2" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent interviews</h2>
          {recent.isPending && <p role="status">Loading…</p>}
          {recent.isError && <p role="alert">{describeError(recent.error)}</p>}
          {recent.data && recent.data.interviews.length === 0 && <p className="muted">No interviews yet.</p>}
          {recent.data && recent.data.interviews.length > 0 && (
            <ul className="interview-list">
              {recent.data.interviews.map((iv) => (
                <InterviewRow key={iv.roomId} interview={iv} meId={me.user.id} />
              ))}
            </ul>
          )}
          <Link to="/history">See all interviews</Link>
        </section>
      </div>
    </div>
  );
}
