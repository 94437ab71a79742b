#!/usr/bin/env node
// An in-memory stand-in for the mockmate server, following shared/API.md, so
// the web client can be developed and its end-to-end tests tried before (or
// without) the C++ server. Not a reference implementation: the C++ server is.
//
//   node dev/mock-server.mjs serve --listen 127.0.0.1:8080 --web-root dist --invitation-ttl 120
//
// Prints `listening on http://HOST:PORT` once it accepts connections.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { Server } from 'socket.io';

// ---- flags ----
const args = process.argv.slice(2).filter((a) => a !== 'serve');
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return process.env[`MOCKMATE_${name.toUpperCase().replace(/-/g, '_')}`] ?? def;
};
const [host, port] = flag('listen', '127.0.0.1:8080').split(':');
const webRoot = path.resolve(flag('web-root', path.join(import.meta.dirname, '..', 'dist')));
const ttlMs = Number(flag('invitation-ttl', '120')) * 1000;
const graceMs = Number(flag('rejoin-grace', '180')) * 1000;
const stunUris = (flag('stun-uri', '') || '').split(',').filter(Boolean);

// ---- state ----
const now = () => new Date().toISOString();
const id = () => crypto.randomBytes(8).toString('hex');
const users = new Map(); // id -> {id,email,name,password,createdAt,profile}
const sessions = new Map(); // token -> userId
const interviews = new Map(); // roomId -> interview (internal)
const timers = new Map();
const QUESTIONS = [
  ['Two Sum', 'Find two numbers adding up to a target.', 'algorithms', 'easy', ['Use a hash map.', 'One pass is enough.']],
  ['LRU Cache', 'Design an LRU cache with O(1) operations.', 'algorithms', 'medium', ['Hash map plus doubly linked list.']],
  ['Course Schedule', 'Can all courses be finished given prerequisites?', 'algorithms', 'medium', ['Topological sort.']],
  ['Median of Two Sorted Arrays', 'Find the median in O(log(m+n)).', 'algorithms', 'hard', ['Binary search on partitions.']],
  ['Design a URL shortener', 'Design a service like bit.ly.', 'system-design', 'medium', ['Start with the API.', 'Key generation.']],
  ['Design a chat system', 'Design a 1:1 and group chat.', 'system-design', 'hard', ['Fan-out on write vs read.']],
  ['Tell me about a conflict', 'Describe a conflict with a colleague.', 'behavioral', 'easy', ['Look for STAR structure.']],
].map(([title, body, category, difficulty, hints], i) => ({ id: `q${i + 1}`, title, body, category, difficulty, hints }));
// Like the C++ server, questions never carry hints; the interviewer reads them at /hints.
const publicQuestion = ({ hints, ...q }) => q;

const emptyProfile = () => ({
  headline: null, targetRole: null, experienceLevel: null, topics: [], languages: [], timezone: null, bio: null, available: true,
});
const complete = (p) => !!(p.targetRole && p.experienceLevel && p.topics.length);
const publicUser = (u, self) => ({ id: u.id, ...(self ? { email: u.email } : {}), name: u.name, createdAt: u.createdAt });
const who = (u) => ({ id: u.id, name: u.name });

// ---- sockets and presence ----
const socketsOf = new Map(); // userId -> Set<socket>
const online = (uid) => (socketsOf.get(uid)?.size ?? 0) > 0;
const busy = (uid) => [...interviews.values()].some((iv) => ['accepted', 'in_progress'].includes(iv.status) && (iv.inviterId === uid || iv.inviteeId === uid));
const presenceOf = (uid) => ({ userId: uid, online: online(uid), busy: busy(uid), available: users.get(uid)?.profile.available ?? false });
const watchers = new Map(); // socket -> Set<userId>
function announcePresence(uid) {
  for (const [s, set] of watchers) if (set.has(uid)) s.emit('presence', presenceOf(uid));
}
const toUser = (uid, ev, payload) => socketsOf.get(uid)?.forEach((s) => s.emit(ev, payload));

function partnerOf(u, viewer) {
  const overlap = u.profile.topics.filter((t) => viewer.profile.topics.map((x) => x.toLowerCase()).includes(t.toLowerCase())).length;
  const score = Math.min(100, 40 + overlap * 20 + (u.profile.experienceLevel === viewer.profile.experienceLevel ? 20 : 0));
  return { id: u.id, name: u.name, profile: u.profile, online: online(u.id), busy: busy(u.id), matchScore: score };
}

