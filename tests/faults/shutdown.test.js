// SIGTERM: requests in flight are answered, WebSocket clients get a proper close frame (not a
// dropped connection), a waiting long-poll is answered, and clients reconnect on their own to the
// restarted server, where everything acknowledged before the signal is still there.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { startServer } from '../integration/lib/server.js';
import { clientFor, uniqueEmail, DEFAULT_PASSWORD } from '../integration/lib/http.js';
import { request } from '../integration/lib/http.js';
import { relay, sleep } from './lib.js';

const T = { timeout: 90_000 };

describe('graceful shutdown on SIGTERM', () => {
  let srv, c;
  before(async () => {
    srv = await startServer();
    c = clientFor(srv);
  });
  after(() => srv?.cleanup());

  test('in-flight requests are answered and their changes kept', T, async () => {
    const emails = Array.from({ length: 8 }, (_, i) => uniqueEmail(`drain${i}`));
    const inflight = emails.map((email) => request(srv, 'POST', '/api/auth/register', { body: { email, password: DEFAULT_PASSWORD, name: 'Drain' } })
      .then((res) => ({ res }), (err) => ({ err })));
    // Once one is answered the server has accepted them all (accepting is quick; each registration
    // hashes a password on a pool of two threads), so most are still running. A fixed sleep let a
    // busy machine signal before some connection was accepted: that request was never in flight.
    await Promise.race(inflight);
    const stopping = srv.stop({ closeSockets: false });
    const results = await Promise.all(inflight);
    const { code, signal } = await stopping;
    assert.equal(signal, null, 'exited by itself, not killed');
    assert.equal(code, 0, 'a clean exit');
    const answered = results.filter((r) => r.res);
    for (const r of results) {
      if (r.err) assert.fail(`a request in flight at SIGTERM was dropped: ${r.err.message}`);
      assert.equal(r.res.status, 201, r.res.text);
    }
    await srv.start();
    for (const email of emails.slice(0, answered.length)) await c.login(email);
  });

  test('a WebSocket client gets a close frame (1001 going away or 1000/1012), not a dropped connection', T, async () => {
    const u = await c.register('WS close');
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=websocket`);
    const frames = [];
    const connected = new Promise((resolve, reject) => {
      ws.on('message', (m) => {
        const t = m.toString();
        frames.push(t);
        if (t.startsWith('0')) ws.send(`40${JSON.stringify({ token: u.token })}`);
        if (t.startsWith('40')) resolve();
        if (t === '2') ws.send('3');
      });
      ws.on('error', reject);
    });
    await connected;
    const closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await srv.stop({ closeSockets: false });
    const { code } = await closed;
    assert.ok([1000, 1001, 1012].includes(code), `close code ${code} (1006 means the connection was just dropped); frames: ${frames.join(' | ')}`);
    await srv.start();
  });

  test('a waiting long-poll is answered (close or noop packet), not cut', T, async () => {
    const u = await c.register('Poll close');
    const base = () => `http://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=polling`;
    const open = await (await fetch(base())).text();
    const sid = JSON.parse(open.slice(1)).sid;
    await fetch(`${base()}&sid=${sid}`, { method: 'POST', body: `40${JSON.stringify({ token: u.token })}`, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
    const connectAnswer = await (await fetch(`${base()}&sid=${sid}`)).text();
    assert.match(connectAnswer, /(^|\x1e)40/);
    const poll = fetch(`${base()}&sid=${sid}`).then(async (r) => ({ status: r.status, text: await r.text() }), (err) => ({ err }));
    await sleep(100);
    await srv.stop({ closeSockets: false });
    const r = await poll;
    assert.ok(!r.err, `the long-poll was cut: ${r.err?.message} ${r.err?.cause?.code ?? ''}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /(^|\x1e)(1|6|41)/, `expected a close, noop or disconnect packet: ${JSON.stringify(r.text)}`);
    await srv.start();
  });

  test('socket.io-client sees a disconnect and reconnects by itself to the restarted server', T, async () => {
    const u = await c.register('Reconnect');
    const front = await relay(() => srv.port); // one URL across the restart
    try {
      for (const transports of [['websocket'], ['polling']]) {
        const s = io(front.url, { auth: { token: u.token }, transports, reconnectionDelay: 100, reconnectionDelayMax: 500, timeout: 3000, forceNew: true });
        const events = [];
        s.on('disconnect', (reason) => events.push(`disconnect:${reason}`));
        await new Promise((resolve, reject) => { s.once('connect', resolve); s.once('connect_error', reject); });
        const down = new Promise((resolve) => s.once('disconnect', resolve));
        const up = new Promise((resolve) => s.once('connect', resolve)); // the namespace again, after the manager's reconnect
        await srv.stop({ closeSockets: false });
        await Promise.race([down, sleep(5000).then(() => assert.fail(`${transports}: no disconnect within 5 s of SIGTERM`))]);
        await srv.start();
        await Promise.race([up, sleep(10_000).then(() => assert.fail(`${transports}: no reconnect within 10 s of the restart (${events})`))]);
        assert.equal(s.connected, true);
        const ack = await s.timeout(3000).emitWithAck('watch-presence', { userIds: [u.user.id] });
        assert.equal(ack.ok, true, JSON.stringify(ack));
        s.disconnect();
      }
    } finally {
      await front.close();
    }
  });
});
