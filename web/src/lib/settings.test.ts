import { describe, expect, it } from 'vitest';
import { ICE_POLICY_KEY, iceTransportPolicy } from './settings';

const storage = (v: string | null) => ({ getItem: (k: string) => (k === ICE_POLICY_KEY ? v : null) });

describe('iceTransportPolicy', () => {
  it('defaults to all', () => {
    expect(iceTransportPolicy('', storage(null))).toBe('all');
    expect(iceTransportPolicy('', null)).toBe('all');
  });
  it('forces relay from the query string or localStorage', () => {
    expect(iceTransportPolicy('?relay=1', storage(null))).toBe('relay');
    expect(iceTransportPolicy('', storage('relay'))).toBe('relay');
  });
  it('lets ?relay=0 override localStorage', () => {
    expect(iceTransportPolicy('?relay=0', storage('relay'))).toBe('all');
  });
  it('survives a storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('denied'); } };
    expect(iceTransportPolicy('', throwing)).toBe('all');
  });
});
