// Socket.IO helpers on the official socket.io-client 4.x.
//
// Every socket made by connect() records every event it receives from the moment it is created, so a
// test never misses an event that arrived before it started waiting: nextEvent() takes the oldest
// event of that name not yet taken, or waits for the next one.
import { io } from 'socket.io-client';
import assert from 'node:assert/strict';

function build(server, { token, cookie, origin, headers = {}, transports = ['websocket'], query } = {}) {
  const extraHeaders = { ...headers };
  if (cookie) extraHeaders.Cookie = cookie.includes('=') ? cookie : `mm_session=${cookie}`;
  if (origin) extraHeaders.Origin = origin;
  const socket = io(server.url, {
    auth: token === undefined ? undefined : { token },
    transports,
    extraHeaders,
    query,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  socket.received = [];        // [{ name, data, args, at, taken }]
  socket.waiters = new Set();
  socket.onAny((name, ...args) => {
    const entry = { name, data: args[0], args, at: Date.now(), taken: false };
    socket.received.push(entry);
    for (const w of [...socket.waiters]) w(entry);
  });
  server.sockets?.add(socket);
  socket.on('disconnect', (reason) => { socket.disconnectedAt = Date.now(); socket.disconnectReason = reason; });
  return socket;
}

// Connects and resolves with the socket once the namespace connection is accepted; rejects with the
// connect_error otherwise.
export function connect(server, opts = {}) {
  const socket = build(server, opts);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.disconnect(); reject(new Error('socket did not connect within 5 s')); }, opts.timeoutMs ?? 6000);
    socket.once('connect', () => { clearTimeout(timer); resolve(socket); });
    socket.once('connect_error', (err) => { clearTimeout(timer); socket.disconnect(); reject(err); });
  });
}

// Expects the connection to be refused; resolves with the connect_error (an Error whose message is the
// server's CONNECT_ERROR message, or a transport error when the handshake itself was refused).
export function connectError(server, opts = {}) {
  const socket = build(server, opts);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.disconnect(); reject(new Error('neither connect nor connect_error within 6 s')); }, 6000);
    socket.once('connect', () => { clearTimeout(timer); socket.disconnect(); reject(new Error('connection was accepted but should have been refused')); });
    socket.once('connect_error', (err) => { clearTimeout(timer); socket.disconnect(); resolve(err); });
  });
}

// Emits with an acknowledgement and resolves with the ack payload.
export async function emitAck(socket, event, payload, timeoutMs = 6000) {
  try {
    return await socket.timeout(timeoutMs).emitWithAck(event, payload);
  } catch (err) {
    throw new Error(`no ack for ${event} within ${timeoutMs} ms (${err.message})`);
  }
}

// Emits and asserts {ok: true}; returns the ack.
export async function emitOk(socket, event, payload, timeoutMs) {
  const ack = await emitAck(socket, event, payload, timeoutMs);
  assert.equal(ack?.ok, true, `${event} ${JSON.stringify(payload).slice(0, 200)} -> ${JSON.stringify(ack)}`);
  return ack;
}

function matches(entry, name, where) {
  return !entry.taken && entry.name === name && (!where || where(entry.data));
}

// Resolves with the payload of the oldest not-yet-taken event `name` (matching `where`), waiting up
// to timeoutMs for it. The entry is marked taken.
export function nextEvent(socket, name, timeoutMs = 3000, { where, withTime = false } = {}) {
  const found = socket.received.find((e) => matches(e, name, where));
  if (found) { found.taken = true; return Promise.resolve(withTime ? found : found.data); }
  return new Promise((resolve, reject) => {
    const waiter = (entry) => {
      if (!matches(entry, name, where)) return;
      entry.taken = true;
      socket.waiters.delete(waiter);
      clearTimeout(timer);
      resolve(withTime ? entry : entry.data);
    };
    const timer = setTimeout(() => {
      socket.waiters.delete(waiter);
      const seen = socket.received.map((e) => e.name).join(', ') || 'nothing';
      reject(new Error(`no "${name}" event within ${timeoutMs} ms (socket ${socket.id} received: ${seen})`));
    }, timeoutMs);
    socket.waiters.add(waiter);
  });
}

// Asserts that the socket receives no (not-yet-taken) event `name` matching `where` within windowMs,
// counting events that are already queued.
export async function expectNoEvent(socket, name, windowMs = 500, { where } = {}) {
  const queued = socket.received.find((e) => matches(e, name, where));
  assert.equal(queued, undefined, `unexpected "${name}" already received: ${JSON.stringify(queued?.data)}`);
  let got = null;
  const waiter = (entry) => { if (!got && matches(entry, name, where)) got = entry; };
  socket.waiters.add(waiter);
  await new Promise((r) => setTimeout(r, windowMs));
  socket.waiters.delete(waiter);
  assert.equal(got, null, `unexpected "${name}" within ${windowMs} ms: ${JSON.stringify(got?.data)}`);
}

// All events `name` received so far (taken or not), optionally filtered.
export function eventsOf(socket, name, where) {
  return socket.received.filter((e) => e.name === name && (!where || where(e.data))).map((e) => e.data);
}

// Marks every queued event (optionally only `name`) as taken.
export function drain(socket, name) {
  for (const e of socket.received) if (!name || e.name === name) e.taken = true;
}

// Resolves when the socket is disconnected (by the server or the transport), rejecting after timeoutMs.
export function waitDisconnect(socket, timeoutMs = 1000) {
  if (!socket.connected) return Promise.resolve(socket.disconnectReason ?? 'already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.off('disconnect', on); reject(new Error(`socket still connected after ${timeoutMs} ms`)); }, timeoutMs);
    const on = (reason) => { clearTimeout(timer); resolve(reason); };
    socket.once('disconnect', on);
  });
}

// Closes a socket from the client side and forgets it.
export function close(server, socket) {
  socket.disconnect();
  server.sockets?.delete(socket);
}
