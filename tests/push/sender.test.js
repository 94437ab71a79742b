// The real C++ sender (build/push-send, the push layer) against a local push service that checks
// VAPID and decrypts the payload independently (tests/lib/push-service.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPath } from '../lib/spawn.js';
import { startPushService } from '../lib/push-service.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mm-push-send-'));
const keyFile = path.join(dir, 'vapid.pem');
let svc;

before(async () => { svc = await startPushService(); });
after(async () => {
  await svc.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Runs push-send once for `subscription`; resolves with its JSON answer and how long it took.
function pushSend(subscription, { payload = '{"type":"test"}', allow = [svc.origin], args = [] } = {}) {
  const subFile = path.join(dir, `sub-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(subFile, JSON.stringify(subscription));
  const argv = ['--vapid-key-file', keyFile, '--subscription', subFile, '--payload-text', payload,
    ...allow.flatMap((o) => ['--push-allow-origin', o]), ...args];
  return new Promise((resolve, reject) => {
    execFile(buildPath('push-send'), argv, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`push-send failed: ${error.message}\n${stderr}`));
      resolve({ ...JSON.parse(stdout), stderr });
    });
  });
}

const fast = ['--backoff-ms', '200'];

test('delivers an encrypted, VAPID-signed push with every header', async () => {
  const sub = svc.subscribe();
  const payload = JSON.stringify({ type: 'invitation', roomId: 'room_1', from: { id: 'u_1', name: 'Ada' } });
  const out = await pushSend(sub, { payload, args: ['--ttl', '90', '--urgency', 'high', '--topic', 'abcDEF-_123', '--vapid-subject', 'mailto:ops@mockmate.test'] });
  assert.deepEqual([out.outcome, out.status, out.attempts], ['delivered', 201, 1]);
  const [got] = svc.received(sub.id);
  assert.equal(svc.received(sub.id).length, 1);
  assert.equal(got.method, 'POST');
  assert.equal(got.payload, payload, got.decryptError);
  assert.equal(got.headers.ttl, '90');
  assert.equal(got.headers.urgency, 'high');
  assert.equal(got.headers.topic, 'abcDEF-_123');
  assert.equal(got.headers['content-encoding'], 'aes128gcm');
  assert.equal(got.headers['content-type'], 'application/octet-stream');
  assert.equal(Number(got.headers['content-length']), got.body.length);
  assert.equal(got.headers.host, `127.0.0.1:${svc.port}`);
  assert.equal(got.vapid.error, undefined);
  assert.equal(got.vapid.publicKey, out.publicKey);
  assert.equal(got.vapid.claims.aud, svc.origin);
  assert.equal(got.vapid.claims.sub, 'mailto:ops@mockmate.test');
  const now = Math.floor(got.at / 1000);
  assert.ok(got.vapid.claims.exp > now + 11 * 3600, `exp ${got.vapid.claims.exp}`);
  assert.ok(got.vapid.claims.exp <= now + 12 * 3600, `exp ${got.vapid.claims.exp} more than 12 h ahead`);
});

test('the VAPID key file is created with mode 0600 and kept across runs', async () => {
  const first = await pushSend(svc.subscribe());
  const second = await pushSend(svc.subscribe());
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  assert.equal(first.publicKey, second.publicKey);
  assert.equal(Buffer.from(first.publicKey, 'base64url').length, 65);
  assert.match(readFileSync(keyFile, 'utf8'), /-----BEGIN PRIVATE KEY-----/);
});

test('defaults: Urgency normal, no Topic, sub mailto:admin@localhost', async () => {
  const sub = svc.subscribe();
  await pushSend(sub);
  const [got] = svc.received(sub.id);
  assert.equal(got.headers.urgency, 'normal');
  assert.equal(got.headers.topic, undefined);
  assert.equal(got.headers.ttl, '60');
  assert.equal(got.vapid.claims.sub, 'mailto:admin@localhost');
});

test('a key file that is not a P-256 key stops the tool with a clear error', async () => {
  const bad = path.join(dir, 'bad.pem');
  writeFileSync(bad, 'garbage\n');
  const subFile = path.join(dir, 'bad-sub.json');
  writeFileSync(subFile, JSON.stringify(svc.subscribe()));
  const result = await new Promise((resolve) => execFile(buildPath('push-send'),
    ['--vapid-key-file', bad, '--subscription', subFile, '--push-allow-origin', svc.origin],
    (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stdout, stderr })));
  assert.equal(result.code, 2);
  assert.match(result.stderr, /bad\.pem: holds no P-256 private key/);
  assert.equal(result.stdout, '');
});

test('410 and 404 mean the subscription is gone', async () => {
  for (const status of [410, 404]) {
    const sub = svc.subscribe();
    svc.script(sub.id, [{ status }]);
    const out = await pushSend(sub, { args: fast });
    assert.deepEqual([out.outcome, out.status, out.attempts], ['gone', status, 1]);
    assert.equal(svc.received(sub.id).length, 1);
  }
});

test('413 is too large and not tried again; 400 is rejected', async () => {
  const sub = svc.subscribe();
  svc.script(sub.id, [{ status: 413 }]);
  const out = await pushSend(sub, { args: fast });
  assert.deepEqual([out.outcome, out.status, out.attempts], ['too_large', 413, 1]);
  const other = svc.subscribe();
  svc.script(other.id, [{ status: 400 }]);
  assert.equal((await pushSend(other, { args: fast })).outcome, 'rejected');
  assert.equal(svc.received(other.id).length, 1);
});

test('5xx is tried again with backoff and can then succeed', async () => {
  const sub = svc.subscribe();
  svc.script(sub.id, [{ status: 500 }, { status: 503 }, { status: 201 }]);
  const out = await pushSend(sub, { args: fast });
  assert.deepEqual([out.outcome, out.status, out.attempts], ['delivered', 201, 3]);
  const times = svc.received(sub.id).map((r) => r.at);
  assert.equal(times.length, 3);
  assert.ok(times[1] - times[0] >= 150, `first retry after ${times[1] - times[0]} ms`);
  assert.ok(times[2] - times[1] >= 350, `second retry after ${times[2] - times[1]} ms (backoff doubles)`);
  assert.ok(svc.received(sub.id).every((r) => r.payload === '{"type":"test"}'));
});

test('429 honours Retry-After, and three failures give up', async () => {
  const sub = svc.subscribe();
  svc.script(sub.id, [{ status: 429, headers: { 'Retry-After': '1' } }, { status: 502 }, { status: 500 }, { status: 201 }]);
  const out = await pushSend(sub, { args: fast });
  assert.deepEqual([out.outcome, out.status, out.attempts], ['failed', 500, 3]);
  const times = svc.received(sub.id).map((r) => r.at);
  assert.equal(times.length, 3, 'no fourth try');
  assert.ok(times[1] - times[0] >= 950, `Retry-After: 1 waited only ${times[1] - times[0]} ms`);
});

test('Retry-After as an HTTP date is honoured', async () => {
  const sub = svc.subscribe();
  const when = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toUTCString();
  svc.script(sub.id, [{ status: 503, headers: { 'Retry-After': when } }, { status: 201 }]);
  const out = await pushSend(sub, { args: fast });
  assert.deepEqual([out.outcome, out.attempts], ['delivered', 2]);
  const [a, b] = svc.received(sub.id).map((r) => r.at);
  assert.ok(b - a >= 900, `an HTTP-date Retry-After waited only ${b - a} ms`);
});

test('a Retry-After beyond the deadline is not waited for', async () => {
  const sub = svc.subscribe();
  svc.script(sub.id, [{ status: 429, headers: { 'Retry-After': '120' } }]);
  const out = await pushSend(sub, { args: [...fast, '--deadline-seconds', '5'] });
  assert.deepEqual([out.outcome, out.status, out.attempts, out.retryAfter], ['failed', 429, 1, 120]);
});

test('a network error is tried again, then reported', async () => {
  const closed = await startPushService();
  const sub = closed.subscribe();
  await closed.stop(); // nothing listens on that port any more
  const out = await pushSend(sub, { allow: [closed.origin], args: fast });
  assert.deepEqual([out.outcome, out.status, out.attempts], ['failed', 0, 3]);
  assert.match(out.error, /connecting: Connection refused/);
});

test('a redirect is a failure of its own and is never followed', async () => {
  const sub = svc.subscribe();
  const target = svc.subscribe();
  svc.script(sub.id, [{ status: 307, headers: { Location: target.endpoint } }]);
  const out = await pushSend(sub, { args: fast });
  assert.deepEqual([out.outcome, out.status, out.attempts], ['redirected', 307, 1]);
  assert.equal(svc.received(target.id).length, 0);
  assert.equal(svc.stray.length, 0);
});

test('a slow push service hits the timeout on every try', async () => {
  const sub = svc.subscribe();
  svc.script(sub.id, [{ status: 201, delayMs: 4000 }, { status: 201, delayMs: 4000 }, { status: 201, delayMs: 4000 }]);
  const out = await pushSend(sub, { args: [...fast, '--attempt-timeout-ms', '400'] });
  assert.equal(out.outcome, 'failed');
  assert.equal(out.attempts, 3);
  assert.match(out.error, /reading the response: timeout/);
  assert.equal(svc.received(sub.id).length, 3);
});

test('SSRF: internal endpoints are refused before anything is sent', async () => {
  const sub = svc.subscribe();
  const keys = sub.keys;
  const cases = [
    [`https://127.0.0.1:${svc.port}/push/${sub.id}`, /internal address \(loopback\)/],
    [sub.endpoint, /https/],                                   // http without the allow list
    ['https://10.1.2.3/push/x', /internal address \(private_use\)/],
    ['https://169.254.169.254/latest/meta-data/', /internal address \(link_local\)/],
    ['https://[::1]:9/push/x', /internal address \(loopback\)/],
    ['https://[::ffff:127.0.0.1]:9/push/x', /internal address \(loopback\)/],
    ['https://100.64.0.1/push/x', /internal address \(shared\)/],
    [`https://localhost:${svc.port}/push/${sub.id}`, /localhost resolves to an internal address \(loopback\)/],
    ['https://user:pw@push.example.net/x', /user information/],
  ];
  for (const [endpoint, reason] of cases) {
    const out = await pushSend({ endpoint, keys }, { allow: [] });
    assert.equal(out.outcome, 'refused', endpoint);
    assert.equal(out.attempts, 0, endpoint);
    assert.match(out.error, reason, endpoint);
  }
  assert.equal(svc.received(sub.id).length, 0);
});

test('the allow-origin flag is the only way to reach 127.0.0.1, and only that origin', async () => {
  const sub = svc.subscribe();
  assert.equal((await pushSend(sub, { allow: [] })).outcome, 'refused');
  assert.equal((await pushSend(sub, { allow: [`http://127.0.0.1:${svc.port + 1}`] })).outcome, 'refused');
  assert.equal((await pushSend(sub, { allow: [`http://localhost:${svc.port}`] })).outcome, 'refused');
  assert.equal(svc.received(sub.id).length, 0);
  assert.equal((await pushSend(sub, { allow: [svc.origin] })).outcome, 'delivered');
  assert.equal(svc.received(sub.id).length, 1);
});

test('the endpoint check of a subscription resolves and vets the host', async () => {
  const vet = (endpoint, allow = []) => pushSend({ endpoint, keys: {} }, { allow, args: ['--vet'] });
  assert.match((await vet(`https://localhost:${svc.port}/push/x`)).error, /localhost resolves to an internal address/);
  assert.equal((await vet('https://10.0.0.1/x')).outcome, 'refused');
  assert.equal((await vet('http://push.example.net/x')).outcome, 'refused');
  const ok = await vet(`${svc.origin}/push/x`, [svc.origin]);
  assert.deepEqual([ok.outcome, ok.origin], ['ok', svc.origin]);
});

test('bad subscription keys are refused by name', async () => {
  const sub = svc.subscribe();
  const subFile = path.join(dir, 'badkeys.json');
  writeFileSync(subFile, JSON.stringify({ endpoint: sub.endpoint, keys: { p256dh: sub.keys.p256dh.slice(0, 40), auth: sub.keys.auth } }));
  const result = await new Promise((resolve) => execFile(buildPath('push-send'),
    ['--vapid-key-file', keyFile, '--subscription', subFile, '--push-allow-origin', svc.origin],
    (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stderr })));
  assert.equal(result.code, 2);
  assert.match(result.stderr, /keys\.p256dh/);
});
