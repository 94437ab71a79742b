import { describe, expect, it } from 'vitest';
import { makePartner } from '../../test/fixtures';
import { liveStatus, statusOf } from './presence';

describe('live status', () => {
  it('puts unavailable before busy before online', () => {
    expect(liveStatus({ online: true, busy: true, available: false })).toBe('unavailable');
    expect(liveStatus({ online: true, busy: true, available: true })).toBe('busy');
    expect(liveStatus({ online: true, busy: false, available: true })).toBe('online');
    expect(liveStatus({ online: false, busy: false, available: true })).toBe('offline');
  });

  it('prefers the latest presence event over the partner list', () => {
    const p = makePartner({ online: false });
    expect(statusOf(p, undefined)).toBe('offline');
    expect(statusOf(p, { userId: p.id, online: true, busy: true, available: true })).toBe('busy');
  });
});
