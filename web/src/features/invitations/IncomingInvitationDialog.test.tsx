import { describe, expect, it } from 'vitest';
import { makeInterview, makePartner } from '../../test/fixtures';
import { renderHtml, textOf } from '../../test/render';
import { IncomingInvitationDialog } from './IncomingInvitationDialog';

const noop = async () => undefined;

describe('the incoming invitation dialog', () => {
  it('shows the inviter’s record and lets the invitee block or report them', () => {
    const from = makePartner({ reliability: { completed: 4, noShows: 2, left: 1, score: 4 / 7 } });
    const html = renderHtml(
      <IncomingInvitationDialog
        invitation={{ interview: makeInterview(), from, receivedAt: 0, deadline: null }}
        queueLength={1}
        onAccept={noop}
        onDecline={noop}
        onLater={() => undefined}
      />,
    );
    const text = textOf(html);
    expect(text).toContain('Interview invitation from Alice');
    expect(text).toContain('Record: 4 completed, 2 no-shows, 1 left early');
    expect(text).toContain('Block or report options for Alice');
  });
});
