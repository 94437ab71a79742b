// GET /api/push/config and the VAPID key file (API.md v2, "Push notifications").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, MockmateServer } from '../lib/server.js';
import { clientFor } from '../lib/http.js';

async function publicKey(srv) {
  const c = clientFor(srv);
  const u = await c.register('Key Reader');
  const res = await c.api('GET', '/api/push/config', { token: u.token });
  assert.equal(res.status, 200, res.text);
  return res.body.publicKey;
}

test('the public key is an uncompressed P-256 point kept in vapid.pem beside the database, mode 0600, across restarts', async (t) => {
  const srv = await startServer();
  t.after(() => srv.cleanup());
  const first = await publicKey(srv);
  assert.match(first, /^[A-Za-z0-9_-]+$/);
  const point = Buffer.from(first, 'base64url');
  assert.equal(point.length, 65);
  assert.equal(point[0], 4);
  const file = path.join(srv.dir, 'vapid.pem');
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  assert.match(await readFile(file, 'utf8'), /-----BEGIN PRIVATE KEY-----/);
  await srv.restart();
  assert.equal(await publicKey(srv), first);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
});

test('--vapid-key-file names the file (its folder is created); another file is another key', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mm-vapid-'));
  const file = path.join(dir, 'keys', 'server.pem');
  const srv = await startServer({ args: ['--vapid-key-file', file] });
  const other = await startServer();
  t.after(async () => {
    await srv.cleanup();
    await other.cleanup();
    await rm(dir, { recursive: true, force: true });
  });
  const key = await publicKey(srv);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  assert.notEqual(await publicKey(other), key);
  await srv.restart();
  assert.equal(await publicKey(srv), key);
});

test('the config needs a session', async (t) => {
  const srv = await startServer();
  t.after(() => srv.cleanup());
  const res = await clientFor(srv).api('GET', '/api/push/config');
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, 'unauthorized');
});

test('--push off: publicKey null, no key file, and subscribing is unavailable', async (t) => {
  const srv = await startServer({ args: ['--push', 'off'] });
  t.after(() => srv.cleanup());
  assert.equal(await publicKey(srv), null);
  await assert.rejects(stat(path.join(srv.dir, 'vapid.pem')), { code: 'ENOENT' });
  const c = clientFor(srv);
  const u = await c.register('No Push');
  const res = await c.api('POST', '/api/push/subscriptions', {
    token: u.token,
    body: { endpoint: 'https://push.example.com/x', keys: { p256dh: Buffer.alloc(65, 4).toString('base64url'), auth: 'AAAAAAAAAAAAAAAAAAAAAA' } },
  });
  assert.equal(res.status, 503, res.text);
  assert.equal(res.body.error.code, 'unavailable');
  const list = await c.api('GET', '/api/push/subscriptions', { token: u.token });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body, { subscriptions: [] });
});

test('a VAPID key file that is not a key stops the start with a message naming it', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mm-vapid-'));
  const file = path.join(dir, 'bad.pem');
  await writeFile(file, 'not a key\n', { mode: 0o600 });
  const srv = new MockmateServer({ args: ['--vapid-key-file', file] });
  t.after(async () => {
    await srv.cleanup();
    await rm(dir, { recursive: true, force: true });
  });
  await assert.rejects(srv.start(), (e) => e.message.includes(file));
});