function view(iv) {
  const pending = iv.status === 'pending';
  return {
    roomId: iv.roomId, status: iv.status,
    inviter: who(users.get(iv.inviterId)), invitee: who(users.get(iv.inviteeId)),
    questions: iv.questionIds.map((q) => publicQuestion(QUESTIONS.find((x) => x.id === q))),
    createdAt: iv.createdAt, expiresAt: iv.expiresAt,
    expiresInMs: pending ? Math.max(0, Date.parse(iv.expiresAt) - Date.now()) : null,
    respondedAt: iv.respondedAt, startedAt: iv.startedAt, endedAt: iv.endedAt, reason: iv.reason,
  };
}

class ApiErr extends Error {
  constructor(status, code, message, extra = {}) { super(message); Object.assign(this, { status, code, extra }); }
}
const E = {
  validation: (m) => new ApiErr(400, 'validation_failed', m),
  unauthorized: () => new ApiErr(401, 'unauthorized', 'Sign in first.'),
  forbidden: (m = 'Your role in this interview does not allow that.') => new ApiErr(403, 'forbidden', m),
  notFound: (m = 'Not found.') => new ApiErr(404, 'not_found', m),
  conflict: (m) => new ApiErr(409, 'conflict', m),
  expired: () => new ApiErr(410, 'invitation_expired', 'The invitation has expired.'),
  busy: (m) => new ApiErr(409, 'invitee_busy', m),
};

function clearTimer(roomId) { clearTimeout(timers.get(roomId)); timers.delete(roomId); }

function finish(iv, status, reason, event) {
  iv.status = status; iv.reason = reason;
  if (['rejected', 'cancelled', 'expired', 'accepted'].includes(status)) iv.respondedAt = now();
  if (['completed', 'abandoned'].includes(status)) iv.endedAt = now();
  clearTimer(iv.roomId);
  const v = view(iv);
  toUser(iv.inviterId, event, { interview: v });
  toUser(iv.inviteeId, event, { interview: v });
  [iv.inviterId, iv.inviteeId].forEach(announcePresence);
  return v;
}

function pendingOf(iv, uid, role) {
  if (!iv || (iv.inviterId !== uid && iv.inviteeId !== uid)) throw E.notFound('No such interview.');
  if (role === 'invitee' && iv.inviteeId !== uid) throw E.forbidden('Only the invitee may answer.');
  if (role === 'inviter' && iv.inviterId !== uid) throw E.forbidden('Only the inviter may cancel.');
  if (iv.status === 'expired') throw E.expired();
  if (iv.status !== 'pending') throw E.conflict(`The invitation is already ${iv.status}.`);
  return iv;
}

function accept(iv) {
  const v = finish(iv, 'accepted', null, 'invitation-accepted');
  // Both participants' other pending invitations end as busy.
  for (const other of interviews.values()) {
    if (other === iv || other.status !== 'pending') continue;
    for (const uid of [iv.inviterId, iv.inviteeId]) {
      if (other.status !== 'pending') break;
      if (other.inviteeId === uid) finish(other, 'rejected', 'busy', 'invitation-rejected');
      else if (other.inviterId === uid) finish(other, 'cancelled', 'busy', 'invitation-cancelled');
    }
  }
  armGrace(iv, 'no_show');
  return v;
}

function armGrace(iv, reason) {
  clearTimer(iv.roomId);
  timers.set(iv.roomId, setTimeout(() => {
    if (['accepted', 'in_progress'].includes(iv.status)) finish(iv, 'abandoned', reason, 'interview-ended');
  }, graceMs));
}

