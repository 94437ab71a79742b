// A small HTTP client on node:http (full control over Origin, Cookie and Content-Type, and bodies
// larger than the server accepts), plus the user helpers most tests start with.
import http from 'node:http';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

// request(server, 'POST', '/api/auth/login', { body, token, cookie, headers, rawBody, contentType })
//  - body: an object/array/number... sent as JSON (Content-Type application/json)
//  - rawBody: a string or Buffer sent as is (Content-Type from contentType, default application/json)
//  - token: sent as `Authorization: Bearer <token>`; cookie: the mm_session value (or a full Cookie header
//    when it contains '=')
// Resolves to { status, headers, text, body (parsed JSON or null), cookies: [{name, value, attrs}] }.
export function request(server, method, path, opts = {}) {
  const { body, rawBody, token, cookie, headers = {}, contentType, timeoutMs = 15_000 } = opts;
  if (!server.url) throw new Error('server is not running');
  const url = new URL(path, server.url);
  const h = { Accept: 'application/json', ...headers };
  let payload = null;
  if (rawBody !== undefined) {
    payload = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(String(rawBody));
    if (!hasHeader(h, 'content-type')) h['Content-Type'] = contentType ?? 'application/json';
  } else if (body !== undefined) {
    payload = Buffer.from(JSON.stringify(body));
    if (!hasHeader(h, 'content-type')) h['Content-Type'] = contentType ?? 'application/json';
  }
  if (payload) h['Content-Length'] = String(payload.length);
  if (token) h.Authorization = `Bearer ${token}`;
  if (cookie) h.Cookie = cookie.includes('=') ? cookie : `mm_session=${cookie}`;

  return new Promise((resolve, reject) => {
    let settled = false;
    const req = http.request(url, { method, headers: h, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (err) => { if (!settled) { settled = true; reject(err); } });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = null;
        if (text.length > 0 && /json/i.test(res.headers['content-type'] ?? '')) {
          try { parsed = JSON.parse(text); } catch { parsed = undefined; }
        }
        resolve({ status: res.statusCode, headers: res.headers, text, body: parsed, cookies: parseSetCookie(res.headers['set-cookie']) });
      });
    });
    const timer = setTimeout(() => {
      if (!settled) { settled = true; req.destroy(); reject(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)); }
    }, timeoutMs);
    // The server may answer (e.g. 413) and close before the whole body is written: a write error after
    // the response started is not a failure of the request.
    req.on('error', (err) => {
      if (settled) return;
      setTimeout(() => {
        if (!settled) { settled = true; clearTimeout(timer); reject(err); }
      }, 200);
    });
    if (payload) req.end(payload); else req.end();
  });
}

function hasHeader(h, name) {
  return Object.keys(h).some((k) => k.toLowerCase() === name);
}

export function parseSetCookie(list) {
  if (!list) return [];
  return list.map((line) => {
    const [pair, ...rest] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const attrs = {};
    for (const a of rest) {
      const i = a.indexOf('=');
      const k = (i < 0 ? a : a.slice(0, i)).toLowerCase();
      attrs[k] = i < 0 ? true : a.slice(i + 1);
    }
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs, raw: line };
  });
}

let counter = 0;
export function uniqueEmail(name = 'user') {
  counter += 1;
  const slug = String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'user';
  return `${slug}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
}

export const DEFAULT_PASSWORD = 'correct horse battery';

export const COMPLETE_PROFILE = Object.freeze({
  headline: 'Practising for backend interviews',
  targetRole: 'Backend Engineer',
  experienceLevel: 'mid',
  topics: ['algorithms', 'system-design'],
  languages: ['English'],
  timezone: 'Europe/Berlin',
  bio: 'Happy to swap interviewer and candidate roles.',
});

// Helpers bound to one server. The server's url is read at call time, so they keep working after a restart.
export function clientFor(server) {
  const api = (method, path, opts) => request(server, method, path, opts);

  // Registers a fresh user; returns { user, token, email, password, cookie (the Set-Cookie entry) }.
  async function register(name = 'Test User', { email = uniqueEmail(name), password = DEFAULT_PASSWORD } = {}) {
    const res = await api('POST', '/api/auth/register', { body: { email, password, name } });
    assert.equal(res.status, 201, `register ${email}: expected 201, got ${res.status} ${res.text}`);
    const cookie = res.cookies.find((c) => c.name === 'mm_session') ?? null;
    return { user: res.body.user, token: res.body.token, email, password, cookie, name };
  }

  async function login(email, password = DEFAULT_PASSWORD) {
    const res = await api('POST', '/api/auth/login', { body: { email, password } });
    assert.equal(res.status, 200, `login ${email}: expected 200, got ${res.status} ${res.text}`);
    return { user: res.body.user, token: res.body.token };
  }

  // PUT /api/me/profile with a complete profile (overridable); returns the answer's { profile, profileComplete }.
  async function completeProfile(token, fields = {}) {
    const res = await api('PUT', '/api/me/profile', { token, body: { ...COMPLETE_PROFILE, ...fields } });
    assert.equal(res.status, 200, `completeProfile: expected 200, got ${res.status} ${res.text}`);
    return res.body;
  }

  // A registered user with a complete, available profile: { user, token, email, password, profile }.
  async function readyUser(name = 'Test User', fields = {}) {
    const u = await register(name);
    const { profile } = await completeProfile(u.token, fields);
    return { ...u, profile };
  }

  let questionCache = null;
  async function questions(token) {
    if (!questionCache) {
      const res = await api('GET', '/api/questions', { token });
      assert.equal(res.status, 200, `GET /api/questions: ${res.status} ${res.text}`);
      questionCache = res.body.questions;
    }
    return questionCache;
  }
  async function questionIds(token, n = 2) {
    const qs = await questions(token);
    return qs.slice(0, n).map((q) => q.id);
  }

  // REST shortcuts for the interview lifecycle, returning the raw response.
  const invite = async (from, to, qids) =>
    api('POST', '/api/interviews', { token: from.token, body: { inviteeId: to.user.id, questionIds: qids ?? await questionIds(from.token, 2) } });
  const act = (who, action, roomId) => api('POST', `/api/interviews/${action}/${encodeURIComponent(roomId)}`, { token: who.token });
  const detail = (who, roomId) => api('GET', `/api/interviews/${encodeURIComponent(roomId)}`, { token: who.token });

  return { api, register, login, completeProfile, readyUser, questions, questionIds, invite, act, detail };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
