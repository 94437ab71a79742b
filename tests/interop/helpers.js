// Shared by the interop suites: socketio-echo servers and promise helpers around the official
// socket.io-client.
import { after } from 'node:test';
import { io } from 'socket.io-client';
import { buildPath, start } from '../lib/spawn.js';

export const ECHO = buildPath('socketio-echo');

// Starts a socketio-echo (on `port`, default a free one, with `extraArgs`); it is stopped after
// the file's tests.
// The exit code of a graceful stop must be 0.
const servers = new Set();
after(async () => {
  for (const srv of servers) await stopEcho(srv);
});

export async function startEcho(port = 0, extraArgs = []) {
  const srv = await start(ECHO, ['--port', String(port), ...extraArgs]);
  servers.add(srv);
  return srv;
}

export async function stopEcho(srv) {
  if (!servers.delete(srv)) return;
  const code = await srv.stop();
  if (code !== 0) throw new Error(`socketio-echo exited with ${code}\n${srv.output()}`);
}

const clients = new Set();
after(() => {
  for (const c of clients) c.disconnect();
});

// A socket.io-client socket; closed after the file's tests.
export function connect(url, options = {}) {
  const socket = io(url, { forceNew: true, reconnection: false, ...options });
  clients.add(socket);
  return socket;
}

// Resolves with the arguments of the next `event` on `emitter` (rejects after `ms`).
export function once(emitter, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

// Emits with an acknowledgement and resolves with the acknowledgement's arguments.
export function emitWithAck(socket, event, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(5000).emit(event, ...args, (err, ...reply) => (err ? reject(err) : resolve(reply)));
  });
}

export async function connected(socket) {
  if (socket.connected) return;
  const [result] = await Promise.race([once(socket, 'connect'), once(socket, 'connect_error').then((e) => { throw e[0]; })]);
  return result;
}
