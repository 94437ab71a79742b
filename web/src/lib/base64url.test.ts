import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, bytesToBase64Url, sameBytes } from './base64url';

// The VAPID public key of RFC 8292's example (an uncompressed P-256 point, 65 bytes).
const RFC8292_KEY = 'BA1Hxzyi1RUM1b5wjxsn7nGxAszw2u61m164i3MrAIxHF6YK5h4SDYic-dRuU_RCPCfA5aq9ojSwk5Y2EmClBPs';

describe('base64url', () => {
  it('decodes a VAPID public key into its 65 bytes', () => {
    const key = base64UrlToBytes(RFC8292_KEY);
    expect(key.length).toBe(65);
    expect(key[0]).toBe(0x04);
    expect(bytesToBase64Url(key)).toBe(RFC8292_KEY);
  });

  it('uses - and _ where base64 has + and /, with or without padding', () => {
    expect(Array.from(base64UrlToBytes('-_8'))).toEqual([0xfb, 0xff]);
    expect(Array.from(base64UrlToBytes('-_8='))).toEqual([0xfb, 0xff]);
    expect(bytesToBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(Array.from(base64UrlToBytes(''))).toEqual([]);
  });

  it('refuses what is not base64url', () => {
    expect(() => base64UrlToBytes('ab+c')).toThrow();
    expect(() => base64UrlToBytes('ab/c')).toThrow();
    expect(() => base64UrlToBytes('abcde')).toThrow();
  });

  it('compares keys byte by byte', () => {
    const key = base64UrlToBytes(RFC8292_KEY);
    expect(sameBytes(key.slice().buffer, key)).toBe(true);
    expect(sameBytes(key.slice(1), key)).toBe(false);
    expect(sameBytes(null, key)).toBe(false);
  });
});
