// The assertions of the official Socket.IO v5 protocol test suite
// (socketio/socket.io-protocol, test-suite/test-suite.js) against socketio-echo's /socket.io/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PING_INTERVAL, PING_TIMEOUT, bytes, openWebSocket, sleep, useEchoServer, waitFor, waitForPackets,
} from './helpers.js';

const server = useEchoServer();
const http = (query, init) => fetch(`${server.url}/socket.io/${query}`, init);
const ws = (query, opts) => openWebSocket(`${server.wsUrl}/socket.io/${query}`, opts);

async function initLongPollingSession() {
  const response = await http('?EIO=4&transport=polling');
  const content = await response.text();
  return JSON.parse(content.substring(1)).sid;
}

async function initSocketIOConnection() {
  const socket = ws('?EIO=4&transport=websocket', { binary: true });
  await waitFor(socket, 'message'); // Engine.IO handshake
  socket.send('40');
  await waitFor(socket, 'message'); // Socket.IO handshake
  await waitFor(socket, 'message'); // "auth" packet
  return socket;
}

function assertHandshake(content, upgrades) {
  assert.ok(content.startsWith('0'));
  const value = JSON.parse(content.substring(1));
  assert.deepEqual(Object.keys(value).sort(), ['maxPayload', 'pingInterval', 'pingTimeout', 'sid', 'upgrades']);
  assert.equal(typeof value.sid, 'string');
  assert.deepEqual(value.upgrades, upgrades);
  assert.equal(value.pingInterval, PING_INTERVAL);
  assert.equal(value.pingTimeout, PING_TIMEOUT);
  assert.equal(value.maxPayload, 1000000);
}

describe('Engine.IO protocol', () => {
  describe('handshake', () => {
    describe('HTTP long-polling', () => {
      it('should successfully open a session', async () => {
        const response = await http('?EIO=4&transport=polling');
        assert.equal(response.status, 200);
        assertHandshake(await response.text(), ['websocket']);
      });

      it("should fail with an invalid 'EIO' query parameter", async () => {
        assert.equal((await http('?transport=polling')).status, 400);
        assert.equal((await http('?EIO=abc&transport=polling')).status, 400);
      });

      it("should fail with an invalid 'transport' query parameter", async () => {
        assert.equal((await http('?EIO=4')).status, 400);
        assert.equal((await http('?EIO=4&transport=abc')).status, 400);
      });

      it('should fail with an invalid request method', async () => {
        assert.equal((await http('?EIO=4&transport=polling', { method: 'post' })).status, 400);
        assert.equal((await http('?EIO=4&transport=polling', { method: 'put' })).status, 400);
      });
    });

    describe('WebSocket', () => {
      it('should successfully open a session', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        const { data } = await waitFor(socket, 'message');
        assertHandshake(data, []);
        socket.close();
      });

      it("should fail with an invalid 'EIO' query parameter", async () => {
        await waitFor(ws('?transport=websocket'), 'close');
        await waitFor(ws('?EIO=abc&transport=websocket'), 'close');
      });

      it("should fail with an invalid 'transport' query parameter", async () => {
        await waitFor(ws('?EIO=4'), 'close');
        await waitFor(ws('?EIO=4&transport=abc'), 'close');
      });
    });
  });

  describe('heartbeat', { timeout: 5000 }, () => {
    describe('HTTP long-polling', () => {
      it('should send ping/pong packets', async () => {
        const sid = await initLongPollingSession();
        for (let i = 0; i < 3; i++) {
          const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
          assert.equal(pollResponse.status, 200);
          assert.equal(await pollResponse.text(), '2');
          const pushResponse = await http(`?EIO=4&transport=polling&sid=${sid}`, { method: 'post', body: '3' });
          assert.equal(pushResponse.status, 200);
        }
      });

      it('should close the session upon ping timeout', async () => {
        const sid = await initLongPollingSession();
        await sleep(PING_INTERVAL + PING_TIMEOUT);
        const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
        assert.equal(pollResponse.status, 400);
      });
    });

    describe('WebSocket', () => {
      it('should send ping/pong packets', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'message'); // handshake
        for (let i = 0; i < 3; i++) {
          const { data } = await waitFor(socket, 'message');
          assert.equal(data, '2');
          socket.send('3');
        }
        socket.close();
      });

      it('should close the session upon ping timeout', async () => {
        await waitFor(ws('?EIO=4&transport=websocket'), 'close');
      });
    });
  });

  describe('close', () => {
    describe('HTTP long-polling', () => {
      it('should forcefully close the session', async () => {
        const sid = await initLongPollingSession();
        const [pollResponse] = await Promise.all([
          http(`?EIO=4&transport=polling&sid=${sid}`),
          http(`?EIO=4&transport=polling&sid=${sid}`, { method: 'post', body: '1' }),
        ]);
        assert.equal(pollResponse.status, 200);
        assert.equal(await pollResponse.text(), '6');
        assert.equal((await http(`?EIO=4&transport=polling&sid=${sid}`)).status, 400);
      });
    });

    describe('WebSocket', () => {
      it('should forcefully close the session', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'message'); // handshake
        socket.send('1');
        await waitFor(socket, 'close');
      });
    });
  });

  describe('upgrade', () => {
    it('should successfully upgrade from HTTP long-polling to WebSocket', async () => {
      const sid = await initLongPollingSession();
      const socket = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket, 'open');
      socket.send('2probe'); // send probe
      const probeResponse = await waitFor(socket, 'message');
      assert.equal(probeResponse.data, '3probe');
      socket.send('5'); // complete upgrade
      socket.close();
    });

    it('should ignore HTTP requests with same sid after upgrade', async () => {
      const sid = await initLongPollingSession();
      const socket = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket, 'open');
      socket.send('2probe');
      socket.send('5');
      const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
      assert.equal(pollResponse.status, 400);
      socket.close();
    });

    it('should ignore WebSocket connection with same sid after upgrade', async () => {
      const sid = await initLongPollingSession();
      const socket = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket, 'open');
      socket.send('2probe');
      socket.send('5');
      const socket2 = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket2, 'close');
      socket.close();
    });
  });
});

