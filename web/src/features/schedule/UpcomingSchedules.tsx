import { describeError } from '../../lib/errors';
import type { Id } from '../../types';
import { ScheduleItem } from './ScheduleItem';
import { useUpcomingSchedules } from './queries';
import { useDisplayZone } from './useZone';

/** The dashboard's "Upcoming interviews": proposed, confirmed and running schedules. */
export function UpcomingSchedules({ meId }: { meId: Id }) {
  const list = useUpcomingSchedules();
  const { zone, fromProfile } = useDisplayZone();
  return (
    <section className="card span-2" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">Upcoming interviews</h2>
      <p className="muted small">
        Times in {zone}
        {fromProfile ? ' (your profile’s time zone)' : ' (this browser’s time zone; set yours on your profile)'}.
      </p>
      {list.isPending && <p role="status">Loading…</p>}
      {list.isError && <p role="alert">{describeError(list.error)}</p>}
      {list.data && list.data.length === 0 && (
        <p className="muted">Nothing scheduled. Use “Schedule” on a partner in Find Match to book a time.</p>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="schedule-list">
          {list.data.map((s) => (
            <li key={s.id}>
              <ScheduleItem schedule={s} meId={meId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
