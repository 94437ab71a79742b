// Hostile Socket.IO input from an authenticated participant must not reach, break or disconnect
// the other participant: data a raw client sends that JavaScript clients cannot (numbers beyond
// the double range) is a malformed packet: the sender's connection closes, nothing is relayed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startServer } from '../integration/lib/server.js';
import { emitOk, expectNoEvent, drain } from '../integration/lib/socket.js';
import { scenario } from '../integration/lib/people.js';

const T = { timeout: 60_000 };

// A raw Engine.IO/Socket.IO client over WebSocket: send(text) and ack(packetText) -> ack payload text.
async function rawClient(srv, token) {
  const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/socket.io/?EIO=4&transport=websocket`);
  const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  const waiters = [];
  const frames = [];
  ws.on('message', (m) => {
    const t = m.toString();
    if (t === '2') { ws.send('3'); return; }
    frames.push(t);
    for (const w of [...waiters]) w(t);
  });
  const next = (pred, ms = 3000) => new Promise((resolve, reject) => {
    const found = frames.find(pred);
    if (found) { resolve(found); return; }
    const timer = setTimeout(() => reject(new Error(`no matching frame within ${ms} ms: ${frames.join(' | ')}`)), ms);
    const w = (t) => { if (pred(t)) { clearTimeout(timer); waiters.splice(waiters.indexOf(w), 1); resolve(t); } };
    waiters.push(w);
  });
  await next((t) => t.startsWith('0'));
  ws.send(`40${JSON.stringify({ token })}`);
  await next((t) => t.startsWith('40'));
  let id = 100;
  return {
    ws,
    closed,
    async emit(text) { // text: the JSON array, sent verbatim
      const n = id++;
      ws.send(`42${n}${text}`);
      return next((t) => t.startsWith(`43${n}`)).then((t) => t.slice(`43${n}`.length));
    },
    close() { ws.terminate(); },
  };
}

describe('hostile Socket.IO input between participants', () => {
  let srv, s;
  before(async () => {
    srv = await startServer();
    s = scenario(srv);
  });
  after(() => srv?.cleanup());

  test('an ICE candidate holding 1e400 closes the sender\'s connection (a malformed packet); nothing reaches the peer, who stays connected', T, async () => {
    const a = await s.person('Raw sender', { tabs: 1 });
    const b = await s.person('Peer', { tabs: 1 });
    const iv = await s.accepted(a, b);
    a.tab.disconnect();
    const raw = await rawClient(srv, a.token);
    try {
      const joined = JSON.parse(await raw.emit(JSON.stringify(['join-room', { roomId: iv.roomId }])));
      assert.equal(joined[0].ok, true, JSON.stringify(joined));
      await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
      drain(b.tab);
      // 1e400 is beyond what the server's JSON parser takes: the packet is malformed, and a
      // malformed packet closes the connection (as the protocol suites require), without an ack.
      const outcome = await Promise.race([
        raw.emit(`["webrtc-ice-candidate",{"roomId":"${iv.roomId}","candidate":{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0","sdpMLineIndex":1e400}}]`)
          .then((text) => ({ ack: text }), (err) => ({ noAck: err.message })),
        raw.closed.then((code) => ({ closed: code })),
      ]);
      assert.deepEqual(outcome, { closed: 1000 });
      await expectNoEvent(b.tab, 'webrtc-ice-candidate', 500);
      assert.equal(b.tab.connected, true, `the peer was disconnected (${b.tab.disconnectReason})`);
      // and the peer still works
      await emitOk(b.tab, 'webrtc-ice-candidate', { roomId: iv.roomId, candidate: { candidate: 'c', sdpMid: '0', sdpMLineIndex: 0 } });
    } finally {
      raw.close();
    }
  });
});
