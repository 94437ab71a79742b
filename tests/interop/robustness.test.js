// What socketio-echo does with misbehaving peers and restarts: oversize frames close with 1009,
// malformed packets close only their own connection, clients reconnect after the server drops
// them, and a graceful stop closes WebSockets with 1001.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { connect, connected, once, startEcho, stopEcho } from './helpers.js';

let url;
before(async () => {
  url = (await startEcho()).url;
});

function rawSocket(base, query = '?EIO=4&transport=websocket') {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/socket.io/${query}`);
  socket.on('error', () => {});
  return socket;
}

// A raw Engine.IO WebSocket joined to the main namespace.
async function rawSocketIO(base) {
  const socket = rawSocket(base);
  await once(socket, 'message'); // open
  socket.send('40');
  await once(socket, 'message'); // 40{"sid"}
  await once(socket, 'message'); // auth
  socket.on('message', (data) => { if (String(data) === '2') socket.send('3'); });
  return socket;
}

describe('limits', () => {
  it('closes a WebSocket whose message exceeds maxPayload with 1009', async () => {
    const socket = await rawSocketIO(url);
    socket.send(`42["message","${'x'.repeat(1_000_001)}"]`);
    const [code] = await once(socket, 'close');
    assert.equal(code, 1009);
  });

  it('refuses a polling POST over maxPayload and closes that session', async () => {
    const handshake = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
    const { sid } = JSON.parse((await handshake.text()).slice(1));
    const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST', body: `4${'x'.repeat(1_000_001)}`,
    });
    assert.equal(res.status, 413);
    const poll = await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`);
    assert.equal(poll.status, 400);
    assert.deepEqual(await poll.json(), { code: 1, message: 'Session ID unknown' });
  });
});

describe('malformed packets', () => {
  for (const [name, frames] of [
    ['an unknown Engine.IO packet type', ['x']],
    ['an unknown Socket.IO packet type', ['49']],
    ['an event that is not an array', ['42{}']],
    ['invalid JSON', ['42["message",']],
    ['a reserved event name', ['42["disconnect"]']],
    ['a bad ack id', ['42abc["message"]']],
    ['a binary packet with a bad placeholder', ['451-["message",{"_placeholder":true,"num":5}]', Buffer.from([1])]],
    ['binary data nobody announced', [Buffer.from([1, 2, 3])]],
    ['text while attachments are awaited', ['451-["message",{"_placeholder":true,"num":0}]', '42["message"]']],
  ]) {
    it(`closes only the connection that sent ${name}`, async () => {
      const bystander = connect(url, { transports: ['websocket'] });
      await connected(bystander);
      const culprit = await rawSocketIO(url);
      for (const f of frames) culprit.send(f);
      await once(culprit, 'close');
      bystander.emit('message', 'still here');
      assert.deepEqual(await once(bystander, 'message-back'), ['still here']);
      bystander.disconnect();
    });
  }

  it('answers nonsense HTTP on the Engine.IO path with 400 and keeps serving', async () => {
    for (const query of ['?EIO=4&transport=polling&sid=nope', '?EIO=4&transport=polling&sid=%zz', '?EIO=5&transport=polling']) {
      const res = await fetch(`${url}/socket.io/${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(typeof (await res.json()).code, 'number');
    }
    const ok = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
    assert.equal(ok.status, 200);
  });
});

describe('server restarts', { timeout: 30000 }, () => {
  for (const transport of ['websocket', 'polling']) {
    it(`a ${transport} client reconnects after the server drops it, with a fresh handshake`, async () => {
      const srv = await startEcho();
      const socket = connect(srv.url, {
        transports: [transport], reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200,
        auth: { token: 'again' },
      });
      await once(socket, 'auth');
      const firstId = socket.id;
      const disconnected = once(socket, 'disconnect', 10000);
      await stopEcho(srv); // graceful: exit code 0 checked
      const [reason] = await disconnected;
      // A polling client whose pong POST races the shutdown sees that POST fail instead.
      assert.ok(reason === 'transport close' || (transport === 'polling' && reason === 'transport error'), reason);

      const again = await startEcho(srv.port);
      assert.equal(again.port, srv.port);
      assert.deepEqual(await once(socket, 'auth', 10000), [{ token: 'again' }]);
      assert.notEqual(socket.id, firstId);
      socket.emit('message', 'back');
      assert.deepEqual(await once(socket, 'message-back'), ['back']);
      socket.disconnect();
      await stopEcho(again);
    });
  }

  it('closes WebSockets with 1001 on a graceful stop', async () => {
    const srv = await startEcho();
    const socket = await rawSocketIO(srv.url);
    const closed = once(socket, 'close');
    await stopEcho(srv);
    const [code] = await closed;
    assert.equal(code, 1001);
  });
});
