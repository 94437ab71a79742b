// The sender over HTTPS to a local push service whose certificate comes from a throwaway CA:
// verification is on (the CA is handed to push-send with its test-only --ca-file), and a wrong
// CA, the system store, or a certificate for another name all fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPath } from '../lib/spawn.js';
import { startPushService } from '../lib/push-service.js';
import { makeCa } from '../lib/test-ca.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mm-push-tls-'));
let ca, otherCa, svc, wrongName, named;

before(async () => {
  ca = makeCa(dir, 'push-test-ca');
  otherCa = makeCa(dir, 'other-ca');
  svc = await startPushService({ tls: ca.issue({ cn: '127.0.0.1', san: 'IP:127.0.0.1' }) });
  wrongName = await startPushService({ tls: ca.issue({ cn: 'push.example.net', san: 'DNS:push.example.net' }) });
  named = await startPushService({ name: 'localhost', tls: ca.issue({ cn: 'localhost', san: 'DNS:localhost' }) });
});
after(async () => {
  await svc.stop();
  await wrongName.stop();
  await named.stop();
  rmSync(dir, { recursive: true, force: true });
});

function pushSend(service, sub, extra) {
  const subFile = path.join(dir, `sub-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(subFile, JSON.stringify(sub));
  const argv = ['--vapid-key-file', path.join(dir, 'vapid.pem'), '--subscription', subFile, '--payload-text', '{"type":"tls"}',
    '--push-allow-origin', service.origin, '--backoff-ms', '100', ...extra];
  return new Promise((resolve, reject) => execFile(buildPath('push-send'), argv, { timeout: 60_000 }, (error, stdout, stderr) =>
    (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)))));
}

test('delivers over TLS when the certificate chains to the given CA and names the host', async () => {
  const sub = svc.subscribe();
  assert.match(sub.endpoint, /^https:\/\/127\.0\.0\.1:/);
  const out = await pushSend(svc, sub, ['--ca-file', ca.certFile]);
  assert.deepEqual([out.outcome, out.status, out.attempts], ['delivered', 201, 1]);
  const [got] = svc.received(sub.id);
  assert.equal(got.payload, '{"type":"tls"}');
  assert.equal(got.vapid.claims.aud, svc.origin);
});

test('a certificate from another CA is refused, and not tried again', async () => {
  const sub = svc.subscribe();
  const out = await pushSend(svc, sub, ['--ca-file', otherCa.certFile]);
  assert.equal(out.outcome, 'tls_failed');
  assert.equal(out.attempts, 1);
  assert.match(out.error, /certificate verify failed.*unable to get local issuer certificate/);
  assert.equal(svc.received(sub.id).length, 0);
});

test('without --ca-file the system store is used, and it does not trust the test CA', async () => {
  const sub = svc.subscribe();
  const out = await pushSend(svc, sub, []);
  assert.equal(out.outcome, 'tls_failed');
  assert.equal(svc.received(sub.id).length, 0);
});

test('a certificate for another host name is refused', async () => {
  const sub = wrongName.subscribe();
  const out = await pushSend(wrongName, sub, ['--ca-file', ca.certFile]);
  assert.equal(out.outcome, 'tls_failed');
  assert.match(out.error, /certificate verify failed.*IP address mismatch/);
  assert.equal(wrongName.received(sub.id).length, 0);
});

test('a named host gets SNI and its certificate is checked against the name', async () => {
  const sub = named.subscribe();
  assert.match(sub.endpoint, /^https:\/\/localhost:/);
  const out = await pushSend(named, sub, ['--ca-file', ca.certFile]);
  assert.deepEqual([out.outcome, out.status], ['delivered', 201]);
  const [got] = named.received(sub.id);
  assert.equal(got.servername, 'localhost');
  assert.equal(got.headers.host, `localhost:${named.port}`);
  assert.equal(got.vapid.claims.aud, named.origin);
});
