// Shared by the conformance suites: a socketio-echo server per file, and the small helpers of
// the official test suites (socketio/engine.io-protocol and socketio/socket.io-protocol,
// test-suite/test-suite.js), written for node:test with the `ws` WebSocket client.
import { after, before } from 'node:test';
import WebSocket from 'ws';
import { buildPath, start } from '../lib/spawn.js';

export const PING_INTERVAL = 300;
export const PING_TIMEOUT = 200;

// Starts socketio-echo before the file's tests and stops it after; `server.url` / `server.wsUrl`.
export function useEchoServer() {
  const server = { url: null, wsUrl: null, instance: null };
  before(async () => {
    server.instance = await start(buildPath('socketio-echo'), ['--port', '0']);
    server.url = server.instance.url;
    server.wsUrl = server.url.replace('http', 'ws');
  });
  after(async () => {
    if (!server.instance) return;
    const code = await server.instance.stop();
    if (code !== 0) throw new Error(`socketio-echo exited with ${code}\n${server.instance.output()}`);
  });
  return server;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// A WebSocket that never throws on 'error' (refused upgrades emit one before 'close'), and
// dispatches 'open', 'message' and 'close' as a browser does: one event per task, in arrival
// order. An event is dispatched at once unless one already was in the current task (messages
// that came in one TCP read); those follow one per later task, so a listener attached after
// awaiting a message sees the next one, and no event waits behind I/O that arrived after it.
// (ws's own `allowSynchronousEvents: false` defers every event, the first too, past the I/O of
// the same loop turn: a fetch answered after a message would then resolve before it.)
const BROWSER_TASK_EVENTS = new Set(['open', 'message', 'close']);
export function openWebSocket(url, { binary = false } = {}) {
  const socket = new WebSocket(url, { allowSynchronousEvents: true });
  socket.on('error', () => {});
  if (binary) socket.binaryType = 'arraybuffer';
  const emit = socket.emit.bind(socket);
  const queue = [];
  let dispatchedThisTask = false;
  let drainScheduled = false;
  const dispatch = (event) => {
    dispatchedThisTask = true;
    queueMicrotask(() => { dispatchedThisTask = false; });
    event();
  };
  const drain = () => {
    drainScheduled = false;
    dispatch(queue.shift());
    if (queue.length > 0) { drainScheduled = true; setImmediate(drain); }
  };
  socket.emit = (name, ...args) => {
    if (!BROWSER_TASK_EVENTS.has(name)) return emit(name, ...args);
    const event = () => emit(name, ...args);
    if (queue.length === 0 && !drainScheduled && !dispatchedThisTask) dispatch(event);
    else {
      queue.push(event);
      if (!drainScheduled) { drainScheduled = true; setImmediate(drain); }
    }
    return true;
  };
  return socket;
}

export function waitFor(socket, eventType) {
  return new Promise((resolve) => {
    socket.addEventListener(eventType, (event) => resolve(event), { once: true });
  });
}

// The next `count` messages that are not PING packets.
export function waitForPackets(socket, count) {
  const packets = [];
  return new Promise((resolve) => {
    const handler = (event) => {
      if (event.data === '2') return;
      packets.push(event.data);
      if (packets.length === count) {
        socket.removeEventListener('message', handler);
        resolve(packets);
      }
    };
    socket.addEventListener('message', handler);
  });
}

export function bytes(data) {
  return [...new Uint8Array(data)];
}
