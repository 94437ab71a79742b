import { describe, expect, it } from 'vitest';
import { renderHtml, textOf } from '../../test/render';
import type { MatchTicket } from '../../types';
import { QuickMatch } from './QuickMatch';

const ticket: MatchTicket = {
  id: 't1',
  status: 'waiting',
  criteria: { topics: ['graphs'], level: 'mid', category: 'algorithms' },
  createdAt: '2026-11-23T19:00:00.000Z',
  expiresAt: '2026-11-23T19:02:00.000Z',
  expiresInMs: 100_000,
  roomId: null,
};
const questions = {
  questions: [
    { id: 'q1', title: 'Two sum', body: '', category: 'algorithms', difficulty: 'easy' },
    { id: 'q2', title: 'Design a feed', body: '', category: 'system-design', difficulty: 'hard' },
  ],
};

describe('Quick match', () => {
  it('offers the criteria, filled from the profile, in a region named "Quick match"', () => {
    const html = renderHtml(<QuickMatch disabledReason={null} />, {
      cache: [
        [['match-ticket'], null],
        [['questions', {}], questions],
      ],
    });
    expect(html).toMatch(/<section[^>]*aria-labelledby="([^"]+)"[\s\S]*<h2 id="\1">Quick match<\/h2>/);
    expect(html).toMatch(/<label for="quick-match-topics">Topics/);
    expect(html).toMatch(/id="quick-match-topics"[^>]*value="graphs"/);
    expect(html).toMatch(/<option value="mid" selected="">Mid-level<\/option>/);
    expect(html).toContain('<option value="system-design">system-design</option>');
    expect(textOf(html)).toContain('Find me a partner now');
  });

  it('shows the wait by the server’s count, what it looks for, and Cancel while the ticket waits', () => {
    const html = renderHtml(<QuickMatch disabledReason={null} />, {
      cache: [[['match-ticket'], { ticket, receivedAt: performance.now() }]],
    });
    const text = textOf(html);
    expect(html).toMatch(/data-testid="quick-match-elapsed">00:20</);
    // 20 s: past the first step.
    expect(text).toContain('Now looking for someone with a topic in common (graphs) or a level of Junior, Mid-level or Senior.');
    expect(text).toContain('The criteria widen in 0:10.');
    expect(text).toContain('The search stops in 1:40');
    expect(text).toContain('Cancel quick match');
    expect(text).not.toContain('Find me a partner now');
  });

  it('says why a search ended', () => {
    const html = renderHtml(<QuickMatch disabledReason={null} />, {
      cache: [[['match-ticket'], { ticket: { ...ticket, status: 'expired', expiresInMs: null }, receivedAt: 0 }]],
    });
    expect(textOf(html)).toContain('Nobody was found in time.');
    expect(textOf(html)).toContain('Find me a partner now');
  });

  it('explains why it cannot be used now', () => {
    const html = renderHtml(<QuickMatch disabledReason="You are in an interview right now." />, {
      cache: [[['match-ticket'], null]],
    });
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*aria-describedby="quick-match-disabled"/);
    expect(textOf(html)).toContain('You are in an interview right now.');
  });
});
