// Web Push across nodes: "no connected socket on any node" is the cluster's presence, and each
// push is sent once, not once per node (API.md v2, "Push notifications"; docs/push.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCluster, waitUntilNodesSeeEachOther, sleep } from './lib/cluster.js';
import { clientFor } from '../integration/lib/http.js';
import { connect, close } from '../integration/lib/socket.js';
import { startPushService } from '../lib/push-service.js';

let cl;
let svc;
let keyDir;
before(async () => {
  svc = await startPushService();
  keyDir = await mkdtemp(path.join(os.tmpdir(), 'mm-push-cluster-'));
  // One key for every node: browsers subscribed with it, whichever node they asked.
  cl = await startCluster({ nodes: 2, args: ['--push-allow-origin', svc.origin, '--vapid-key-file', path.join(keyDir, 'vapid.pem')] });
  await waitUntilNodesSeeEachOther(cl);
});
after(async () => {
  await cl?.cleanup();
  await svc?.stop();
  await rm(keyDir, { recursive: true, force: true });
});

async function subscribedOn(node, who) {
  const browser = svc.subscribe();
  const res = await clientFor(node).api('POST', '/api/push/subscriptions', { token: who.token, body: { endpoint: browser.endpoint, keys: browser.keys } });
  assert.equal(res.status, 201, res.text);
  return browser;
}

async function waitFor(read, n, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (read().length < n) {
    if (Date.now() > until) assert.fail(`expected ${n} pushes, got ${read().length}`);
    await sleep(25);
  }
  return read();
}

test('every node answers the same public key', async () => {
  const keys = [];
  for (const node of cl.nodes) {
    const c = clientFor(node);
    const u = await c.register('Key Reader');
    keys.push((await c.api('GET', '/api/push/config', { token: u.token })).body.publicKey);
  }
  assert.equal(keys[0].length > 80, true);
  assert.equal(keys[1], keys[0]);
});

test('an offline invitee is pushed once, and the closing once, whichever nodes act', async () => {
  const [n0, n1] = cl.nodes;
  const c0 = clientFor(n0);
  const c1 = clientFor(n1);
  const ada = await c0.readyUser('Ada');
  const bob = await c0.readyUser('Bob');
  const browser = await subscribedOn(n1, bob);
  const sent = await c0.invite(ada, bob);
  assert.equal(sent.status, 201, sent.text);
  const roomId = sent.body.interview.roomId;
  await waitFor(() => svc.received(browser.id), 1);
  const declined = await c1.act(bob, 'reject', roomId);
  assert.equal(declined.status, 200, declined.text);
  const got = await waitFor(() => svc.received(browser.id), 2);
  await sleep(500);
  assert.equal(svc.received(browser.id).length, 2, 'one push each, not one per node');
  assert.deepEqual(JSON.parse(got[0].payload).type, 'invitation');
  assert.deepEqual(JSON.parse(got[1].payload), { type: 'invitation-closed', roomId, status: 'rejected' });
});

test('a socket on another node means no push', async () => {
  const [n0, n1] = cl.nodes;
  const c0 = clientFor(n0);
  const ada = await c0.readyUser('Ada');
  const bob = await c0.readyUser('Bob');
  const browser = await subscribedOn(n0, bob);
  const tab = await connect(n1, { token: bob.token });
  // Node 0 learns of bob's socket on node 1 through the cluster's presence.
  const until = Date.now() + 10_000;
  for (;;) {
    const watcher = await c0.readyUser('Watcher');
    const s = await connect(n0, { token: watcher.token });
    const ack = await s.timeout(5000).emitWithAck('watch-presence', { userIds: [bob.user.id] });
    close(n0, s);
    if (ack.presence?.[0]?.online) break;
    if (Date.now() > until) assert.fail('node 0 never saw bob online');
    await sleep(100);
  }
  const sent = await c0.invite(ada, bob);
  assert.equal(sent.status, 201, sent.text);
  // A sentinel invitee without sockets, invited after through the same node.
  const carol = await c0.readyUser('Carol');
  const carolBrowser = await subscribedOn(n0, carol);
  const dan = await c0.readyUser('Dan');
  assert.equal((await c0.invite(dan, carol)).status, 201);
  await waitFor(() => svc.received(carolBrowser.id), 1);
  await sleep(300);
  assert.equal(svc.received(browser.id).length, 0);
  close(n1, tab);
});
