// A person whose camera is blocked gets a clear message and joins audio-only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingPrerequisite, startServer } from './lib/server.js';
import { launch, person, screenshot } from './lib/browser.js';
import { invitationDialog, invite, signUp, videoPlays, waitConnected } from './lib/flows.js';

const skip = missingPrerequisite();

describe('camera denied', { skip: skip ?? false, timeout: 120_000 }, () => {
  let server;
  let browser;
  let erin;
  let frank;

  before(async () => {
    server = await startServer();
    browser = await launch();
    erin = await person(browser, server.url, 'Erin');
    frank = await person(browser, server.url, 'Frank');
    // Frank's browser refuses the camera (as if he had blocked it), but not the microphone.
    await frank.context.addInitScript(() => {
      const md = navigator.mediaDevices;
      const original = md.getUserMedia.bind(md);
      md.getUserMedia = (c) =>
        c && c.video ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : original(c);
    });
    await signUp(erin);
    await signUp(frank);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('explains the problem, offers retry and audio-only, and the call works audio-only', async () => {
    await invite(erin.page, 'Frank', 1);
    const dialog = invitationDialog(frank.page, 'Erin');
    await dialog.getByRole('button', { name: 'Accept & Start' }).click();
    await frank.page.waitForURL(/\/interview\//);
    const alert = frank.page.getByRole('alert').filter({ hasText: 'could not be used' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /blocked/);
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await screenshot(frank.page, '20-camera-denied');

    await alert.getByRole('button', { name: 'Join audio-only' }).click();
    await Promise.all([waitConnected(erin.page), waitConnected(frank.page)]);
    await videoPlays(frank.page, 'Partner video');
    await frank.page.getByRole('button', { name: 'Turn camera on' }).waitFor();
    assert.match(await frank.page.getByRole('button', { name: 'Mute' }).textContent(), /Mute/);
    // Erin receives Frank's audio but no picture.
    const tracks = await erin.page.evaluate(() => {
      const s = document.querySelector('video[aria-label="Partner video"]').srcObject;
      return s.getTracks().map((t) => t.kind).sort().join(',');
    });
    assert.equal(tracks, 'audio');
    await screenshot(frank.page, '21-audio-only-room');
  });
});