describe('Socket.IO protocol', () => {
  describe('connect', () => {
    for (const [name, nsp, auth, prefix] of [
      ['the main namespace', '', null, '40'],
      ['the main namespace with a payload', '', '{"token":"123"}', '40'],
      ['a custom namespace', '/custom,', null, '40/custom,'],
      ['a custom namespace with a payload', '/custom,', '{"token":"abc"}', '40/custom,'],
    ]) {
      it(`should allow connection to ${name}`, async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'message'); // Engine.IO handshake
        socket.send(`40${nsp}${auth ?? ''}`);
        const { data } = await waitFor(socket, 'message');
        assert.ok(data.startsWith(prefix));
        const handshake = JSON.parse(data.substring(prefix.length));
        assert.deepEqual(Object.keys(handshake), ['sid']);
        assert.equal(typeof handshake.sid, 'string');
        const authPacket = await waitFor(socket, 'message');
        assert.equal(authPacket.data, `42${nsp}["auth",${auth ?? '{}'}]`);
        socket.close();
      });
    }

    it('should disallow connection to an unknown namespace', async () => {
      const socket = ws('?EIO=4&transport=websocket');
      await waitFor(socket, 'message'); // Engine.IO handshake
      socket.send('40/random');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '44/random,{"message":"Invalid namespace"}');
      socket.close();
    });

    it('should disallow connection with an invalid handshake', async () => {
      const socket = ws('?EIO=4&transport=websocket');
      await waitFor(socket, 'message'); // Engine.IO handshake
      socket.send('4abc');
      await waitFor(socket, 'close');
    });

    it('should close the connection if no handshake is received', async () => {
      await waitFor(ws('?EIO=4&transport=websocket'), 'close');
    });
  });

  describe('disconnect', () => {
    it('should disconnect from the main namespace', async () => {
      const socket = await initSocketIOConnection();
      socket.send('41');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '2');
      socket.close();
    });

    it('should connect then disconnect from a custom namespace', async () => {
      const socket = await initSocketIOConnection();
      await waitFor(socket, 'message'); // ping
      socket.send('40/custom');
      await waitFor(socket, 'message'); // Socket.IO handshake
      await waitFor(socket, 'message'); // auth packet
      socket.send('41/custom');
      socket.send('42["message","message to main namespace"]');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '42["message-back","message to main namespace"]');
      socket.close();
    });
  });

  describe('message', () => {
    it('should send a plain-text packet', async () => {
      const socket = await initSocketIOConnection();
      socket.send('42["message",1,"2",{"3":[true]}]');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '42["message-back",1,"2",{"3":[true]}]');
      socket.close();
    });

    it('should send a packet with binary attachments', async () => {
      const socket = await initSocketIOConnection();
      socket.send('452-["message",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
      socket.send(Uint8Array.from([1, 2, 3]));
      socket.send(Uint8Array.from([4, 5, 6]));
      const packets = await waitForPackets(socket, 3);
      assert.equal(packets[0], '452-["message-back",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
      assert.ok(packets[1] instanceof ArrayBuffer && packets[2] instanceof ArrayBuffer);
      assert.deepEqual(bytes(packets[1]), [1, 2, 3]);
      assert.deepEqual(bytes(packets[2]), [4, 5, 6]);
      socket.close();
    });

    it('should send a plain-text packet with an ack', async () => {
      const socket = await initSocketIOConnection();
      socket.send('42456["message-with-ack",1,"2",{"3":[false]}]');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '43456[1,"2",{"3":[false]}]');
      socket.close();
    });

    it('should send a packet with binary attachments and an ack', async () => {
      const socket = await initSocketIOConnection();
      socket.send('452-789["message-with-ack",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
      socket.send(Uint8Array.from([1, 2, 3]));
      socket.send(Uint8Array.from([4, 5, 6]));
      const packets = await waitForPackets(socket, 3);
      assert.equal(packets[0], '462-789[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
      assert.ok(packets[1] instanceof ArrayBuffer && packets[2] instanceof ArrayBuffer);
      assert.deepEqual(bytes(packets[1]), [1, 2, 3]);
      assert.deepEqual(bytes(packets[2]), [4, 5, 6]);
      socket.close();
    });

    for (const [name, packet] of [
      ['unknown packet type', '4abc'],
      ['invalid payload format', '42{}'],
      ['invalid ack id', '42abc["message-with-ack",1,"2",{"3":[false]}]'],
    ]) {
      it(`should close the connection upon invalid format (${name})`, async () => {
        const socket = await initSocketIOConnection();
        socket.send(packet);
        await waitFor(socket, 'close');
      });
    }
  });
});
