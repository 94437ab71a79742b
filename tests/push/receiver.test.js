// The test push service's own checks, against npm's web-push (an independent sender): what it
// decrypts and verifies is what a real Web Push library produces, so the C++ sender's tests
// (sender.test.js) lean on a receiver that is itself tested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import webpush from 'web-push';
import { decryptAes128gcm, verifyVapid } from '../lib/push-service.js';

function browser() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey('base64url'), authB64: auth.toString('base64url') };
}

test('decrypts what web-push encrypts with aes128gcm', () => {
  const ua = browser();
  for (const payload of ['{"type":"invitation","roomId":"r_1"}', 'x', 'é'.repeat(1500)]) {
    const { cipherText } = webpush.encrypt(ua.p256dh, ua.authB64, payload, 'aes128gcm');
    assert.equal(decryptAes128gcm(cipherText, ua.ecdh, ua.auth).toString('utf8'), payload);
  }
});

test('refuses a web-push message for another subscription or with a changed byte', () => {
  const ua = browser();
  const other = browser();
  const { cipherText } = webpush.encrypt(ua.p256dh, ua.authB64, 'secret', 'aes128gcm');
  assert.throws(() => decryptAes128gcm(cipherText, other.ecdh, other.auth));
  assert.throws(() => decryptAes128gcm(cipherText, ua.ecdh, crypto.randomBytes(16)));
  const changed = Buffer.from(cipherText);
  changed[changed.length - 1] ^= 1;
  assert.throws(() => decryptAes128gcm(changed, ua.ecdh, ua.auth));
});

test('decrypts the RFC 8291 appendix A message', () => {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from('q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94', 'base64url'));
  const body = Buffer.from(
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    'base64url');
  const auth = Buffer.from('BTBZMqHH6r4Tts7J_aSIgg', 'base64url');
  assert.equal(decryptAes128gcm(body, ecdh, auth).toString(), 'When I grow up, I want to be a watermelon');
});

test('verifies web-push VAPID headers and their claims', () => {
  const keys = webpush.generateVAPIDKeys();
  const audience = 'https://push.example.net';
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const { Authorization } = webpush.getVapidHeaders(audience, 'mailto:ops@example.com', keys.publicKey, keys.privateKey, 'aes128gcm', exp);
  const { claims, publicKey } = verifyVapid(Authorization, { audience });
  assert.equal(publicKey, keys.publicKey);
  assert.deepEqual(claims, { aud: audience, exp, sub: 'mailto:ops@example.com' });
});

test('refuses VAPID headers a push service would refuse', () => {
  const keys = webpush.generateVAPIDKeys();
  const other = webpush.generateVAPIDKeys();
  const audience = 'https://push.example.net';
  const now = Math.floor(Date.now() / 1000);
  const header = (aud, exp, sub = 'mailto:a@b.c') =>
    webpush.getVapidHeaders(aud, sub, keys.publicKey, keys.privateKey, 'aes128gcm', exp).Authorization;
  assert.throws(() => verifyVapid(header('https://other.example', now + 60), { audience }), /aud/);
  assert.throws(() => verifyVapid(header(audience, now + 60), { audience, nowSeconds: now + 120 }), /expired/);
  assert.throws(() => verifyVapid(header(audience, now + 60), { audience, nowSeconds: now - 25 * 3600 }), /24 hours/);
  const swapped = header(audience, now + 60).replace(/k=.*$/, `k=${other.publicKey}`);
  assert.throws(() => verifyVapid(swapped, { audience }), /signature/);
  assert.throws(() => verifyVapid('WebPush abc', { audience }), /vapid/);
  assert.throws(() => verifyVapid(undefined, { audience }), /vapid/);
});
