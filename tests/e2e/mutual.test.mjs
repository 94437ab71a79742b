// Two invitations that cross meet: the interview starts for both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingPrerequisite, startServer } from './lib/server.js';
import { eventually, launch, person } from './lib/browser.js';
import { invitationDialog, invite, partnerCard, roomIdFromUrl, signUp, toastWith } from './lib/flows.js';

const skip = missingPrerequisite();

describe('mutual invitations', { skip: skip ?? false, timeout: 120_000 }, () => {
  let server;
  let browser;
  let gina;
  let hank;

  before(async () => {
    server = await startServer({ invitationTtl: 60 });
    browser = await launch();
    gina = await person(browser, server.url, 'Gina');
    hank = await person(browser, server.url, 'Hank');
    await signUp(gina);
    await signUp(hank);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the invitee invites the inviter back and both land in the room', async () => {
    await invite(gina.page, 'Hank', 1);
    const dialog = invitationDialog(hank.page, 'Gina');
    await dialog.getByRole('button', { name: 'Later' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Hank is on Find Match already (where signing up took him).
    await partnerCard(hank.page, 'Gina').getByRole('button', { name: 'Send Interview Invitation' }).click();
    const picker = hank.page.getByRole('dialog', { name: 'Choose questions for Gina' });
    await eventually(async () => (await picker.getByRole('checkbox').count()) > 0, 'questions');
    await picker.getByRole('checkbox').first().check();
    await picker.getByRole('button', { name: 'Send Invitation' }).click();
    await Promise.all([gina.page.waitForURL(/\/interview\//), hank.page.waitForURL(/\/interview\//)]);
    assert.equal(roomIdFromUrl(gina.page.url()), roomIdFromUrl(hank.page.url()));
    await toastWith(gina.page, 'Hank accepted your invitation.');
    await gina.page.getByRole('button', { name: 'End interview' }).click();
    await hank.page.getByRole('form', { name: 'Feedback for Gina' }).waitFor();
  });
});
