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

// A WebSocket that never throws on 'error' (refused upgrades emit one before 'close').
export function openWebSocket(url, { binary = false } = {}) {
  // Like a browser's WebSocket: one 'message' event per task, so a listener attached after
  // awaiting the previous message does not miss the next one.
  const socket = new WebSocket(url, { allowSynchronousEvents: false });
  socket.on('error', () => {});
  if (binary) socket.binaryType = 'arraybuffer';
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
