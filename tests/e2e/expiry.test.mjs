// An invitation with a short lifetime expires on time for both sides.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingPrerequisite, startServer } from './lib/server.js';
import { launch, person, screenshot } from './lib/browser.js';
import { invitationDialog, invite, signUp, toastWith } from './lib/flows.js';

const skip = missingPrerequisite();
const TTL = 6;

describe('invitation expiry', { skip: skip ?? false, timeout: 120_000 }, () => {
  let server;
  let browser;
  let carol;
  let dave;

  before(async () => {
    server = await startServer({ invitationTtl: TTL });
    browser = await launch();
    carol = await person(browser, server.url, 'Carol');
    dave = await person(browser, server.url, 'Dave');
    await signUp(carol);
    await signUp(dave);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the countdown follows the server and the invitation expires for both', async () => {
    await invite(carol.page, 'Dave', 1);
    const waitingLeft = await carol.page.getByTestId('waiting-time-left').textContent();
    const [m, s] = waitingLeft.split(':').map(Number);
    assert.ok(m * 60 + s <= TTL && m * 60 + s >= TTL - 3, `countdown starts near ${TTL}s, got ${waitingLeft}`);
    const dialog = invitationDialog(dave.page, 'Carol');
    await dialog.waitFor();
    await screenshot(dave.page, '10-expiring-dialog');
    const started = Date.now();
    await dialog.waitFor({ state: 'detached', timeout: (TTL + 10) * 1000 });
    assert.ok(Date.now() - started < (TTL + 8) * 1000);
    await toastWith(dave.page, 'The invitation from Carol expired.');
    await toastWith(carol.page, 'Your invitation to Dave expired without an answer.');
    await carol.page.getByRole('article', { name: 'Dave' }).waitFor();
  });
});
