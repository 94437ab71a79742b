// The assertions of the official Engine.IO v4 protocol test suite
// (socketio/engine.io-protocol, test-suite/test-suite.js) against socketio-echo's /engine.io/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PING_INTERVAL, PING_TIMEOUT, bytes, openWebSocket, sleep, useEchoServer, waitFor } from './helpers.js';

const server = useEchoServer();
const http = (query, init) => fetch(`${server.url}/engine.io/${query}`, init);
const ws = (query, opts) => openWebSocket(`${server.wsUrl}/engine.io/${query}`, opts);

async function initLongPollingSession() {
  const response = await http('?EIO=4&transport=polling');
  const content = await response.text();
  return JSON.parse(content.substring(1)).sid;
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
      it('successfully opens a session', async () => {
        const response = await http('?EIO=4&transport=polling');
        assert.equal(response.status, 200);
        assertHandshake(await response.text(), ['websocket']);
      });

      it("fails with an invalid 'EIO' query parameter", async () => {
        const response = await http('?transport=polling');
        assert.equal(response.status, 400);
        assert.deepEqual(await response.json(), { code: 5, message: 'Unsupported protocol version' });
        const response2 = await http('?EIO=abc&transport=polling');
        assert.equal(response2.status, 400);
      });

      it("fails with an invalid 'transport' query parameter", async () => {
        const response = await http('?EIO=4');
        assert.equal(response.status, 400);
        assert.deepEqual(await response.json(), { code: 0, message: 'Transport unknown' });
        const response2 = await http('?EIO=4&transport=abc');
        assert.equal(response2.status, 400);
      });

      it('fails with an invalid request method', async () => {
        const response = await http('?EIO=4&transport=polling', { method: 'post' });
        assert.equal(response.status, 400);
        assert.deepEqual(await response.json(), { code: 2, message: 'Bad handshake method' });
        const response2 = await http('?EIO=4&transport=polling', { method: 'put' });
        assert.equal(response2.status, 400);
      });
    });

    describe('WebSocket', () => {
      it('successfully opens a session', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        const { data } = await waitFor(socket, 'message');
        assertHandshake(data, []);
        socket.close();
      });

      it("fails with an invalid 'EIO' query parameter", async () => {
        await waitFor(ws('?transport=websocket'), 'close');
        await waitFor(ws('?EIO=abc&transport=websocket'), 'close');
      });

      it("fails with an invalid 'transport' query parameter", async () => {
        await waitFor(ws('?EIO=4'), 'close');
        await waitFor(ws('?EIO=4&transport=abc'), 'close');
      });
    });
  });

  describe('message', () => {
    describe('HTTP long-polling', () => {
      for (const [name, body] of [
        ['one plain text packet', '4hello'],
        ['several plain text packets', '4test1\x1e4test2\x1e4test3'],
        ['plain text and binary packets', '4hello\x1ebAQIDBA=='],
      ]) {
        it(`sends and receives a payload containing ${name}`, async () => {
          const sid = await initLongPollingSession();
          const pushResponse = await http(`?EIO=4&transport=polling&sid=${sid}`, { method: 'post', body });
          assert.equal(pushResponse.status, 200);
          assert.equal(await pushResponse.text(), 'ok');
          const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
          assert.equal(pollResponse.status, 200);
          assert.equal(await pollResponse.text(), body);
        });
      }

      it('closes the session upon invalid packet format', async () => {
        const sid = await initLongPollingSession();
        // The official suite also accepts a request closed abnormally; this server answers 400.
        const pushResponse = await http(`?EIO=4&transport=polling&sid=${sid}`, { method: 'post', body: 'abc' });
        assert.equal(pushResponse.status, 400);
        const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
        assert.equal(pollResponse.status, 400);
      });

      it('closes the session upon duplicate poll requests', async () => {
        const sid = await initLongPollingSession();
        const pollResponses = await Promise.all([
          http(`?EIO=4&transport=polling&sid=${sid}`),
          sleep(5).then(() => http(`?EIO=4&transport=polling&sid=${sid}&t=burst`)),
        ]);
        assert.equal(pollResponses[0].status, 200);
        assert.equal(await pollResponses[0].text(), '1');
        assert.ok([400, 500].includes(pollResponses[1].status));
        const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
        assert.equal(pollResponse.status, 400);
      });
    });

    describe('WebSocket', () => {
      it('sends and receives a plain text packet', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'open');
        await waitFor(socket, 'message'); // handshake
        socket.send('4hello');
        const { data } = await waitFor(socket, 'message');
        assert.equal(data, '4hello');
        socket.close();
      });

      it('sends and receives a binary packet', async () => {
        const socket = ws('?EIO=4&transport=websocket', { binary: true });
        await waitFor(socket, 'message'); // handshake
        socket.send(Uint8Array.from([1, 2, 3, 4]));
        const { data } = await waitFor(socket, 'message');
        assert.ok(data instanceof ArrayBuffer);
        assert.deepEqual(bytes(data), [1, 2, 3, 4]);
        socket.close();
      });

      it('closes the session upon invalid packet format', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'message'); // handshake
        socket.send('abc');
        await waitFor(socket, 'close');
      });
    });
  });

  describe('heartbeat', { timeout: 5000 }, () => {
    describe('HTTP long-polling', () => {
      it('sends ping/pong packets', async () => {
        const sid = await initLongPollingSession();
        for (let i = 0; i < 3; i++) {
          const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
          assert.equal(pollResponse.status, 200);
          assert.equal(await pollResponse.text(), '2');
          const pushResponse = await http(`?EIO=4&transport=polling&sid=${sid}`, { method: 'post', body: '3' });
          assert.equal(pushResponse.status, 200);
        }
      });

      it('closes the session upon ping timeout', async () => {
        const sid = await initLongPollingSession();
        await sleep(PING_INTERVAL + PING_TIMEOUT);
        const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
        assert.equal(pollResponse.status, 400);
      });
    });

    describe('WebSocket', () => {
      it('sends ping/pong packets', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'message'); // handshake
        for (let i = 0; i < 3; i++) {
          const { data } = await waitFor(socket, 'message');
          assert.equal(data, '2');
          socket.send('3');
        }
        socket.close();
      });

      it('closes the session upon ping timeout', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'close');
      });
    });
  });

  describe('close', () => {
    describe('HTTP long-polling', () => {
      it('forcefully closes the session', async () => {
        const sid = await initLongPollingSession();
        const [pollResponse] = await Promise.all([
          http(`?EIO=4&transport=polling&sid=${sid}`),
          http(`?EIO=4&transport=polling&sid=${sid}`, { method: 'post', body: '1' }),
        ]);
        assert.equal(pollResponse.status, 200);
        assert.equal(await pollResponse.text(), '6');
        const pollResponse2 = await http(`?EIO=4&transport=polling&sid=${sid}`);
        assert.equal(pollResponse2.status, 400);
      });
    });

    describe('WebSocket', () => {
      it('forcefully closes the session', async () => {
        const socket = ws('?EIO=4&transport=websocket');
        await waitFor(socket, 'message'); // handshake
        socket.send('1');
        await waitFor(socket, 'close');
      });
    });
  });

  describe('upgrade', () => {
    it('successfully upgrades from HTTP long-polling to WebSocket', async () => {
      const sid = await initLongPollingSession();
      const socket = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket, 'open');
      socket.send('2probe'); // send probe
      const probeResponse = await waitFor(socket, 'message');
      assert.equal(probeResponse.data, '3probe');
      const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
      assert.equal(pollResponse.status, 200);
      assert.equal(await pollResponse.text(), '6'); // noop, to end the long-polling request cleanly
      socket.send('5'); // complete upgrade
      socket.send('4hello');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '4hello');
      socket.close();
    });

    it('ignores HTTP requests with same sid after upgrade', async () => {
      const sid = await initLongPollingSession();
      const socket = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket, 'open');
      // The probe's answer is awaited first: it may arrive after the poll's answer (two
      // connections), and a 'message' with no listener yet would be lost.
      const probe = waitFor(socket, 'message');
      socket.send('2probe');
      assert.equal((await probe).data, '3probe');
      socket.send('5');
      const pollResponse = await http(`?EIO=4&transport=polling&sid=${sid}`);
      assert.equal(pollResponse.status, 400);
      socket.send('4hello');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '4hello');
      socket.close();
    });

    it('ignores WebSocket connection with same sid after upgrade', async () => {
      const sid = await initLongPollingSession();
      const socket = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket, 'open');
      socket.send('2probe');
      socket.send('5');
      const socket2 = ws(`?EIO=4&transport=websocket&sid=${sid}`);
      await waitFor(socket2, 'close');
      socket.send('4hello');
      const { data } = await waitFor(socket, 'message');
      assert.equal(data, '4hello');
      socket.close();
    });
  });
});
