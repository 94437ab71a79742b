import { describe, expect, it } from 'vitest';
import { renderHtml, textOf } from '../../test/render';
import { BlockDialog } from './BlockDialog';
import { BlockedList } from './BlockedList';
import { ReportDialog } from './ReportDialog';

const alice = { id: 'alice', name: 'Alice' };
const noop = () => undefined;

describe('trust dialogs', () => {
  it('says what blocking does before it is done', () => {
    const html = renderHtml(<BlockDialog user={alice} inRoom onClose={noop} />);
    expect(html).toMatch(/<dialog[^>]*role="alertdialog"[^>]*aria-modal="true"/);
    const text = textOf(html);
    expect(text).toContain('Block Alice?');
    expect(text).toContain('Blocking works both ways');
    expect(text).toContain('pending invitations and scheduled interviews between you end now');
    expect(text).toContain('This interview is not ended by blocking');
    expect(text).toMatch(/Cancel Block Alice$/);
  });

  it('asks for one of the contract’s reasons and optional details', () => {
    const html = renderHtml(<ReportDialog user={alice} roomId="room-1" onClose={noop} />);
    for (const r of ['no_show', 'abusive', 'inappropriate', 'spam', 'other']) expect(html).toContain(`value="${r}"`);
    expect(html).toMatch(/<label for="report-details">Details \(optional\)/);
    expect(html).toContain('maxLength="2000"');
    expect(textOf(html)).toContain('The report names this interview.');
  });

  it('lists blocked people with Unblock', () => {
    const html = renderHtml(<BlockedList />, {
      cache: [[['blocks'], { blocks: [{ user: alice, createdAt: '2026-11-01T10:00:00.000Z' }] }]],
    });
    expect(html).toMatch(/<h2 id="blocked-title">Blocked people<\/h2>/);
    expect(textOf(html)).toContain('Unblock Alice');
  });
});
