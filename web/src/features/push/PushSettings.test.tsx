import { describe, expect, it } from 'vitest';
import { renderHtml, textOf } from '../../test/render';
import { PushSettings } from './PushSettings';

describe('the Notifications region', () => {
  it('says plainly when this browser cannot do push (here: no window, no secure context)', () => {
    const html = renderHtml(<PushSettings />);
    expect(html).toMatch(/<section[^>]*aria-labelledby="notifications-title"[\s\S]*<h2 id="notifications-title">Push notifications<\/h2>/);
    expect(textOf(html)).toContain('Notifications need a secure (https) connection to this site.');
    expect(html).not.toContain('role="switch"');
  });
});
