// TURN credentials checked against a real coturn: what GET /api/rtc/config hands out allocates a
// relay; forged and expired credentials do not.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startServer } from '../lib/server.js';
import { scenario } from '../lib/people.js';
import { startCoturn, allocate } from '../../lib/coturn.js';

const T = { timeout: 60_000 };

describe('TURN credentials against coturn', () => {
  let turn, srv, s, creds;
  before(async () => {
    turn = await startCoturn({ secret: 'shared-with-coturn-51d2' });
    srv = await startServer({ args: ['--turn-uri', turn.uri, '--turn-secret', turn.secret, '--turn-ttl', '600'] });
    s = scenario(srv);
    const u = await s.person('TURN user', { tabs: 0 });
    const res = await s.c.api('GET', '/api/rtc/config', { token: u.token });
    creds = res.body.iceServers.find((e) => e.username);
    assert.ok(creds, 'a TURN entry with credentials');
  });
  after(async () => {
    await srv?.cleanup();
    await turn?.stop();
  });

  test('the issued credentials allocate a relay on coturn', T, async () => {
    const r = await allocate(turn.port, creds.username, creds.credential);
    assert.ok(r.ok, `allocation failed:\n${r.output}`);
  });

  test('a forged password is refused', T, async () => {
    const r = await allocate(turn.port, creds.username, Buffer.from('forged-credential').toString('base64'));
    assert.equal(r.ok, false);
  });

  test('a credential signed with another secret is refused', T, async () => {
    const forged = createHmac('sha1', 'not-the-secret').update(creds.username).digest('base64');
    const r = await allocate(turn.port, creds.username, forged);
    assert.equal(r.ok, false);
  });

  test('an expired credential is refused even when correctly signed', T, async () => {
    const user = creds.username.split(':').slice(1).join(':');
    const username = `${Math.floor(Date.now() / 1000) - 60}:${user}`;
    const password = createHmac('sha1', turn.secret).update(username).digest('base64');
    const r = await allocate(turn.port, username, password);
    assert.equal(r.ok, false);
  });
});
