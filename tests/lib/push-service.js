// A local Web Push service (RFC 8030) for tests: it checks what a real push service checks and
// opens what a browser opens, with node:crypto only (an implementation independent of the
// server's), and answers as it is told.
//
//   const svc = await startPushService();                 // http://127.0.0.1:PORT
//   const svc = await startPushService({ tls: { key, cert } });   // https, for TLS tests
//   const sub = svc.subscribe();      // {id, endpoint, keys: {p256dh, auth}}: a browser's subscription
//   svc.script(sub.id, [{ status: 429, headers: { 'Retry-After': '1' } }, { status: 201 }]);
//   ... the sender pushes to sub.endpoint ...
//   svc.received(sub.id)  // [{at, headers, body, servername (TLS SNI), vapid: {claims, publicKey} | {error},
//                         //   payload | decryptError}]
//   await svc.stop();
//
// A scripted answer is {status, headers?, delayMs?}: delayMs holds the answer back (a slow
// service). Without a script every push is answered 201. Requests to paths that are not a
// subscription's are recorded in svc.stray and answered 404.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

const b64u = (buf) => Buffer.from(buf).toString('base64url');
const unb64u = (s) => Buffer.from(s, 'base64url');

// RFC 8291 section 3.4 and RFC 8188, from the user agent's side: the plaintext of `body` for the
// ECDH key `uaEcdh` (crypto.createECDH('prime256v1') with its private key) and `authSecret`.
// Throws when the body is not a valid message for them.
export function decryptAes128gcm(body, uaEcdh, authSecret) {
  body = Buffer.from(body);
  if (body.length < 21) throw new Error('aes128gcm: body shorter than its header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  if (rs < 18) throw new Error('aes128gcm: record size below 18');
  const keyid = body.subarray(21, 21 + idlen);
  if (idlen !== 65 || keyid[0] !== 4) throw new Error('aes128gcm: keyid is not an uncompressed P-256 point');
  const uaPublic = uaEcdh.getPublicKey();
  const ecdhSecret = uaEcdh.computeSecret(keyid);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, keyid]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  let rest = body.subarray(21 + idlen);
  if (rest.length === 0) throw new Error('aes128gcm: no record');
  const parts = [];
  for (let seq = 0; rest.length > 0; seq++) {
    const record = rest.subarray(0, rs);
    rest = rest.subarray(record.length);
    if (record.length < 17) throw new Error('aes128gcm: record too short');
    const iv = Buffer.from(nonce);
    iv.writeUInt32BE((iv.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = crypto.createDecipheriv('aes-128-gcm', cek, iv);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = rest.length === 0;
    if (end < 0 || plain[end] !== (last ? 2 : 1)) throw new Error('aes128gcm: bad padding delimiter');
    parts.push(plain.subarray(0, end));
  }
  return Buffer.concat(parts);
}

// RFC 8292: checks an `Authorization: vapid t=<JWT>, k=<key>` header as a push service does, for
// a push to `audience` (the origin of the endpoint) at `nowSeconds`. Returns {claims, publicKey}
// or throws with the reason.
export function verifyVapid(authorization, { audience, nowSeconds = Math.floor(Date.now() / 1000) }) {
  const m = /^vapid (.+)$/.exec(authorization ?? '');
  if (!m) throw new Error('vapid: no "vapid" Authorization');
  const params = Object.fromEntries(m[1].split(',').map((p) => p.trim().split('=')).map(([k, ...v]) => [k, v.join('=')]));
  if (!params.t || !params.k) throw new Error('vapid: t= and k= are required');
  const point = unb64u(params.k);
  if (point.length !== 65 || point[0] !== 4) throw new Error('vapid: k is not an uncompressed P-256 point');
  const publicKey = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const parts = params.t.split('.');
  if (parts.length !== 3) throw new Error('vapid: the token is not a JWS compact serialization');
  const header = JSON.parse(unb64u(parts[0]).toString());
  if (header.alg !== 'ES256') throw new Error(`vapid: alg ${header.alg}, not ES256`);
  if (header.typ !== undefined && header.typ !== 'JWT') throw new Error(`vapid: typ ${header.typ}`);
  const signature = unb64u(parts[2]);
  if (signature.length !== 64) throw new Error(`vapid: signature of ${signature.length} bytes, not r||s`);
  const valid = crypto.verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (!valid) throw new Error('vapid: bad signature');
  const claims = JSON.parse(unb64u(parts[1]).toString());
  if (claims.aud !== audience) throw new Error(`vapid: aud ${claims.aud}, not ${audience}`);
  if (!Number.isInteger(claims.exp) || claims.exp <= nowSeconds) throw new Error('vapid: expired or no exp');
  if (claims.exp > nowSeconds + 24 * 3600) throw new Error('vapid: exp more than 24 hours ahead');
  if (claims.sub !== undefined && !/^(mailto:|https:)/.test(claims.sub)) throw new Error(`vapid: sub ${claims.sub}`);
  return { claims, publicKey: params.k };
}

// `name` is the host the endpoints name (default: the address it listens on, 127.0.0.1).
export async function startPushService({ tls = null, host = '127.0.0.1', name = host } = {}) {
  const subscriptions = new Map();
  const stray = [];
  let origin = null;

  async function handle(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const id = /^\/push\/([\w-]+)$/.exec(req.url)?.[1];
    const sub = id && subscriptions.get(id);
    if (!sub) {
      stray.push({ method: req.method, url: req.url, headers: req.headers });
      res.writeHead(404).end();
      return;
    }
    const record = { at: Date.now(), method: req.method, url: req.url, headers: req.headers, body, servername: req.socket.servername };
    try {
      record.vapid = verifyVapid(req.headers.authorization, { audience: origin });
    } catch (e) {
      record.vapid = { error: e.message };
    }
    try {
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('Content-Encoding is not aes128gcm');
      record.payload = decryptAes128gcm(body, sub.ecdh, sub.auth).toString('utf8');
    } catch (e) {
      record.decryptError = e.message;
    }
    sub.received.push(record);
    const answer = sub.script.shift() ?? { status: 201 };
    if (answer.delayMs) await new Promise((r) => { const t = setTimeout(r, answer.delayMs); sub.timers.add(t); });
    if (res.destroyed) return;
    res.writeHead(answer.status, { ...(answer.status === 201 ? { Location: `${origin}/message/${crypto.randomUUID()}` } : {}), ...(answer.headers ?? {}) });
    res.end(answer.body ?? '');
  }

  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handle) : http.createServer(handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address();
  origin = `${tls ? 'https' : 'http'}://${name}:${port}`;

  return {
    origin,
    port,
    stray,
    // A fresh subscription, as PushSubscription.toJSON() gives it, with the private parts kept here.
    subscribe() {
      const id = crypto.randomUUID();
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = crypto.randomBytes(16);
      subscriptions.set(id, { ecdh, auth, script: [], received: [], timers: new Set() });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
    },
    script(id, answers) { subscriptions.get(id).script.push(...answers); },
    received(id) { return subscriptions.get(id).received; },
    async stop() {
      for (const sub of subscriptions.values()) for (const t of sub.timers) clearTimeout(t);
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}
