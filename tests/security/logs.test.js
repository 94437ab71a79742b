// Nothing secret in the server's logs: a server at the most verbose log level goes through a full
// flow (register, login, failed logins, profile, invitation, room, SDP and ICE relay, feedback,
// logout, malformed input carrying secrets); its whole stdout and stderr must not contain a
// session token, a password (right or wrong), an SDP, an ICE candidate or the TURN secret.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MockmateServer } from '../integration/lib/server.js';
import { emitAck, emitOk, nextEvent } from '../integration/lib/socket.js';
import { scenario } from '../integration/lib/people.js';
import { sleep } from '../integration/lib/http.js';

const T = { timeout: 90_000 };
const TURN_SECRET = 'turn-secret-Zq8v1Kp0';
const SDP = 'v=0\r\no=- 9137425861 2 IN IP4 127.0.0.1\r\ns=sdp-marker-Hx71Qa\r\nt=0 0\r\na=ice-pwd:icepwd-marker-P0o9\r\n';
const CANDIDATE = { candidate: 'candidate:7 1 udp 2122260223 198.51.100.77 61234 typ host ufrag cand-marker-Lm3', sdpMid: '0', sdpMLineIndex: 0 };

// Keeps every line the server writes (the helper itself keeps only the last 400).
class Recording extends Array {
  static all = [];
  push(...lines) { Recording.all.push(...lines); return super.push(...lines); }
}

describe('secrets never reach the logs', () => {
  let srv;
  before(async () => {
    srv = new MockmateServer({ args: ['--log-level', 'trace', '--turn-uri', 'turn:turn.example.org:3478', '--turn-secret', TURN_SECRET] });
    srv.output = new Recording();
    await srv.start();
  });
  after(() => srv?.cleanup());

  test('a full flow at log level trace leaves no token, password, SDP, candidate or TURN secret in stdout/stderr', T, async () => {
    const s = scenario(srv);
    const c = s.c;
    const secrets = [TURN_SECRET, 'sdp-marker-Hx71Qa', 'icepwd-marker-P0o9', 'cand-marker-Lm3', '198.51.100.77'];
    const a = await s.person('Log inviter', { tabs: 1 });
    const b = await s.person('Log invitee', { tabs: 1 });
    secrets.push(a.token, b.token, a.password);
    // logins, good and bad
    const wrong = 'wrong-password-marker-77Ux';
    secrets.push(wrong);
    assert.equal((await c.api('POST', '/api/auth/login', { body: { email: a.email, password: wrong } })).status, 401);
    const again = await c.login(a.email, a.password);
    secrets.push(again.token);
    // a password in a malformed and in an invalid body
    const pw2 = 'malformed-pw-marker-Tt5';
    secrets.push(pw2);
    await c.api('POST', '/api/auth/register', { rawBody: `{"email":"x@example.test","password":"${pw2}",` });
    await c.api('POST', '/api/auth/register', { body: { email: 'not-an-email', password: pw2, name: 'x' } });
    await c.api('POST', '/api/auth/register', { body: { email: 'short@example.test', password: 'pw-s1', name: 'x' } });
    secrets.push('pw-s1');
    // tokens in places they do not belong: a bad Bearer, a bad cookie, a query string
    const forged = 'forged-token-marker-Yy6Yy6Yy6Yy6Yy6';
    secrets.push(forged);
    await c.api('GET', '/api/me', { token: forged });
    await c.api('GET', '/api/me', { cookie: forged });
    await c.api('GET', `/api/me?token=${forged}`, { token: a.token });
    // the room, with signaling
    const iv = await s.accepted(a, b);
    await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    const joined = await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
    for (const server of joined.iceServers ?? []) if (server.credential) secrets.push(server.credential);
    await emitOk(a.tab, 'webrtc-offer', { roomId: iv.roomId, sdp: SDP });
    await nextEvent(b.tab, 'webrtc-offer', 3000);
    await emitOk(b.tab, 'webrtc-answer', { roomId: iv.roomId, sdp: SDP });
    await emitOk(b.tab, 'webrtc-ice-candidate', { roomId: iv.roomId, candidate: CANDIDATE });
    // refused signaling (too large, stranger-like errors) still must not log the payload
    await emitAck(a.tab, 'webrtc-offer', { roomId: iv.roomId, sdp: SDP + 'x'.repeat(70 * 1024) });
    await emitAck(a.tab, 'webrtc-ice-candidate', { roomId: 'no-such-room', candidate: CANDIDATE });
    const unknown = await emitAck(a.tab, 'no-such-event', { sdp: SDP, token: a.token });
    assert.equal(unknown.error?.code, 'unknown_event', JSON.stringify(unknown));
    const rtc = await c.api('GET', '/api/rtc/config', { token: a.token });
    for (const server of rtc.body?.iceServers ?? []) if (server.credential) secrets.push(server.credential);
    await emitOk(a.tab, 'end-interview', { roomId: iv.roomId });
    await c.api('POST', `/api/interviews/${iv.roomId}/feedback`, { token: b.token, body: { rating: 5 } });
    // socket handshakes by cookie and a refused token
    await c.api('POST', '/api/auth/logout', { token: again.token });
    await c.api('POST', '/api/auth/logout', { token: a.token });
    await sleep(300);
    await srv.stop();

    const log = Recording.all.join('\n');
    assert.ok(log.length > 0, 'the server wrote nothing at all');
    assert.ok(/listening on/.test(log));
    for (const secret of secrets) {
      assert.ok(!log.includes(secret), `the log contains a secret (${secret.slice(0, 12)}...):\n` +
        Recording.all.filter((l) => l.includes(secret)).slice(0, 5).join('\n'));
    }
  });
});
