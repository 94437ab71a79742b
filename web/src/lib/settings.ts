// Settings read from the URL or localStorage, mainly for tests and diagnostics.

export const ICE_POLICY_KEY = 'mm.iceTransportPolicy';

interface StorageLike {
  getItem(key: string): string | null;
}

/**
 * The ICE transport policy: `relay` when `?relay=1` is in the URL or
 * localStorage `mm.iceTransportPolicy` is `relay` (TURN-only tests), else `all`.
 */
export function iceTransportPolicy(search: string, storage: StorageLike | null): RTCIceTransportPolicy {
  const params = new URLSearchParams(search);
  const relay = params.get('relay');
  if (relay === '1' || relay === 'true') return 'relay';
  if (relay === '0' || relay === 'false') return 'all';
  try {
    if (storage?.getItem(ICE_POLICY_KEY) === 'relay') return 'relay';
  } catch {
    // Storage may be unavailable (privacy mode); fall through.
  }
  return 'all';
}

export function currentIceTransportPolicy(): RTCIceTransportPolicy {
  let storage: StorageLike | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  return iceTransportPolicy(window.location.search, storage);
}