function invite(uid, body) {
  const { inviteeId, questionIds } = body ?? {};
  if (typeof inviteeId !== 'string') throw E.validation('inviteeId is required.');
  if (!Array.isArray(questionIds) || questionIds.length < 1 || questionIds.length > 5 || new Set(questionIds).size !== questionIds.length
    || !questionIds.every((q) => QUESTIONS.some((x) => x.id === q))) throw E.validation('questionIds must be 1 to 5 distinct existing ids.');
  if (inviteeId === uid) throw E.validation('inviteeId: you cannot invite yourself.');
  const invitee = users.get(inviteeId);
  if (!invitee) throw E.notFound('No such user.');
  const mutual = [...interviews.values()].find((iv) => iv.status === 'pending' && iv.inviterId === inviteeId && iv.inviteeId === uid);
  if (mutual) return { interview: accept(mutual), inviteeOnline: online(inviteeId), status: 200 };
  if ([...interviews.values()].some((iv) => iv.status === 'pending' && iv.inviterId === uid)) throw E.conflict('You already have a pending invitation.');
  if (busy(uid)) throw E.conflict('You are in an interview.');
  if (busy(inviteeId) || !invitee.profile.available) throw E.busy(`${invitee.name} is busy right now.`);
  const iv = {
    roomId: id(), status: 'pending', inviterId: uid, inviteeId, questionIds, createdAt: now(),
    expiresAt: new Date(Date.now() + ttlMs).toISOString(), respondedAt: null, startedAt: null, endedAt: null, reason: null,
    room: new Map(), // userId -> socket
  };
  interviews.set(iv.roomId, iv);
  timers.set(iv.roomId, setTimeout(() => { if (iv.status === 'pending') finish(iv, 'expired', 'invite_timeout', 'invitation-expired'); }, ttlMs));
  const v = view(iv);
  toUser(inviteeId, 'interview-invitation-received', { interview: v, from: partnerOf(users.get(uid), invitee) });
  return { interview: v, inviteeOnline: online(inviteeId), status: 201 };
}

function complete_(uid, roomId) {
  const iv = interviews.get(roomId);
  if (!iv || (iv.inviterId !== uid && iv.inviteeId !== uid)) throw E.notFound('No such interview.');
  if (!['accepted', 'in_progress'].includes(iv.status)) throw E.conflict(`The interview is ${iv.status}.`);
  return finish(iv, 'completed', 'completed', 'interview-ended');
}

