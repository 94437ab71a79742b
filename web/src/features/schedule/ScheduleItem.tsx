import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { roomPath } from '../../entities/interview/model';
import { api } from '../../lib/api';
import { useNow } from '../../lib/countdown';
import { describeError } from '../../lib/errors';
import { formatInZone } from '../../lib/zonedTime';
import type { Id, Schedule } from '../../types';
import { actionsFor, describeChange, formatStartsIn, otherOf, statusText, type ScheduleAction } from './model';
import { actedHere, storeSchedule } from './queries';
import { useDisplayZone } from './useZone';

const CALLS: Record<Exclude<ScheduleAction, 'join'>, (id: Id) => Promise<{ schedule: Schedule }>> = {
  accept: api.acceptSchedule,
  decline: api.declineSchedule,
  cancel: api.cancelSchedule,
};
const DONE: Record<Exclude<ScheduleAction, 'join'>, Schedule['status']> = {
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
};
const LABEL: Record<Exclude<ScheduleAction, 'join'>, [string, string]> = {
  accept: ['Accept', 'Accepting…'],
  decline: ['Decline', 'Declining…'],
  cancel: ['Cancel interview', 'Cancelling…'],
};

/** One scheduled interview: when (in the user's zone), with whom, its state, and what they may do. */
export function ScheduleItem({ schedule: s, meId, headingLevel = 3 }: { schedule: Schedule; meId: Id; headingLevel?: 2 | 3 }) {
  const qc = useQueryClient();
  const { zone } = useDisplayZone();
  const now = useNow(1000);
  const titleId = useId();
  const [busy, setBusy] = useState<ScheduleAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const other = otherOf(s, meId).name;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const startMs = Date.parse(s.startsAt);
  const counting = s.status === 'proposed' || s.status === 'accepted';

  async function run(action: Exclude<ScheduleAction, 'join'>) {
    setBusy(action);
    setError(null);
    actedHere.add(`${s.id}:${DONE[action]}`);
    try {
      const { schedule } = await CALLS[action](s.id);
      storeSchedule(qc, schedule);
      const change = describeChange(schedule, meId, true);
      if (change) toast[change.tone](change.message, { id: `schedule:${schedule.id}:${schedule.status}` });
    } catch (e) {
      actedHere.delete(`${s.id}:${DONE[action]}`);
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <article className="schedule-item" aria-labelledby={titleId} data-schedule-id={s.id}>
      <div className="schedule-main">
        <H id={titleId} className="schedule-title">
          Interview with {other}
        </H>
        <p className="schedule-when">
          <time dateTime={s.startsAt}>{formatInZone(s.startsAt, zone)}</time> · {s.durationMinutes} min
          {counting && (
            <>
              {' '}
              · <span data-testid="schedule-countdown">starts {formatStartsIn(startMs - now)}</span>
            </>
          )}
        </p>
        <p className="muted small" data-testid="schedule-status">
          {statusText(s, meId)} · {s.proposer.id === meId ? 'you interview first' : `${s.proposer.name} interviews first`} ·{' '}
          {s.questions.length} question{s.questions.length === 1 ? '' : 's'}
        </p>
        {s.note && <p className="schedule-note">“{s.note}”</p>}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        {actionsFor(s, meId).map((a) =>
          a === 'join' ? (
            <Link key={a} className="btn btn-small btn-primary" to={roomPath(s.roomId!)}>
              Join<span className="sr-only"> the interview with {other}</span>
            </Link>
          ) : (
            <button
              key={a}
              type="button"
              className={`btn btn-small${a === 'accept' ? ' btn-primary' : ''}`}
              disabled={busy !== null}
              onClick={() => run(a)}
            >
              {busy === a ? LABEL[a][1] : LABEL[a][0]}
              <span className="sr-only"> the interview with {other}</span>
            </button>
          ),
        )}
        <a className="btn btn-small btn-ghost" href={api.scheduleCalendarUrl(s.id)} download={`mockmate-${s.id}.ics`}>
          Add to calendar<span className="sr-only"> (the interview with {other})</span>
        </a>
      </div>
    </article>
  );
}
