import { describe, expect, it } from 'vitest';
import { makePartner } from '../../test/fixtures';
import { renderHtml, textOf } from '../../test/render';
import { PartnerCard } from './PartnerCard';

const noop = () => undefined;

describe('a partner card', () => {
  it('shows the record, Schedule, and Block or report', () => {
    const partner = makePartner({ reliability: { completed: 12, noShows: 1, left: 0, score: 12 / 13 } });
    const html = renderHtml(<PartnerCard partner={partner} status="online" blockedReason={null} onInvite={noop} onSchedule={noop} />);
    const text = textOf(html);
    expect(text).toContain('Record: 12 completed, 1 no-show');
    expect(text).toContain('Schedule an interview with Alice');
    expect(html).toMatch(/<button type="button" class="btn btn-small btn-ghost" aria-expanded="false"[^>]*>Block or report/);
    // Closed, the two actions are hidden.
    expect(html).toMatch(/<div id="[^"]+" class="trust-actions" hidden="">/);
  });

  it('says "New" below three interviews', () => {
    const partner = makePartner({ reliability: { completed: 1, noShows: 0, left: 1, score: null } });
    const text = textOf(renderHtml(<PartnerCard partner={partner} status="online" blockedReason={null} onInvite={noop} onSchedule={noop} />));
    expect(text).toContain('Record: New (fewer than 3 interviews)');
  });

  it('cannot schedule with someone unavailable', () => {
    const html = renderHtml(<PartnerCard partner={makePartner()} status="unavailable" blockedReason={null} onInvite={noop} onSchedule={noop} />);
    expect(html).toMatch(/<button type="button" class="btn" disabled=""[^>]*>Schedule/);
  });
});
