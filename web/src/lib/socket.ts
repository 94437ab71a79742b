// The one typed Socket.IO connection. It authenticates with the session cookie
// (same origin), reconnects by itself, and is connected only while signed in.
import { io, type Socket } from 'socket.io-client';
import { useSyncExternalStore } from 'react';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../types';
import { ApiError, errorFromAck } from './errors';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const socket: AppSocket = io({ autoConnect: false, withCredentials: true });

const ACK_TIMEOUT_MS = 10_000;

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
type SuccessOf<E extends EventName> = Extract<AckOf<E>, { ok: true }>;

/**
 * Emits a client event and resolves with the success ack, or rejects with an
 * ApiError: the server's error, `offline` when not connected, `timeout`.
 */
export async function emitRequest<E extends EventName>(event: E, payload: PayloadOf<E>): Promise<SuccessOf<E>> {
  if (!socket.connected) throw new ApiError('offline', 'Not connected to the server. Reconnecting…');
  let res: Ack<unknown>;
  try {
    // The typed overloads of emitWithAck do not resolve through a generic event name.
    const s = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(ev: string, p: unknown): Promise<Ack<unknown>>;
    };
    res = await s.emitWithAck(event, payload);
  } catch {
    throw new ApiError('timeout', 'The server took too long to answer. Please try again.');
  }
  if (!res || typeof res !== 'object') throw new ApiError('internal', 'The server sent an unexpected answer.');
  if (res.ok) return res as SuccessOf<E>;
  throw errorFromAck(res);
}

export type SocketState = 'disconnected' | 'connecting' | 'connected';

let state: SocketState = 'disconnected';
const listeners = new Set<() => void>();
function setState(s: SocketState) {
  if (s === state) return;
  state = s;
  listeners.forEach((l) => l());
}
socket.on('connect', () => setState('connected'));
socket.on('disconnect', () => setState(socket.active ? 'connecting' : 'disconnected'));
socket.on('connect_error', () => setState(socket.active ? 'connecting' : 'disconnected'));
socket.io.on('reconnect_attempt', () => setState('connecting'));

export function connectSocket() {
  if (socket.connected || socket.active) return;
  setState('connecting');
  socket.connect();
}

export function disconnectSocket() {
  socket.disconnect();
  setState('disconnected');
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The connection state, for banners and for re-syncing after (re)connects. */
export function useSocketState(): SocketState {
  return useSyncExternalStore(subscribe, () => state);
}

/**
 * Listens to a server event; returns the function that stops listening. Each
 * server event has one such listener in the app (src/architecture.test.ts).
 */
export function listen<E extends keyof ServerToClientEvents>(
  s: AppSocket,
  event: E,
  handler: ServerToClientEvents[E],
): () => void {
  // socket.io-client's typed on/off do not resolve through a generic event name.
  const untyped = s as unknown as { on(e: string, f: unknown): void; off(e: string, f: unknown): void };
  untyped.on(event, handler);
  return () => untyped.off(event, handler);
}

/** Runs `fn` now if connected and after every (re)connect; returns the unsubscribe. */
export function onEveryConnect(fn: () => void): () => void {
  socket.on('connect', fn);
  if (socket.connected) fn();
  return () => {
    socket.off('connect', fn);
  };
}
