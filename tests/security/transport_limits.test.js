// Limits below the product (net and socketio), as configured by flags: total connections
// (--max-connections), message size (--max-payload: WebSocket close 1009, polling 413), the time
// to join a namespace (--connect-timeout), and messages per connection (--message-rate-limit
// COUNT/SECONDS, default 200/4: a burst of 200, then 50 a second; beyond, the connection closes).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import WebSocket from 'ws';
import { startServer } from '../integration/lib/server.js';
import { clientFor, sleep } from '../integration/lib/http.js';
import { connect, waitDisconnect } from '../integration/lib/socket.js';

const T = { timeout: 60_000 };

// One raw HTTP/1.1 exchange on a new TCP connection: resolves with the status line, or
// 'closed' when the server closed the connection without answering.
function rawGet(port, path = '/healthz', timeoutMs = 3000) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    const done = (v) => { clearTimeout(timer); sock.destroy(); resolve(v); };
    const timer = setTimeout(() => done(data ? data.split('\r\n')[0] : 'timeout'), timeoutMs);
    sock.on('connect', () => sock.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    sock.on('data', (d) => { data += d; if (data.includes('\r\n')) done(data.split('\r\n')[0]); });
    sock.on('error', () => done(data ? data.split('\r\n')[0] : 'closed'));
    sock.on('close', () => done(data ? data.split('\r\n')[0] : 'closed'));
  });
}

function openIdle(port) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

// A raw Engine.IO WebSocket; resolves once the open packet arrived.
function rawWs(port) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    ws.closed = new Promise((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (m) => { const t = m.toString(); if (t === '2') ws.send('3'); if (t.startsWith('0')) resolve(ws); });
    ws.on('error', reject);
  });
}

describe('total connections', () => {
  let srv;
  before(async () => { srv = await startServer({ args: ['--max-connections', '4'] }); });
  after(() => srv?.cleanup());

  test('beyond --max-connections a new connection is refused (503 or closed), and served again once some close', T, async () => {
    const idle = [];
    for (let i = 0; i < 4; i++) idle.push(await openIdle(srv.port));
    await sleep(200);
    const over = await rawGet(srv.port);
    assert.ok(over === 'closed' || /^HTTP\/1\.1 503/.test(over), `connection 5 of 4: ${over}`);
    for (const s of idle) s.destroy();
    await sleep(300);
    assert.match(await rawGet(srv.port), /^HTTP\/1\.1 200/);
  });
});

describe('message size and the namespace deadline', () => {
  let srv, c;
  before(async () => {
    srv = await startServer({ args: ['--max-payload', '4096', '--connect-timeout', '0.5'] });
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('a WebSocket message over --max-payload is closed with 1009', T, async () => {
    const ws = await rawWs(srv.port);
    ws.send('4' + 'x'.repeat(5000));
    const code = await Promise.race([ws.closed, sleep(3000).then(() => 'open')]);
    assert.equal(code, 1009);
  });

  test('a polling POST over --max-payload is 413', T, async () => {
    const base = `http://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=polling`;
    const sid = JSON.parse((await (await fetch(base)).text()).slice(1)).sid;
    const res = await fetch(`${base}&sid=${sid}`, { method: 'POST', body: '4' + 'x'.repeat(5000), headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
    assert.equal(res.status, 413);
  });

  test('the announced maxPayload is the configured one', T, async () => {
    const open = await (await fetch(`http://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=polling`)).text();
    assert.equal(JSON.parse(open.slice(1)).maxPayload, 4096);
  });

  test('a connection that joins no namespace within --connect-timeout is closed', T, async () => {
    const ws = await rawWs(srv.port);
    const t0 = Date.now();
    const code = await Promise.race([ws.closed, sleep(5000).then(() => 'open')]);
    assert.notEqual(code, 'open', 'still open 5 s later');
    assert.ok(Date.now() - t0 < 3000, `closed after ${Date.now() - t0} ms`);
  });

  test('a socket that did join stays past the deadline', T, async () => {
    const u = await c.register('Joined');
    const s = await connect(srv, { token: u.token });
    await sleep(1200);
    assert.equal(s.connected, true);
  });
});

describe('event flood on one connection', () => {
  let srv, c;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('thousands of events at once: the connection is cut after a burst, other users are unaffected', T, async () => {
    const u = await c.register('Flooder');
    const other = await c.register('Bystander');
    const flooder = await connect(srv, { token: u.token });
    const bystander = await connect(srv, { token: other.token });
    for (let i = 0; i < 5000 && flooder.connected; i++) flooder.emit('watch-presence', { userIds: [other.user.id] });
    await waitDisconnect(flooder, 5000).catch(() => assert.fail('5000 events in a burst did not get the connection closed (no per-connection message rate limit)'));
    assert.equal(bystander.connected, true);
    const ack = await bystander.timeout(3000).emitWithAck('watch-presence', { userIds: [] });
    assert.equal(ack.ok, true);
  });
});

describe('--message-rate-limit', () => {
  test('20/1: 100 events at once close the connection with 1008; paced events do not', T, async () => {
    const srv = await startServer({ args: ['--message-rate-limit', '20/1'] });
    try {
      const c = clientFor(srv);
      const u = await c.register('Paced');
      const paced = await connect(srv, { token: u.token });
      for (let i = 0; i < 30; i++) { paced.emit('watch-presence', { userIds: [] }); await sleep(60); } // ~16 a second
      assert.equal(paced.connected, true, 'a client under the rate was cut');
      const ws = await rawWs(srv.port);
      ws.send(`40${JSON.stringify({ token: u.token })}`);
      for (let i = 0; i < 100; i++) ws.send('42["watch-presence",{"userIds":[]}]');
      const code = await Promise.race([ws.closed, sleep(3000).then(() => 'open')]);
      assert.equal(code, 1008);
    } finally {
      await srv.cleanup();
    }
  });

  test('0 turns it off', T, async () => {
    const srv = await startServer({ args: ['--message-rate-limit', '0'] });
    try {
      const c = clientFor(srv);
      const u = await c.register('Unlimited');
      const s = await connect(srv, { token: u.token });
      for (let i = 0; i < 1000; i++) s.emit('watch-presence', { userIds: [] });
      const ack = await s.timeout(10_000).emitWithAck('watch-presence', { userIds: [] });
      assert.equal(ack.ok, true);
      assert.equal(s.connected, true);
    } finally {
      await srv.cleanup();
    }
  });
});
