import { describe, expect, it } from 'vitest';
import { permissionProblem, pushSupportOf } from './support';

describe('push support', () => {
  const all = { secureContext: true, serviceWorker: true, pushManager: true, notification: true };

  it('needs a secure context, a service worker, the Push API and notifications', () => {
    expect(pushSupportOf(all)).toBe('supported');
    expect(pushSupportOf({ ...all, secureContext: false })).toBe('insecure');
    expect(pushSupportOf({ ...all, pushManager: false })).toBe('unsupported');
    expect(pushSupportOf({ ...all, serviceWorker: false })).toBe('unsupported');
    expect(pushSupportOf({ ...all, notification: false })).toBe('unsupported');
  });

  it('explains a refused or dismissed permission', () => {
    expect(permissionProblem('granted')).toBeNull();
    expect(permissionProblem('denied')).toMatch(/blocks notifications/);
    expect(permissionProblem('default')).toMatch(/not allowed/);
  });
});
