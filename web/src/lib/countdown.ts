// Countdowns from the server's `expiresInMs`: the deadline is kept on the
// monotonic clock of this page (performance.now), never on the wall clock, so
// a wrong or changing system time cannot shorten or stretch it.
import { useEffect, useState } from 'react';

export type MonotonicClock = () => number;
export const monotonicNow: MonotonicClock = () => performance.now();

/** The monotonic deadline for an `expiresInMs` received at `receivedAt`, or null when there is none. */
export function deadlineFrom(expiresInMs: number | null | undefined, receivedAt: number): number | null {
  if (expiresInMs == null || !Number.isFinite(expiresInMs)) return null;
  return receivedAt + Math.max(0, expiresInMs);
}

export function remainingMs(deadline: number | null, now: number): number | null {
  if (deadline == null) return null;
  return Math.max(0, deadline - now);
}

/** "m:ss" rounding up, so the display reaches 0:00 only when the time is really up. */
export function formatCountdown(ms: number | null): string {
  if (ms == null) return '–:––';
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A sentence for screen readers: "1 minute 5 seconds". */
export function speakCountdown(ms: number | null): string {
  if (ms == null) return 'unknown';
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s || !m) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** "mm:ss" or "h:mm:ss" for an elapsed duration. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Re-renders about every `tickMs` and returns the time left before `deadline`. */
export function useRemaining(deadline: number | null, tickMs = 250): number | null {
  const [now, setNow] = useState(monotonicNow);
  useEffect(() => {
    if (deadline == null) return;
    const id = setInterval(() => setNow(monotonicNow()), tickMs);
    return () => clearInterval(id);
  }, [deadline, tickMs]);
  return remainingMs(deadline, now);
}

/** A ticking value of monotonicNow(), for counts that started from a server's number. */
export function useMonotonicNow(tickMs = 1000): number {
  const [now, setNow] = useState(monotonicNow);
  useEffect(() => {
    const id = setInterval(() => setNow(monotonicNow()), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  return now;
}

/** A ticking value of Date.now(), for elapsed-time displays. */
export function useNow(tickMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  return now;
}

const firstSeen = new WeakMap<object, number>();

/**
 * When this page first saw `obj` (a server object with a count such as
 * `elapsedMs`), on the monotonic clock: the count is ticked on from then, and a
 * component that mounts later sees the same moment.
 */
export function receivedAt(obj: object, now: MonotonicClock = monotonicNow): number {
  let at = firstSeen.get(obj);
  if (at === undefined) {
    at = now();
    firstSeen.set(obj, at);
  }
  return at;
}

/** The server's `elapsedMs`, received at `receivedAtMs`, as of `now` (both monotonic); null when there is none. */
export function elapsedFrom(elapsedMs: number | null | undefined, receivedAtMs: number, now: number): number | null {
  if (elapsedMs == null || !Number.isFinite(elapsedMs)) return null;
  return Math.max(0, elapsedMs + (now - receivedAtMs));
}
