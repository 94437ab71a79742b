// Where a page keeps its unsent edits for a reload: sessionStorage, one entry
// per room and round, written when the page hides or the room unmounts and
// removed once nothing is unsent. Per tab, as collab client ids are.
import type { Id } from '../../../types';
import type { Saved } from './syncState';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const savedKey = (roomId: Id, round: number) => `mm.workspace.${roomId}.${round}`;

function isChanges(v: unknown): boolean {
  return Array.isArray(v) && v.every((p) => typeof p === 'number' || (Array.isArray(p) && p.length > 0 && typeof p[0] === 'number'));
}

/** The record, or null when there is none or it is not one (another version of the app, a hand edit). */
export function parseSaved(text: string | null): Saved | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const s = v as Partial<Saved> | null;
  if (
    !s ||
    typeof s.clientID !== 'string' ||
    s.clientID.length === 0 ||
    s.clientID.length > 64 ||
    !Number.isInteger(s.version) ||
    (s.version as number) < 0 ||
    typeof s.doc !== 'string' ||
    !Array.isArray(s.pending) ||
    s.pending.length === 0 ||
    !s.pending.every(isChanges)
  )
    return null;
  return s as Saved;
}

export function readSaved(store: KeyValueStore | null, roomId: Id, round: number): Saved | null {
  try {
    return parseSaved(store?.getItem(savedKey(roomId, round)) ?? null);
  } catch {
    return null; // storage disabled
  }
}

/** Keeps `saved`, or forgets the entry when it is null. False when the browser would not store it. */
export function writeSaved(store: KeyValueStore | null, roomId: Id, round: number, saved: Saved | null): boolean {
  if (!store) return false;
  try {
    if (saved) store.setItem(savedKey(roomId, round), JSON.stringify(saved));
    else store.removeItem(savedKey(roomId, round));
    return true;
  } catch {
    return false; // over quota or disabled: a reload then starts from the server's copy
  }
}

export function sessionStore(): KeyValueStore | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
