// Socket.IO connection authentication: token, cookie, Origin, and logout closing sockets.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor } from '../lib/http.js';
import { connect, connectError, emitAck, waitDisconnect, expectNoEvent } from '../lib/socket.js';
import { assertStatus } from '../lib/shapes.js';

const T = { timeout: 30_000 };
const ALLOWED = 'https://allowed.example';

describe('socket authentication', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--allowed-origin', ALLOWED] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('without a session the namespace connection is refused with connect_error "unauthorized"', T, async () => {
    const err = await connectError(srv, {});
    assert.equal(err.message, 'unauthorized');
  });

  test('a bad token is refused with "unauthorized"', T, async () => {
    assert.equal((await connectError(srv, { token: 'definitely-not-a-session' })).message, 'unauthorized');
    assert.equal((await connectError(srv, { token: '' })).message, 'unauthorized');
  });

  test('a bad cookie is refused with "unauthorized"', T, async () => {
    assert.equal((await connectError(srv, { cookie: 'mm_session=forged' })).message, 'unauthorized');
  });

  test('a revoked token is refused with "unauthorized"', T, async () => {
    const u = await c.register('Revoked');
    assertStatus(await c.api('POST', '/api/auth/logout', { token: u.token }), 204);
    assert.equal((await connectError(srv, { token: u.token })).message, 'unauthorized');
  });

  test('auth: {token} connects over WebSocket', T, async () => {
    const u = await c.register('Token');
    const s = await connect(srv, { token: u.token });
    assert.equal(s.connected, true);
    const ack = await emitAck(s, 'watch-presence', { userIds: [u.user.id] });
    assert.equal(ack.ok, true);
  });

  test('the official client connects with its defaults (long-polling, then upgrade)', T, async () => {
    const u = await c.register('Polling');
    const s = await connect(srv, { token: u.token, transports: ['polling', 'websocket'] });
    assert.equal(s.connected, true);
    const ack = await emitAck(s, 'watch-presence', { userIds: [] });
    assert.equal(ack.ok, true);
  });

  test('polling-only clients work too', T, async () => {
    const u = await c.register('Polling only');
    const s = await connect(srv, { token: u.token, transports: ['polling'] });
    const ack = await emitAck(s, 'watch-presence', { userIds: [u.user.id] });
    assert.equal(ack.ok, true);
  });

  test('the session cookie authenticates a socket', T, async () => {
    const u = await c.register('Cookie socket');
    const s = await connect(srv, { cookie: `mm_session=${u.cookie.value}` });
    const ack = await emitAck(s, 'watch-presence', { userIds: [u.user.id] });
    assert.equal(ack.ok, true);
    assert.equal(ack.presence[0]?.online, true, 'the cookie identified the user, who is now online');
  });

  test('a cookie-authenticated handshake from a foreign Origin is refused', T, async () => {
    const u = await c.register('Cross site');
    const err = await connectError(srv, { cookie: `mm_session=${u.cookie.value}`, origin: 'https://evil.example' });
    assert.ok(err instanceof Error);
  });

  test('a cookie-authenticated handshake from the server\'s own or an allowed Origin is accepted', T, async () => {
    const u = await c.register('Same site');
    await connect(srv, { cookie: `mm_session=${u.cookie.value}`, origin: srv.origin });
    await connect(srv, { cookie: `mm_session=${u.cookie.value}`, origin: ALLOWED });
  });

  test('a token-authenticated handshake from a foreign Origin is accepted (the rule is for cookies)', T, async () => {
    const u = await c.register('Native app');
    await connect(srv, { token: u.token, origin: 'https://elsewhere.example' });
  });

  test('logout closes the sockets of that session within 1 s, and only those', T, async () => {
    const u = await c.register('Leaving');
    const other = await c.register('Staying');
    const s1 = await connect(srv, { token: u.token });
    const s2 = await connect(srv, { cookie: `mm_session=${u.cookie.value}` });
    const keep = await connect(srv, { token: other.token });
    const res = await c.api('POST', '/api/auth/logout', { token: u.token });
    assertStatus(res, 204);
    await Promise.all([waitDisconnect(s1, 1000), waitDisconnect(s2, 1000)]);
    await expectNoEvent(keep, 'disconnect', 300);
    assert.equal(keep.connected, true);
  });

  test('unknown events are answered with an error ack, not a crash', T, async () => {
    const u = await c.register('Curious');
    const s = await connect(srv, { token: u.token });
    const ack = await emitAck(s, 'no-such-event', { x: 1 });
    assert.equal(ack.ok, false, JSON.stringify(ack));
    assert.deepEqual(Object.keys(ack).sort(), ['error', 'ok']);
    assert.equal(ack.error.code, 'unknown_event');
    assert.equal(typeof ack.error.message, 'string');
    assert.ok(ack.error.message.length > 0);
    assert.equal(s.connected, true);
    assert.equal((await emitAck(s, 'watch-presence', { userIds: [] })).ok, true);
  });

  test('an unknown event without an ack is ignored: nothing is sent back and the socket stays', T, async () => {
    const u = await c.register('Quiet');
    const s = await connect(srv, { token: u.token });
    const packets = [];
    s.io.engine.on('packet', (p) => { if (p.type === 'message') packets.push(p.data); });
    s.emit('no-such-event', { x: 1 });
    const watched = await emitAck(s, 'watch-presence', { userIds: [] });
    assert.equal(watched.ok, true);
    assert.equal(packets.length, 1, `expected only the watch-presence ack, got ${JSON.stringify(packets)}`);
    assert.match(packets[0], /^3\d+\[/); // an ACK (engine.io-client strips the "4")
    assert.equal(s.connected, true);
  });
});
