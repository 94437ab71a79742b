// A relay-only call: both browsers use iceTransportPolicy 'relay', so media can only flow
// through TURN. The server hands out coturn use-auth-secret credentials, coturn checks them,
// and both partner videos play with the room saying "relayed".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingPrerequisite, startServer } from './lib/server.js';
import { launch, person, screenshot } from './lib/browser.js';
import { invitationDialog, invite, signUp, videoPlays, waitConnected, roomDiagnostics } from './lib/flows.js';
import { startCoturn } from '../lib/coturn.js';

const skip = missingPrerequisite();

describe('relay-only call through coturn', { skip: skip ?? false, timeout: 180_000 }, () => {
  let turn;
  let server;
  let browser;
  let ivy;
  let jon;

  before(async () => {
    turn = await startCoturn({ secret: 'e2e-relay-secret-9c1' });
    server = await startServer({ invitationTtl: 60, extraArgs: ['--turn-uri', turn.uri, '--turn-secret', turn.secret] });
    browser = await launch();
    ivy = await person(browser, server.url, 'Ivy');
    jon = await person(browser, server.url, 'Jon');
    for (const p of [ivy, jon]) {
      await p.context.addInitScript(() => window.localStorage.setItem('mm.iceTransportPolicy', 'relay'));
    }
    await signUp(ivy);
    await signUp(jon);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await turn?.stop();
  });

  test('both partner videos play over TURN and the status says relayed', async () => {
    await invite(ivy.page, 'Jon', 1);
    await invitationDialog(jon.page, 'Ivy').getByRole('button', { name: 'Accept & Start' }).click();
    await Promise.all([ivy.page.waitForURL(/\/interview\//), jon.page.waitForURL(/\/interview\//)]);
    await Promise.all([waitConnected(ivy.page, 60_000), waitConnected(jon.page, 60_000)]);
    await Promise.all([videoPlays(ivy.page, 'Partner video', 30_000), videoPlays(jon.page, 'Partner video', 30_000)]);
    for (const p of [ivy, jon]) {
      const status = await p.page.locator('[data-status]').getAttribute('data-status');
      assert.equal(status, 'relayed', `${p.name}: ${await roomDiagnostics(p.page)}`);
      const relayPair = await p.page.evaluate(async () => {
        const pc = window.__mmRoom?.peerConnection;
        const stats = await pc.getStats();
        let pairId;
        stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId; });
        const pair = pairId && stats.get(pairId);
        const local = pair && stats.get(pair.localCandidateId);
        return local?.candidateType;
      });
      assert.equal(relayPair, 'relay', `${p.name}'s selected local candidate is a relay candidate`);
    }
    await screenshot(ivy.page, '30-relayed');
    assert.match(turn.log(), /session|allocation/i, 'coturn saw the allocation');
  });
});
