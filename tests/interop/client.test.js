// The official socket.io-client 4.x against socketio-echo: transports, upgrade, acks both ways,
// binary, rooms and payloads near maxPayload.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, connected, emitWithAck, once, startEcho } from './helpers.js';

let url;
before(async () => {
  url = (await startEcho()).url;
});

for (const [name, options] of [
  ['WebSocket only', { transports: ['websocket'] }],
  ['HTTP long-polling only', { transports: ['polling'] }],
  ['polling upgraded to WebSocket', {}],
]) {
  describe(name, () => {
    it('connects, gets its auth back and echoes events, acks and binary', async () => {
      const socket = connect(url, { ...options, auth: { token: 'abc' } });
      const [auth] = await once(socket, 'auth');
      assert.deepEqual(auth, { token: 'abc' });
      await connected(socket);

      socket.emit('message', 1, '2', { 3: [true] }, null);
      assert.deepEqual(await once(socket, 'message-back'), [1, '2', { 3: [true] }, null]);

      assert.deepEqual(await emitWithAck(socket, 'message-with-ack', 'a', { b: 'c' }), ['a', { b: 'c' }]);

      const blob = Buffer.from([0, 1, 2, 250, 255]);
      socket.emit('message', { nested: [blob, 'text'] }, Buffer.from('second'));
      const [first, second] = await once(socket, 'message-back');
      assert.deepEqual([...first.nested[0]], [...blob]);
      assert.equal(first.nested[1], 'text');
      assert.equal(Buffer.from(second).toString(), 'second');

      const [binaryAck] = await emitWithAck(socket, 'message-with-ack', Buffer.from([9, 8, 7]));
      assert.deepEqual([...binaryAck], [9, 8, 7]);
      socket.disconnect();
    });

    it('answers the server\'s acknowledgement requests', async () => {
      const socket = connect(url, options);
      socket.on('ack-request', (...args) => {
        const callback = args.pop();
        callback(...args, 'from-client', Buffer.from([1, 2]));
      });
      await connected(socket);
      socket.emit('request-ack', 'x', { y: 1 });
      const reply = await once(socket, 'ack-response');
      assert.deepEqual(reply.slice(0, 3), ['x', { y: 1 }, 'from-client']);
      assert.deepEqual([...reply[3]], [1, 2]);
      socket.disconnect();
    });

    it('reports an unanswered server acknowledgement as timed out', async () => {
      const socket = connect(url, options);
      socket.on('ack-request', () => {}); // never calls back
      await connected(socket);
      socket.emit('request-ack', 'x');
      const [reply] = await once(socket, 'ack-response');
      assert.deepEqual(reply, { error: 'operation has timed out' });
      socket.disconnect();
    });

    it('carries a payload near maxPayload', { timeout: 20000 }, async () => {
      const socket = connect(url, options);
      await connected(socket);
      const big = 'x'.repeat(999_000);
      socket.emit('message', big);
      const [back] = await once(socket, 'message-back', 15000);
      assert.equal(back.length, big.length);
      assert.equal(back, big);
      socket.disconnect();
    });
  });
}

describe('upgrade', () => {
  it('moves a default client from polling to WebSocket and keeps the session', async () => {
    const socket = connect(url);
    await connected(socket);
    const engine = socket.io.engine;
    const sidBefore = engine.id;
    if (engine.transport.name !== 'websocket') await once(engine, 'upgrade');
    assert.equal(engine.transport.name, 'websocket');
    assert.equal(engine.id, sidBefore);
    socket.emit('message', 'after upgrade');
    assert.deepEqual(await once(socket, 'message-back'), ['after upgrade']);
    socket.disconnect();
  });
});

describe('namespaces and rooms', () => {
  it('connects to /custom and refuses an unknown namespace', async () => {
    const custom = connect(`${url}/custom`, { auth: { n: 1 } });
    assert.deepEqual(await once(custom, 'auth'), [{ n: 1 }]);
    const unknown = connect(`${url}/nope`);
    const [err] = await once(unknown, 'connect_error');
    assert.equal(err.message, 'Invalid namespace');
    custom.disconnect();
  });

  it('broadcasts to a room once encoded, skipping the sender', async () => {
    const [a, b, c] = [connect(url), connect(url, { transports: ['polling'] }), connect(url)];
    await Promise.all([a, b, c].map(connected));
    await emitWithAck(a, 'join', 'r1');
    await emitWithAck(b, 'join', 'r1');
    let cGotIt = false;
    c.on('broadcast', () => { cGotIt = true; });
    const got = once(b, 'broadcast');
    const [count] = await emitWithAck(a, 'broadcast', 'r1', { hello: 'room' }, Buffer.from([7]));
    assert.equal(count, 1);
    const [payload, bin] = await got;
    assert.deepEqual(payload, { hello: 'room' });
    assert.deepEqual([...bin], [7]);
    assert.equal(cGotIt, false);
    for (const s of [a, b, c]) s.disconnect();
  });
});
