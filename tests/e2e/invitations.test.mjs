// Two people in two browser contexts: sign up, invite, decline, cancel,
// a second tab of the invitee, acceptance, the room with live video, mute and
// camera toggles, a reload in the room, ending, feedback and history.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingPrerequisite, startServer } from './lib/server.js';
import { eventually, launch, person, screenshot } from './lib/browser.js';
import {
  invitationDialog,
  invite,
  partnerCard,
  receivedAudioEnergy,
  roomIdFromUrl,
  signUp,
  toastWith,
  videoBrightness,
  videoPlays,
  waitConnected,
} from './lib/flows.js';

const skip = missingPrerequisite();

describe('invitations and the interview room', { skip: skip ?? false, timeout: 300_000 }, () => {
  let server;
  let browser;
  let alice;
  let bob;
  let carol;

  before(async () => {
    server = await startServer({ invitationTtl: 120, rejoinGrace: 60 });
    browser = await launch();
    alice = await person(browser, server.url, 'Alice');
    bob = await person(browser, server.url, 'Bob');
    carol = await person(browser, server.url, 'Carol');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('both register and complete their profiles in the UI', async () => {
    await signUp(alice, { role: 'Backend engineer', level: 'senior', topics: 'graphs, system design' });
    await signUp(bob, { role: 'Frontend engineer', level: 'mid', topics: 'graphs, react' });
    await screenshot(bob.page, '01-find-match');
    // Each sees the other as a partner, online.
    const card = partnerCard(alice.page, 'Bob');
    await alice.page.reload();
    await card.waitFor();
    await eventually(async () => (await card.getByTestId('presence').textContent()) === 'Online', 'Bob online');
  });

  test('the invitee declines; both are told', async () => {
    await invite(alice.page, 'Bob', 2);
    await screenshot(alice.page, '02-waiting');
    const dialog = invitationDialog(bob.page, 'Alice');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /Time left to answer/);
    await screenshot(bob.page, '03-invitation-dialog');
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await dialog.waitFor({ state: 'detached' });
    await toastWith(alice.page, 'Bob declined your invitation.');
    await toastWith(bob.page, "You declined Alice's invitation.");
    await alice.page.getByRole('article', { name: 'Bob' }).waitFor();
  });

  test('the inviter cancels; the dialog closes by itself', async () => {
    await invite(alice.page, 'Bob', 1);
    const dialog = invitationDialog(bob.page, 'Alice');
    await dialog.waitFor();
    // Keyboard: focus starts on Accept & Start; Escape puts the dialog aside, the header reopens it.
    assert.equal(await bob.page.evaluate(() => document.activeElement?.textContent), 'Accept & Start');
    await bob.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await bob.page.getByRole('button', { name: 'Invitations (1)' }).click();
    await dialog.waitFor();
    await alice.page.getByRole('button', { name: 'Cancel invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await toastWith(bob.page, 'Alice cancelled the invitation.');
    await toastWith(alice.page, 'You cancelled your invitation to Bob.');
  });

  test("a second tab of the invitee closes its dialog when the first answers", async () => {
    const bob2 = await bob.context.newPage();
    await bob2.goto('/history');
    await invite(alice.page, 'Bob', 1);
    const first = invitationDialog(bob.page, 'Alice');
    const second = invitationDialog(bob2, 'Alice');
    await first.waitFor();
    await second.waitFor();
    await first.getByRole('button', { name: 'Decline' }).click();
    await second.waitFor({ state: 'detached' });
    await toastWith(bob2, 'declined in another tab');
    await bob2.close();
  });

  test('accepting takes both into the room, where both videos play', async () => {
    await invite(alice.page, 'Bob', 2);
    const dialog = invitationDialog(bob.page, 'Alice');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Accept & Start' }).click();
    await Promise.all([alice.page.waitForURL(/\/interview\//), bob.page.waitForURL(/\/interview\//)]);
    assert.equal(roomIdFromUrl(alice.page.url()), roomIdFromUrl(bob.page.url()));
    await waitConnected(alice.page);
    await waitConnected(bob.page);
    await Promise.all([
      videoPlays(alice.page, 'Your video'),
      videoPlays(alice.page, 'Partner video'),
      videoPlays(bob.page, 'Your video'),
      videoPlays(bob.page, 'Partner video'),
    ]);
    // The interviewer (inviter) sees hints; the candidate does not.
    await alice.page.getByText('Hints for the interviewer').first().waitFor();
    assert.equal(await bob.page.getByText('Hints for the interviewer').count(), 0);
    // Time runs once both are in: the interview is in progress.
    await alice.page.getByTestId('interview-timer').locator('time').waitFor();
    await screenshot(alice.page, '04-room-alice');
    // A third person sees both as in an interview.
    await signUp(carol, { role: 'SRE', level: 'junior', topics: 'linux' });
    for (const name of ['Alice', 'Bob']) {
      const status = partnerCard(carol.page, name).getByTestId('presence');
      await eventually(async () => (await status.textContent()) === 'In an interview', `${name} shown in an interview`);
    }
    assert.ok(await partnerCard(carol.page, 'Bob').getByRole('button', { name: 'Send Interview Invitation' }).isDisabled());
    await screenshot(carol.page, '08-find-match-busy');
    await screenshot(bob.page, '05-room-bob');
  });

  test('camera off sends black frames and mute sends silence to the partner', async () => {
    await eventually(async () => (await videoBrightness(bob.page, 'Partner video')) > 20, 'a bright picture of Alice');
    await alice.page.getByRole('button', { name: 'Turn camera off' }).click();
    await alice.page.getByRole('button', { name: 'Turn camera on' }).waitFor();
    await eventually(async () => (await videoBrightness(bob.page, 'Partner video')) < 5, 'a black picture of Alice', 10_000);
    await alice.page.getByRole('button', { name: 'Turn camera on' }).click();
    await eventually(async () => (await videoBrightness(bob.page, 'Partner video')) > 20, 'Alice picture back', 10_000);

    await eventually(async () => (await receivedAudioEnergy(bob.page)) > 0, 'sound from Alice', 15_000);
    await alice.page.getByRole('button', { name: 'Mute' }).click();
    await alice.page.getByRole('button', { name: 'Unmute' }).waitFor();
    await eventually(async () => (await receivedAudioEnergy(bob.page)) < 1e-6, 'silence from Alice', 10_000);
    await alice.page.getByRole('button', { name: 'Unmute' }).click();
    await eventually(async () => (await receivedAudioEnergy(bob.page)) > 0, 'sound from Alice again', 15_000);
  });

  test('a reload in the room reconnects both sides', async () => {
    await bob.page.reload();
    await bob.page.waitForURL(/\/interview\//);
    await Promise.all([waitConnected(alice.page, 40_000), waitConnected(bob.page, 40_000)]);
    await Promise.all([videoPlays(alice.page, 'Partner video'), videoPlays(bob.page, 'Partner video')]);
  });

  test('ending the interview opens feedback for both; history shows it', async () => {
    await alice.page.getByRole('button', { name: 'End interview' }).click();
    for (const p of [alice, bob]) {
      const form = p.page.getByRole('form', { name: /Feedback for/ });
      await form.waitFor();
    }
    await screenshot(bob.page, '06-feedback');
    const form = bob.page.getByRole('form', { name: 'Feedback for Alice' });
    await form.getByRole('radio', { name: /4 out of 5/ }).check();
    await form.getByLabel('Communication').selectOption('5');
    await form.getByLabel('Comments').fill('Clear questions, great hints.');
    await form.getByRole('button', { name: 'Submit feedback' }).click();
    await toastWith(bob.page, 'Your feedback was saved');

    await alice.page.getByRole('link', { name: 'History' }).click();
    const row = alice.page.getByRole('link', { name: 'Bob' }).first();
    await row.click();
    await alice.page.getByText('Clear questions, great hints.').waitFor();
    await alice.page.getByTestId('outcome').filter({ hasText: 'Completed' }).waitFor();
    await screenshot(alice.page, '07-history-detail');
  });

  test('the dashboard shows invitation statistics and recent interviews', async () => {
    await alice.page.getByRole('link', { name: 'Dashboard' }).click();
    const stats = alice.page.getByRole('region', { name: 'Invitation statistics' });
    const sent = stats.locator('.stat', { hasText: 'Sent' }).locator('dd');
    await eventually(async () => Number(await sent.textContent()) >= 4, 'four sent invitations counted');
    const accepted = stats.locator('.stat', { hasText: /^Accepted/ }).locator('dd');
    assert.ok(Number(await accepted.textContent()) >= 1);
    const recent = alice.page.getByRole('region', { name: 'Recent interviews' });
    await recent.getByRole('link', { name: 'Bob' }).first().waitFor();
    await screenshot(alice.page, '09-dashboard');
  });
});