// ---- HTTP ----
function cookies(req) {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter((p) => p[0]));
}
function sessionUser(req) {
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7) : cookies(req).mm_session;
  const uid = token && sessions.get(token);
  return uid ? users.get(uid) : null;
}
function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json', '.json': 'application/json' };
function serveStatic(req, res) {
  const url = new URL(req.url, 'http://x');
  let file = path.join(webRoot, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(webRoot) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(webRoot, 'index.html');
  if (!fs.existsSync(file)) return send(res, 404, { error: { code: 'not_found', message: 'No web client built.' } });
  res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

async function readBody(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  if (!data) return {};
  try { return JSON.parse(data); } catch { throw new ApiErr(400, 'malformed_json', 'The body is not valid JSON.'); }
}

function login(res, u, status) {
  const token = crypto.randomBytes(16).toString('hex');
  sessions.set(token, u.id);
  send(res, status, { user: publicUser(u, true), token }, { 'Set-Cookie': `mm_session=${token}; Path=/; HttpOnly; SameSite=Lax` });
}

async function api(req, res) {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname.replace(/^\/api/, '');
  const q = Object.fromEntries(url.searchParams);
  const m = req.method;
  const body = m === 'GET' ? {} : await readBody(req);
  if (m === 'POST' && p === '/auth/register') {
    const { email, password, name } = body;
    if (typeof email !== 'string' || !email.includes('@') || email.length > 254) throw E.validation('email must be a valid address.');
    if (typeof password !== 'string' || password.length < 8 || password.length > 128) throw E.validation('password must be 8 to 128 characters.');
    if (typeof name !== 'string' || !name.trim() || name.length > 80) throw E.validation('name must be 1 to 80 characters.');
    if ([...users.values()].some((u) => u.email === email.toLowerCase())) throw E.conflict('That email is already registered.');
    const u = { id: id(), email: email.toLowerCase(), name: name.trim(), password, createdAt: now(), profile: emptyProfile() };
    users.set(u.id, u);
    return login(res, u, 201);
  }
  if (m === 'POST' && p === '/auth/login') {
    const u = [...users.values()].find((x) => x.email === String(body.email).toLowerCase());
    if (!u || u.password !== body.password) throw new ApiErr(401, 'unauthorized', 'Wrong email or password.');
    return login(res, u, 200);
  }
  const me = sessionUser(req);
  if (!me) throw E.unauthorized();
  if (m === 'POST' && p === '/auth/logout') { sessions.delete(cookies(req).mm_session); return send(res, 204, undefined, { 'Set-Cookie': 'mm_session=; Path=/; Max-Age=0' }); }
  if (m === 'GET' && p === '/me') return send(res, 200, { user: publicUser(me, true), profile: me.profile, profileComplete: complete(me.profile) });
  if (m === 'PUT' && p === '/me/profile') {
    const next = { ...me.profile };
    for (const k of Object.keys(emptyProfile())) if (k in body) next[k] = body[k];
    if (next.experienceLevel && !['student', 'junior', 'mid', 'senior', 'staff'].includes(next.experienceLevel)) throw E.validation('experienceLevel is not a known level.');
    if (!Array.isArray(next.topics) || next.topics.length > 20 || next.topics.some((t) => typeof t !== 'string' || t.length > 40)) throw E.validation('topics: at most 20 topics of 40 characters.');
    const wasAvailable = me.profile.available;
    me.profile = next;
    if (wasAvailable !== next.available) announcePresence(me.id);
    return send(res, 200, { profile: me.profile, profileComplete: complete(me.profile) });
  }
  if (m === 'GET' && p === '/users/available') {
    let list = [...users.values()].filter((u) => u.id !== me.id && complete(u.profile) && u.profile.available).map((u) => partnerOf(u, me));
    if (q.topic) list = list.filter((u) => u.profile.topics.some((t) => t.toLowerCase().includes(q.topic.toLowerCase())));
    if (q.level) list = list.filter((u) => u.profile.experienceLevel === q.level);
    if (q.q) list = list.filter((u) => u.name.toLowerCase().includes(q.q.toLowerCase()));
    list.sort((a, b) => b.matchScore - a.matchScore);
    return send(res, 200, { users: list.slice(0, Number(q.limit) || 20), nextCursor: null });
  }
  if (m === 'GET' && p === '/questions') {
    let list = QUESTIONS;
    if (q.category) list = list.filter((x) => x.category === q.category);
    if (q.difficulty) list = list.filter((x) => x.difficulty === q.difficulty);
    if (q.q) list = list.filter((x) => x.title.toLowerCase().includes(q.q.toLowerCase()));
    return send(res, 200, { questions: list.map(publicQuestion) });
  }
  if (m === 'POST' && p === '/interviews') {
    const r = invite(me.id, body);
    return send(res, r.status, { interview: r.interview, inviteeOnline: r.inviteeOnline });
  }
  let mm;
  if (m === 'POST' && (mm = p.match(/^\/interviews\/(accept|reject|cancel|complete)\/([^/]+)$/))) {
    const [, action, roomId] = mm;
    const iv = interviews.get(roomId);
    if (action === 'complete') return send(res, 200, { interview: complete_(me.id, roomId) });
    if (action === 'cancel') return send(res, 200, { interview: finish(pendingOf(iv, me.id, 'inviter'), 'cancelled', 'cancelled', 'invitation-cancelled') });
    pendingOf(iv, me.id, 'invitee');
    return send(res, 200, { interview: action === 'accept' ? accept(iv) : finish(iv, 'rejected', 'declined', 'invitation-rejected') });
  }
  if (m === 'GET' && p === '/interviews') {
    let list = [...interviews.values()].filter((iv) => iv.inviterId === me.id || iv.inviteeId === me.id);
    if (q.status) list = list.filter((iv) => iv.status === q.status);
    if (q.role === 'inviter') list = list.filter((iv) => iv.inviterId === me.id);
    if (q.role === 'invitee') list = list.filter((iv) => iv.inviteeId === me.id);
    list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return send(res, 200, { interviews: list.slice(0, Number(q.limit) || 20).map(view), nextCursor: null });
  }
  if (m === 'GET' && (mm = p.match(/^\/interviews\/([^/]+)\/hints$/))) {
    const iv = interviews.get(mm[1]);
    if (!iv || (iv.inviterId !== me.id && iv.inviteeId !== me.id)) throw E.notFound('No such interview.');
    if (iv.inviterId !== me.id) throw E.forbidden('Only the interviewer reads the hints.');
    return send(res, 200, { hints: Object.fromEntries(iv.questionIds.map((q) => [q, QUESTIONS.find((x) => x.id === q).hints])) });
  }
  if ((mm = p.match(/^\/interviews\/([^/]+)(\/feedback)?$/))) {
    const iv = interviews.get(mm[1]);
    if (!iv || (iv.inviterId !== me.id && iv.inviteeId !== me.id)) throw E.notFound('No such interview.');
    iv.feedback ??= [];
    if (m === 'POST' && mm[2]) {
      if (!['completed', 'abandoned'].includes(iv.status)) throw E.conflict('Feedback opens when the interview is over.');
      if (iv.feedback.some((f) => f.from.id === me.id)) throw E.conflict('You already gave feedback.');
      if (!Number.isInteger(body.rating) || body.rating < 1 || body.rating > 5) throw E.validation('rating must be 1 to 5.');
      const r = body.rubric ?? {};
      const f = { id: id(), roomId: iv.roomId, from: who(me), rating: body.rating, rubric: { problemSolving: r.problemSolving ?? null, communication: r.communication ?? null, codeQuality: r.codeQuality ?? null }, comments: body.comments ?? null, createdAt: now() };
      iv.feedback.push(f);
      return send(res, 201, { feedback: f });
    }
    if (m === 'GET' && !mm[2]) {
      const final = ['completed', 'abandoned'].includes(iv.status);
      return send(res, 200, { interview: view(iv), ...(final ? { feedback: iv.feedback } : {}) });
    }
  }
  if (m === 'GET' && p === '/stats/invitations') {
    const mine = [...interviews.values()].filter((iv) => q.scope === 'all' || iv.inviterId === me.id || iv.inviteeId === me.id);
    const c = (s) => mine.filter((iv) => iv.status === s || (s === 'accepted' && ['in_progress', 'completed', 'abandoned'].includes(iv.status))).length;
    const accepted = c('accepted'); const declined = mine.filter((iv) => iv.status === 'rejected' && iv.reason === 'declined').length; const expired = c('expired');
    return send(res, 200, {
      sent: mine.filter((iv) => iv.inviterId === me.id).length, received: mine.filter((iv) => iv.inviteeId === me.id).length,
      accepted, rejected: c('rejected'), cancelled: c('cancelled'), expired,
      acceptanceRate: accepted + declined + expired ? accepted / (accepted + declined + expired) : null, medianResponseSeconds: null,
    });
  }
  if (m === 'GET' && p === '/rtc/config') return send(res, 200, { iceServers: iceServers() });
  throw E.notFound('No such endpoint.');
}
const iceServers = () => stunUris.map((u) => ({ urls: u }));

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.url.startsWith('/api/')) return await api(req, res);
    if (req.url.startsWith('/socket.io')) return; // socket.io handles it
    serveStatic(req, res);
  } catch (e) {
    if (e instanceof ApiErr) return send(res, e.status, { error: { code: e.code, message: e.message } });
    console.error(e);
    send(res, 500, { error: { code: 'internal', message: 'Something went wrong.' } });
  }
});

