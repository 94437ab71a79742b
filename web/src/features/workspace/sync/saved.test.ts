import { describe, expect, it } from 'vitest';
import { parseSaved, readSaved, savedKey, writeSaved, type KeyValueStore } from './saved';

class MemoryStore implements KeyValueStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('unsent edits kept for a reload', () => {
  const saved = { clientID: 'abc', version: 3, doc: 'x = 1\n', pending: [[6, [0, 'y']], [[1, 'z'], 6]] as never };

  it('round-trips per room and round, and is forgotten when nothing is unsent', () => {
    const store = new MemoryStore();
    expect(writeSaved(store, 'r1', 2, saved)).toBe(true);
    expect(readSaved(store, 'r1', 2)).toEqual(saved);
    expect(readSaved(store, 'r1', 1)).toBeNull();
    writeSaved(store, 'r1', 2, null);
    expect(store.map.has(savedKey('r1', 2))).toBe(false);
  });

  it('ignores what is not such a record', () => {
    expect(parseSaved('{')).toBeNull();
    expect(parseSaved(JSON.stringify({ ...saved, version: -1 }))).toBeNull();
    expect(parseSaved(JSON.stringify({ ...saved, pending: [] }))).toBeNull();
    expect(parseSaved(JSON.stringify({ ...saved, pending: [['a']] }))).toBeNull();
    expect(parseSaved(JSON.stringify({ ...saved, clientID: 'x'.repeat(65) }))).toBeNull();
  });

  it('survives a store that refuses to write', () => {
    const full: KeyValueStore = { ...new MemoryStore(), getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(writeSaved(full, 'r', 1, saved)).toBe(false);
    expect(writeSaved(null, 'r', 1, saved)).toBe(false);
  });
});
