// base64url (RFC 4648 section 5, no padding) and bytes: the VAPID public key of
// GET /api/push/config becomes the `applicationServerKey` of PushManager.subscribe.

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** The bytes of a base64url string (padding optional); throws on other characters. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const s = text.replace(/=+$/, '');
  if (!ALPHABET.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let bin = '';
  for (const b of u8) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function sameBytes(a: ArrayBuffer | Uint8Array | null | undefined, b: Uint8Array): boolean {
  if (!a) return false;
  const x = a instanceof Uint8Array ? a : new Uint8Array(a);
  return x.length === b.length && x.every((v, i) => v === b[i]);
}
