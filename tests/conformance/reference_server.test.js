// What the reference server (the `engine.io` and `socket.io` packages) does where the official
// protocol suites assert less, against socketio-echo: a WebSocket that cannot join its session
// completes the handshake and is closed at once (engine.io's onWebSocket: `websocket.close()`,
// an empty close frame, seen as 1005); an unknown sid is refused before the handshake (HTTP 400);
// an event without a handler is ignored, with or without an acknowledgement id.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openWebSocket, useEchoServer, waitFor, waitForPackets } from './helpers.js';

const server = useEchoServer();
const http = (query, init) => fetch(`${server.url}/engine.io/${query}`, init);
const ws = (path, query) => openWebSocket(`${server.wsUrl}/${path}/${query}`);

async function initLongPollingSession() {
  const content = await (await http('?EIO=4&transport=polling')).text();
  return JSON.parse(content.substring(1)).sid;
}

// Resolves with 'open' then the close code, or with the HTTP status of a refused handshake.
function outcomeOf(socket) {
  return new Promise((resolve) => {
    const seen = [];
    socket.on('open', () => seen.push('open'));
    socket.on('message', (data) => seen.push(`message ${data}`));
    socket.on('unexpected-response', (_req, res) => resolve([`http ${res.statusCode}`]));
    socket.on('close', (code) => resolve([...seen, `close ${code}`]));
  });
}

async function upgraded(sid) {
  const socket = ws('engine.io', `?EIO=4&transport=websocket&sid=${sid}`);
  await waitFor(socket, 'open');
  socket.send('2probe');
  assert.equal((await waitFor(socket, 'message')).data, '3probe');
  socket.send('5');
  return socket;
}

async function echoes(socket, text) {
  socket.send(text);
  const { data } = await waitFor(socket, 'message');
  assert.equal(data, text);
}

describe('Engine.IO: a WebSocket that cannot join its session', () => {
  it('after the upgrade: the handshake completes, then the WebSocket is closed without a status', async () => {
    const sid = await initLongPollingSession();
    const socket = await upgraded(sid);
    await echoes(socket, '4before');
    assert.deepEqual(await outcomeOf(ws('engine.io', `?EIO=4&transport=websocket&sid=${sid}`)), ['open', 'close 1005']);
    await echoes(socket, '4after');
    socket.close();
  });

  it('while another WebSocket probes: the same, and the probing one still upgrades', async () => {
    const sid = await initLongPollingSession();
    const probing = ws('engine.io', `?EIO=4&transport=websocket&sid=${sid}`);
    await waitFor(probing, 'open');
    assert.deepEqual(await outcomeOf(ws('engine.io', `?EIO=4&transport=websocket&sid=${sid}`)), ['open', 'close 1005']);
    probing.send('2probe');
    assert.equal((await waitFor(probing, 'message')).data, '3probe');
    probing.send('5');
    await echoes(probing, '4upgraded');
    probing.close();
  });

  it('for a session opened on WebSocket: the same, and the session goes on', async () => {
    const socket = ws('engine.io', '?EIO=4&transport=websocket');
    const { sid } = JSON.parse((await waitFor(socket, 'message')).data.substring(1));
    assert.deepEqual(await outcomeOf(ws('engine.io', `?EIO=4&transport=websocket&sid=${sid}`)), ['open', 'close 1005']);
    await echoes(socket, '4still open');
    socket.close();
  });

  it('for an unknown sid: refused with HTTP 400, no handshake', async () => {
    assert.deepEqual(await outcomeOf(ws('engine.io', '?EIO=4&transport=websocket&sid=nope')), ['http 400']);
  });
});

describe('Socket.IO: events without a handler', () => {
  it('are ignored with or without an acknowledgement id; the socket stays connected', async () => {
    const socket = ws('socket.io', '?EIO=4&transport=websocket');
    await waitFor(socket, 'message'); // Engine.IO handshake
    socket.send('40');
    await waitForPackets(socket, 2); // Socket.IO handshake, "auth"
    socket.send('4217["no-such-event",1]');
    socket.send('42["no-such-event",2]');
    socket.send('42["message","after"]');
    assert.deepEqual(await waitForPackets(socket, 1), ['42["message-back","after"]']);
    socket.close();
  });
});