// ---- Socket.IO ----
const io = new Server(server, { serveClient: false });
io.use((socket, next) => {
  const u = sessionUser(socket.request) ?? (socket.handshake.auth?.token && users.get(sessions.get(socket.handshake.auth.token)));
  if (!u) return next(new Error('unauthorized'));
  socket.data.userId = u.id;
  next();
});

function leaveRoomOf(socket, notify = true) {
  for (const iv of interviews.values()) {
    if (iv.room?.get(socket.data.userId) === socket) {
      iv.room.delete(socket.data.userId);
      if (notify) {
        const other = iv.inviterId === socket.data.userId ? iv.inviteeId : iv.inviterId;
        iv.room.get(other)?.emit('peer-left', { roomId: iv.roomId, userId: socket.data.userId });
        if (iv.status === 'in_progress') armGrace(iv, 'left');
      }
    }
  }
}

io.on('connection', (socket) => {
  const uid = socket.data.userId;
  const first = !online(uid);
  if (!socketsOf.has(uid)) socketsOf.set(uid, new Set());
  socketsOf.get(uid).add(socket);
  if (first) announcePresence(uid);
  for (const iv of interviews.values()) {
    if (iv.status === 'pending' && iv.inviteeId === uid) socket.emit('interview-invitation-received', { interview: view(iv), from: partnerOf(users.get(iv.inviterId), users.get(uid)) });
  }
  const handle = (ev, fn) => socket.on(ev, (payload, ack) => {
    if (process.env.MOCK_LOG && ev !== 'watch-presence') console.error(`${Date.now() % 100000} ${users.get(uid).name}/${socket.id.slice(0, 4)} ${ev}`);
    try {
      const r = fn(payload ?? {});
      if (typeof ack === 'function') ack({ ok: true, ...r });
    } catch (e) {
      if (!(e instanceof ApiErr)) console.error(e);
      if (typeof ack === 'function') ack({ ok: false, error: { code: e.code ?? 'internal', message: e.message } });
    }
  });
  handle('send-interview-invitation', (p) => { const r = invite(uid, p); return { interview: r.interview, inviteeOnline: r.inviteeOnline }; });
  handle('respond-to-invitation', ({ roomId, accept: yes }) => {
    const iv = pendingOf(interviews.get(roomId), uid, 'invitee');
    return { interview: yes ? accept(iv) : finish(iv, 'rejected', 'declined', 'invitation-rejected') };
  });
  handle('cancel-interview-invitation', ({ roomId }) => ({ interview: finish(pendingOf(interviews.get(roomId), uid, 'inviter'), 'cancelled', 'cancelled', 'invitation-cancelled') }));
  const roomFor = (roomId, mustBeIn = true) => {
    const iv = interviews.get(roomId);
    if (!iv || (iv.inviterId !== uid && iv.inviteeId !== uid)) throw E.notFound('No such room.');
    if (mustBeIn && iv.room.get(uid) !== socket) throw E.forbidden('Join the room first.');
    return iv;
  };
  handle('join-room', ({ roomId }) => {
    const iv = roomFor(roomId, false);
    if (!['accepted', 'in_progress'].includes(iv.status)) throw E.conflict(`The interview is ${iv.status}.`);
    const prev = iv.room.get(uid);
    if (prev && prev !== socket) prev.emit('left-room', { roomId, reason: 'joined_elsewhere' });
    iv.room.set(uid, socket);
    const other = iv.inviterId === uid ? iv.inviteeId : iv.inviterId;
    iv.room.get(other)?.emit('peer-joined', { roomId, userId: uid });
    if (iv.room.size === 2) {
      clearTimer(roomId);
      if (iv.status === 'accepted') {
        iv.status = 'in_progress'; iv.startedAt = now();
        const v = view(iv);
        toUser(iv.inviterId, 'interview-started', { interview: v });
        toUser(iv.inviteeId, 'interview-started', { interview: v });
      }
    }
    return { interview: view(iv), peers: [...iv.room.keys()].filter((x) => x !== uid), iceServers: iceServers(), polite: uid === iv.inviteeId };
  });
  handle('leave-room', ({ roomId }) => { const iv = roomFor(roomId, false); if (iv.room.get(uid) === socket) leaveRoomOf(socket); return {}; });
  for (const ev of ['webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate']) {
    handle(ev, (p) => {
      const iv = roomFor(p.roomId);
      const other = iv.inviterId === uid ? iv.inviteeId : iv.inviterId;
      const { roomId, sdp, candidate } = p;
      iv.room.get(other)?.emit(ev, ev === 'webrtc-ice-candidate' ? { roomId, from: uid, candidate } : { roomId, from: uid, sdp });
      return {};
    });
  }
  handle('end-interview', ({ roomId }) => ({ interview: complete_(uid, roomId) }));
  handle('watch-presence', ({ userIds }) => {
    const ids = [...new Set(userIds ?? [])].slice(0, 200).filter((x) => users.has(x));
    watchers.set(socket, new Set(ids));
    return { presence: ids.map(presenceOf) };
  });
  socket.on('disconnect', () => {
    watchers.delete(socket);
    socketsOf.get(uid)?.delete(socket);
    leaveRoomOf(socket);
    if (!online(uid)) setTimeout(() => { if (!online(uid)) announcePresence(uid); }, 5000);
  });
});

server.listen(Number(port), host, () => {
  const a = server.address();
  console.log(`listening on http://${a.address}:${a.port}`);
});
const stop = () => { io.close(); server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 1000).unref(); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
