// Several mockmate nodes sharing one database and one private Redis (--redis), for the
// multi-node black-box tests. Reuses the integration helpers (tests/integration/lib).
//
//   const cl = await startCluster({ nodes: 3, args: ['--invitation-ttl', '2'] });
//   cl.nodes[0].url ...; await cl.redis.stop(); await cl.redis.start(); await cl.nodes[2].kill9();
//   await cl.cleanup();
//
// The database is `sqlite:<temp dir>/shared.db` (WAL: several processes share it), or
// $MOCKMATE_TEST_PG_URL when set. Redis comes from scripts/redis-test-server.sh with a state file
// of its own, so it never touches a developer's instance.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MockmateServer, REPO_ROOT } from '../../integration/lib/server.js';
import { connect, emitAck, close } from '../../integration/lib/socket.js';
import { clientFor, sleep } from '../../integration/lib/http.js';

const run = promisify(execFile);
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'redis-test-server.sh');

// A node on the shared database; its own temp dir is only its working directory.
class ClusterNode extends MockmateServer {
  constructor(opts, dbUrl) {
    super(opts);
    this.sharedDb = dbUrl;
  }
  get dbUrl() { return this.sharedDb; }
}

export class TestRedis {
  constructor(dir) {
    this.env = { ...process.env, MOCKMATE_REDIS_STATE: path.join(dir, 'redis.state') };
    this.port = null;
    this.url = null;
  }
  async start() {
    const env = this.port ? { ...this.env, MOCKMATE_REDIS_PORT: String(this.port) } : this.env;
    const { stdout } = await run(SCRIPT, ['start'], { env });
    this.url = stdout.trim();
    this.port = Number(new URL(this.url).port);
    return this.url;
  }
  // Stops it (its data is gone: no persistence); start() brings it back on the same port.
  async stop() { await run(SCRIPT, ['stop'], { env: this.env }); }
}

export async function startCluster({ nodes = 3, args = [] } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mockmate-mn-'));
  const redis = new TestRedis(dir);
  await redis.start();
  const dbUrl = process.env.MOCKMATE_TEST_PG_URL || `sqlite:${path.join(dir, 'shared.db')}`;
  const list = [];
  const make = () => new ClusterNode({ args: ['--redis', redis.url, ...args] }, dbUrl);
  try {
    // The first node migrates and seeds the database; the others start on it together.
    list.push(await make().start());
    list.push(...await Promise.all([...Array(nodes - 1)].map(() => make().start())));
  } catch (err) {
    for (const n of list) await n.cleanup().catch(() => {});
    await redis.stop().catch(() => {});
    throw err;
  }
  const cluster = {
    dir, redis, dbUrl, nodes: list,
    client: clientFor(list[0]),
    // A fresh node on the same database and Redis.
    async addNode() { const n = await make().start(); list.push(n); return n; },
    async cleanup() {
      for (const n of list) await n.cleanup().catch(() => {});
      await redis.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
  await waitUntilNodesSeeEachOther(cluster);
  return cluster;
}

// Resolves once a user connected to each node is seen online from every other node (the nodes
// have exchanged their state).
export async function waitUntilNodesSeeEachOther(cluster, timeoutMs = 10_000) {
  const { nodes } = cluster;
  const c = clientFor(nodes[0]);
  const probe = await c.register('Cluster probe');
  const watchers = await Promise.all(nodes.map((n) => connect(n, { token: probe.token })));
  const deadline = Date.now() + timeoutMs;
  try {
    // One user per node, connected there only; every node must see all of them online.
    const singles = await Promise.all(nodes.map(async (n) => {
      const u = await c.register('Cluster probe single');
      u.socket = await connect(n, { token: u.token });
      return u;
    }));
    const ids = singles.map((u) => u.user.id);
    for (const w of watchers) {
      for (;;) {
        const ack = await emitAck(w, 'watch-presence', { userIds: ids });
        if (ack?.ok && ack.presence.length === ids.length && ack.presence.every((p) => p.online)) break;
        if (Date.now() > deadline) throw new Error(`nodes do not see each other's users: ${JSON.stringify(ack)}`);
        await sleep(100);
      }
    }
    singles.forEach((u, i) => close(nodes[i], u.socket));
  } finally {
    watchers.forEach((w, i) => close(nodes[i], w));
  }
}

// A user with a complete profile and one socket on each of the given nodes: { ...user, tabs }.
export async function personOn(cluster, name, nodeIndexes, profile = {}) {
  const u = await cluster.client.readyUser(name, profile);
  u.tabs = [];
  for (const i of nodeIndexes) {
    const s = await connect(cluster.nodes[i], { token: u.token });
    s.node = i;
    u.tabs.push(s);
  }
  u.tab = u.tabs[0];
  return u;
}

export { sleep };
