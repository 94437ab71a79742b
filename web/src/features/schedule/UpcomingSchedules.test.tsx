import { describe, expect, it } from 'vitest';
import { makeSchedule } from '../../test/fixtures';
import { makeMe, renderHtml, textOf } from '../../test/render';
import { scheduleKeys } from './queries';
import { UpcomingSchedules } from './UpcomingSchedules';

const soon = new Date(Date.now() + 3 * 3_600_000 + 60_000).toISOString();
const list = [
  makeSchedule({ id: 's1', startsAt: soon, note: 'Graphs, please' }),
  makeSchedule({ id: 's2', status: 'accepted', proposer: { id: 'bob', name: 'Bob' }, invitee: { id: 'carol', name: 'Carol' }, startsAt: soon }),
  makeSchedule({ id: 's3', status: 'started', roomId: 'room-9', startsAt: new Date(Date.now() - 60_000).toISOString() }),
];

function render(me = makeMe()) {
  return renderHtml(<UpcomingSchedules meId={me.user.id} />, { me, cache: [[scheduleKeys.upcoming, list]] });
}

describe('Upcoming interviews', () => {
  it('is a region with its name and the zone the times are in', () => {
    const html = render();
    expect(html).toMatch(/<section[^>]*aria-labelledby="upcoming-title"[\s\S]*<h2 id="upcoming-title">Upcoming interviews<\/h2>/);
    expect(textOf(html)).toContain('Times in Europe/Paris (your profile’s time zone).');
    expect(textOf(html)).toMatch(/\(Europe\/Paris\) · 60 min · starts in 3 h [01] min/);
  });

  it('offers what the rules allow to each side', () => {
    const text = textOf(render());
    // Bob is the invitee of s1, the proposer of s2, and s3 has started.
    expect(text).toContain('Interview with Alice');
    expect(text).toContain('Alice proposed this: accept or decline');
    expect(text).toContain('Accept the interview with Alice');
    expect(text).toContain('Decline the interview with Alice');
    expect(text).toContain('Cancel interview the interview with Carol');
    expect(text).toContain('Join the interview with Alice');
    expect(text).toContain('“Graphs, please”');
  });

  it('links each to its calendar file and the started one to its room', () => {
    const html = render();
    expect(html).toContain('href="/api/schedules/s1/calendar.ics"');
    expect(html).toContain('href="/interview/room-9"');
  });

  it('shows the proposer only Cancel while proposed', () => {
    const alice = { ...makeMe(), user: { ...makeMe().user, id: 'alice', name: 'Alice' } };
    const text = textOf(render(alice));
    expect(text).toContain('Waiting for Bob to accept');
    expect(text).not.toContain('Accept the interview');
  });
});
