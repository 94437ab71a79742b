// python-socketio and websocket-client, the Python implementations (Debian's packages, run with
// /usr/bin/python3), against socketio-echo over WebSocket: events, acknowledgements both ways,
// binary, a large message, ping/pong, a fragmented message with a ping inside, the close
// handshake. The checks themselves are in python_client.py.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEcho } from './helpers.js';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'python_client.py');
const CHECKS = [
  'connects over WebSocket',
  'receives an event (its auth back)',
  'emits and receives events',
  'emits with an acknowledgement',
  'sends and receives binary attachments',
  'gets binary in an acknowledgement',
  "answers the server's acknowledgement request",
  'carries a 200,000-byte message',
  'disconnects cleanly',
  'websocket-client: handshake and Engine.IO open packet',
  'websocket-client: ping answered with its payload',
  'websocket-client: ping inside a fragmented message',
  'websocket-client: the fragmented CONNECT reassembled',
  'websocket-client: close answered with its code',
  'websocket-client: then the server closes the connection',
];

let url;
before(async () => {
  url = (await startEcho(0, ['--ping-interval', '25000', '--ping-timeout', '20000'])).url;
});

describe('python-socketio and websocket-client', () => {
  it('pass every check over WebSocket', { timeout: 60000 }, async () => {
    const { stdout, stderr, code } = await new Promise((resolve) => {
      execFile('/usr/bin/python3', [SCRIPT, url], { timeout: 50000 }, (error, stdout, stderr) =>
        resolve({ stdout, stderr, code: error ? error.code ?? 1 : 0 }));
    });
    assert.equal(code, 0, `python_client.py failed:\n${stdout}\n${stderr}`);
    const passed = stdout.split('\n').filter((l) => l.startsWith('ok ')).map((l) => l.slice(3));
    assert.deepEqual(passed, CHECKS);
  });
});
