// Shared by the push tests: a mockmate server whose pushes go to a local push service
// (tests/lib/push-service.js, which checks VAPID and decrypts with node:crypto), and waits.
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { clientFor, sleep } from '../lib/http.js';
import { startPushService } from '../../lib/push-service.js';

export { sleep };

// { srv, svc, c }: the server allows the push service's origin (http://127.0.0.1:PORT).
export async function pushWorld({ args = [] } = {}) {
  const svc = await startPushService();
  const srv = await startServer({ args: ['--push-allow-origin', svc.origin, ...args] });
  return { srv, svc, c: clientFor(srv) };
}

// POST /api/push/subscriptions for `who` with the browser subscription `sub`; the raw response.
export const subscribe = (c, who, sub, extra = {}) =>
  c.api('POST', '/api/push/subscriptions', { token: who.token, body: { endpoint: sub.endpoint, keys: sub.keys, ...extra } });

// A subscription that must be created: its {id, endpoint, createdAt}.
export async function subscribed(c, who, sub) {
  const res = await subscribe(c, who, sub);
  assert.equal(res.status, 201, res.text);
  return res.body.subscription;
}

// Waits until `read()` has at least `n` entries (default 10 s); returns them.
export async function atLeast(read, n, what = 'pushes', timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = read();
    if (got.length >= n) return got;
    if (Date.now() > until) assert.fail(`expected ${n} ${what} within ${timeoutMs} ms, got ${got.length}`);
    await sleep(25);
  }
}

// The pushes received for `sub`, each with its payload parsed (the push service decrypted it).
export function pushes(svc, sub) {
  return svc.received(sub.id).map((r) => {
    assert.equal(r.decryptError, undefined, `decrypt: ${r.decryptError}`);
    assert.equal(r.vapid.error, undefined, `VAPID: ${r.vapid.error}`);
    return { ...r, json: JSON.parse(r.payload) };
  });
}

export const waitPushes = (svc, sub, n, timeoutMs) => atLeast(() => pushes(svc, sub), n, 'pushes', timeoutMs);
