// Reference peer for mockmate's benchmark: the real-time half of the contract (shared API.md,
// "Socket.IO" and "Interview lifecycle") in memory, with socket.io 4.8 on Node 20, written the
// way a Node team would ship it: one process, Maps for state, socket.io rooms for per-user
// fan-out, setTimeout for deadlines. No database, no REST.
//
//   node server.js --tokens FILE [--port 0] [--host 127.0.0.1] [--invitation-ttl 120]
//                  [--rejoin-grace 180] [--ping-interval 25] [--ping-timeout 20]
//
// FILE holds "<userId> <token>" lines (what `mockmate admin create-users` writes). Prints
// "listening on http://HOST:PORT" once accepting; SIGTERM/SIGINT stop it.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Server } from "socket.io";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const host = args.host ?? "127.0.0.1";
const port = Number(args.port ?? 0);
const invitationTtlMs = Number(args["invitation-ttl"] ?? 120) * 1000;
const rejoinGraceMs = Number(args["rejoin-grace"] ?? 180) * 1000;
const presenceLingerMs = 5000;

// ---- users (from the tokens file) ----------------------------------------------------------
const userByToken = new Map();
const users = new Map();
const levels = ["junior", "mid", "senior"];
const topics = ["algorithms", "system-design", "behavioral", "graphs", "dynamic-programming"];
if (args.tokens) {
  readFileSync(args.tokens, "utf8").split("\n").forEach((line, i) => {
    const [id, token] = line.trim().split(/\s+/);
    if (!id || !token) return;
    userByToken.set(token, id);
    users.set(id, {
      id,
      name: `Load User ${i}`,
      profile: {
        headline: "Load test user", targetRole: "Software Engineer", experienceLevel: levels[i % 3],
        topics: [topics[i % 5], topics[(i + 1) % 5]], languages: ["English"], timezone: "UTC", bio: null, available: true,
      },
    });
  });
}
const questionBank = new Map(
  ["two-sum", "balanced-brackets", "reverse-linked-list", "merge-sorted-arrays", "search-insert-position"].map((id) => [
    id, { id, title: id, body: "", category: "algorithms", difficulty: "easy" },
  ]),
);

// ---- state ---------------------------------------------------------------------------------
const interviews = new Map();        // roomId -> interview
const pendingSent = new Map();       // userId -> roomId (at most one pending per inviter)
const pendingReceived = new Map();   // userId -> Set<roomId>
const active = new Map();            // userId -> roomId (accepted or in_progress)
const timers = new Map();            // roomId -> timeout (expiry or grace)
const places = new Map();            // roomId -> Map<userId, socket>
const socketsOf = new Map();         // userId -> Set<socket>
const watchers = new Map();          // userId -> Set<socket>
const offlineTimers = new Map();     // userId -> timeout

const error = (code, message) => ({ ok: false, error: { code, message } });
const iso = (ms) => (ms == null ? null : new Date(ms).toISOString());
const isParticipant = (iv, userId) => iv.inviter.id === userId || iv.invitee.id === userId;
const otherOf = (iv, userId) => (iv.inviter.id === userId ? iv.invitee.id : iv.inviter.id);
const online = (userId) => (socketsOf.get(userId)?.size ?? 0) > 0 || offlineTimers.has(userId);
const busy = (userId) => active.has(userId);

function interviewJson(iv) {
  return {
    roomId: iv.roomId, status: iv.status, inviter: iv.inviter, invitee: iv.invitee, questions: iv.questions,
    createdAt: iso(iv.createdAt), expiresAt: iso(iv.expiresAt),
    expiresInMs: iv.status === "pending" ? Math.max(0, iv.expiresAt - Date.now()) : null,
    respondedAt: iso(iv.respondedAt), startedAt: iso(iv.startedAt), endedAt: iso(iv.endedAt), reason: iv.reason,
  };
}

function partnerJson(userId) {
  const u = users.get(userId);
  return { id: u.id, name: u.name, profile: u.profile, online: online(userId), busy: busy(userId), matchScore: 50 };
}

function presenceOf(userId) {
  return { userId, online: online(userId), busy: busy(userId), available: users.get(userId).profile.available };
}

function announcePresence(userId) {
  const set = watchers.get(userId);
  if (!set || set.size === 0) return;
  const payload = presenceOf(userId);
  for (const s of set) s.emit("presence", payload);
}

const toUsers = (iv) => io.to([`user:${iv.inviter.id}`, `user:${iv.invitee.id}`]);

function clearTimer(roomId) {
  const t = timers.get(roomId);
  if (t) clearTimeout(t);
  timers.delete(roomId);
}

function setTimer(roomId, ms, fn) {
  clearTimer(roomId);
  timers.set(roomId, setTimeout(() => { timers.delete(roomId); fn(); }, ms));
}

function leavePending(iv) {
  if (pendingSent.get(iv.inviter.id) === iv.roomId) pendingSent.delete(iv.inviter.id);
  pendingReceived.get(iv.invitee.id)?.delete(iv.roomId);
}

function finishPending(iv, status, reason, event) {
  iv.status = status;
  iv.reason = reason;
  iv.respondedAt = Date.now();
  leavePending(iv);
  clearTimer(iv.roomId);
  toUsers(iv).emit(event, { interview: interviewJson(iv) });
}

function endOthersBusy(userId, keepRoomId) {
  const sent = pendingSent.get(userId);
  if (sent && sent !== keepRoomId) finishPending(interviews.get(sent), "cancelled", "busy", "invitation-cancelled");
  for (const roomId of [...(pendingReceived.get(userId) ?? [])]) {
    if (roomId !== keepRoomId) finishPending(interviews.get(roomId), "rejected", "busy", "invitation-rejected");
  }
}

function accept(iv) {
  iv.status = "accepted";
  iv.respondedAt = Date.now();
  leavePending(iv);
  active.set(iv.inviter.id, iv.roomId);
  active.set(iv.invitee.id, iv.roomId);
  endOthersBusy(iv.inviter.id, iv.roomId);
  endOthersBusy(iv.invitee.id, iv.roomId);
  setTimer(iv.roomId, rejoinGraceMs, () => abandon(iv, "no_show"));
  toUsers(iv).emit("invitation-accepted", { interview: interviewJson(iv) });
  announcePresence(iv.inviter.id);
  announcePresence(iv.invitee.id);
}

function endActive(iv, status, reason) {
  iv.status = status;
  iv.reason = reason;
  iv.endedAt = Date.now();
  clearTimer(iv.roomId);
  for (const id of [iv.inviter.id, iv.invitee.id]) if (active.get(id) === iv.roomId) active.delete(id);
  const room = places.get(iv.roomId);
  if (room) for (const s of room.values()) s.data.places.delete(iv.roomId);
  places.delete(iv.roomId);
  toUsers(iv).emit("interview-ended", { interview: interviewJson(iv) });
  announcePresence(iv.inviter.id);
  announcePresence(iv.invitee.id);
}

function abandon(iv, reason) {
  if (iv.status === "accepted" || iv.status === "in_progress") endActive(iv, "abandoned", reason);
}

// Looks the room up for `userId`: the interview, or an error ack.
function roomFor(payload, userId) {
  if (!payload || typeof payload.roomId !== "string") return { err: error("validation_failed", "roomId is required.") };
  const iv = interviews.get(payload.roomId);
  if (!iv || !isParticipant(iv, userId)) return { err: error("not_found", "No such interview.") };
  return { iv };
}

// ---- handlers ------------------------------------------------------------------------------
const handlers = {
  "send-interview-invitation"(socket, p) {
    const me = socket.data.userId;
    if (!p || typeof p.inviteeId !== "string") return error("validation_failed", "inviteeId is required.");
    const ids = p.questionIds;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 5 || new Set(ids).size !== ids.length ||
        !ids.every((id) => questionBank.has(id))) return error("validation_failed", "questionIds must be 1 to 5 distinct existing ids.");
    if (p.inviteeId === me) return error("validation_failed", "inviteeId cannot be yourself.");
    const invitee = users.get(p.inviteeId);
    if (!invitee) return error("not_found", "No such user.");
    if (active.has(me)) return error("conflict", "You are already in an interview.");
    // Meeting a mutual invitation: accept theirs.
    const theirs = pendingSent.get(p.inviteeId);
    if (theirs && interviews.get(theirs).invitee.id === me) {
      const iv = interviews.get(theirs);
      clearTimer(iv.roomId);
      accept(iv);
      return { ok: true, interview: interviewJson(iv), inviteeOnline: online(p.inviteeId) };
    }
    if (pendingSent.has(me)) return error("conflict", "You already have a pending invitation.");
    if (active.has(p.inviteeId) || !invitee.profile.available) return error("invitee_busy", "They are busy.");
    const now = Date.now();
    const iv = {
      roomId: randomUUID(), status: "pending",
      inviter: { id: me, name: users.get(me).name }, invitee: { id: invitee.id, name: invitee.name },
      questions: ids.map((id) => questionBank.get(id)), createdAt: now, expiresAt: now + invitationTtlMs,
      respondedAt: null, startedAt: null, endedAt: null, reason: null, present: new Set(),
    };
    interviews.set(iv.roomId, iv);
    pendingSent.set(me, iv.roomId);
    if (!pendingReceived.has(invitee.id)) pendingReceived.set(invitee.id, new Set());
    pendingReceived.get(invitee.id).add(iv.roomId);
    setTimer(iv.roomId, invitationTtlMs, () => {
      if (iv.status === "pending") finishPending(iv, "expired", "invite_timeout", "invitation-expired");
    });
    io.to(`user:${invitee.id}`).emit("interview-invitation-received", { interview: interviewJson(iv), from: partnerJson(me) });
    return { ok: true, interview: interviewJson(iv), inviteeOnline: online(invitee.id) };
  },

  "respond-to-invitation"(socket, p) {
    const me = socket.data.userId;
    const { iv, err } = roomFor(p, me);
    if (err) return err;
    if (typeof p.accept !== "boolean") return error("validation_failed", "accept must be true or false.");
    if (iv.invitee.id !== me) return error("forbidden", "Only the invitee answers.");
    if (iv.status === "expired") return error("invitation_expired", "The invitation expired.");
    if (iv.status !== "pending") return error("conflict", "The invitation was already answered.");
    if (p.accept) accept(iv);
    else finishPending(iv, "rejected", "declined", "invitation-rejected");
    return { ok: true, interview: interviewJson(iv) };
  },

  "cancel-interview-invitation"(socket, p) {
    const me = socket.data.userId;
    const { iv, err } = roomFor(p, me);
    if (err) return err;
    if (iv.inviter.id !== me) return error("forbidden", "Only the inviter cancels.");
    if (iv.status === "expired") return error("invitation_expired", "The invitation expired.");
    if (iv.status !== "pending") return error("conflict", "The invitation was already answered.");
    finishPending(iv, "cancelled", "cancelled", "invitation-cancelled");
    return { ok: true, interview: interviewJson(iv) };
  },

  "join-room"(socket, p) {
    const me = socket.data.userId;
    const { iv, err } = roomFor(p, me);
    if (err) return err;
    if (iv.status !== "accepted" && iv.status !== "in_progress") return error("conflict", "The interview is not active.");
    if (!places.has(iv.roomId)) places.set(iv.roomId, new Map());
    const room = places.get(iv.roomId);
    const previous = room.get(me);
    if (previous && previous !== socket) {
      previous.data.places.delete(iv.roomId);
      previous.emit("left-room", { roomId: iv.roomId, reason: "joined_elsewhere" });
    }
    room.set(me, socket);
    socket.data.places.add(iv.roomId);
    const other = otherOf(iv, me);
    const otherSocket = room.get(other);
    otherSocket?.emit("peer-joined", { roomId: iv.roomId, userId: me });
    if (otherSocket && iv.status === "accepted") {
      iv.status = "in_progress";
      iv.startedAt = Date.now();
      clearTimer(iv.roomId);
      toUsers(iv).emit("interview-started", { interview: interviewJson(iv) });
    } else if (otherSocket) {
      clearTimer(iv.roomId);
    }
    return { ok: true, interview: interviewJson(iv), peers: otherSocket ? [other] : [], iceServers: [], polite: me === iv.invitee.id };
  },

  "leave-room"(socket, p) {
    const me = socket.data.userId;
    const { iv, err } = roomFor(p, me);
    if (err) return err;
    leavePlace(socket, iv);
    return { ok: true };
  },

  "end-interview"(socket, p) {
    const me = socket.data.userId;
    const { iv, err } = roomFor(p, me);
    if (err) return err;
    if (iv.status !== "accepted" && iv.status !== "in_progress") return error("conflict", "The interview is not active.");
    endActive(iv, "completed", "completed");
    return { ok: true, interview: interviewJson(iv) };
  },

  "watch-presence"(socket, p) {
    if (!p || !Array.isArray(p.userIds) || !p.userIds.every((id) => typeof id === "string"))
      return error("validation_failed", "userIds must be an array of ids.");
    const ids = [...new Set(p.userIds)];
    if (ids.length > 200) return error("validation_failed", "userIds holds at most 200 ids.");
    for (const id of socket.data.watching) watchers.get(id)?.delete(socket);
    socket.data.watching = new Set(ids.filter((id) => users.has(id)));
    for (const id of socket.data.watching) {
      if (!watchers.has(id)) watchers.set(id, new Set());
      watchers.get(id).add(socket);
    }
    return { ok: true, presence: [...socket.data.watching].map(presenceOf) };
  },
};

function relay(kind, field, limit) {
  return (socket, p) => {
    const me = socket.data.userId;
    const { iv, err } = roomFor(p, me);
    if (err) return err;
    if (!socket.data.places.has(iv.roomId)) return error("forbidden", "Join the room first.");
    const value = p[field];
    if (field === "sdp" ? typeof value !== "string" : typeof value !== "object" || value === null)
      return error("validation_failed", `${field} is required.`);
    const size = field === "sdp" ? Buffer.byteLength(value) : Buffer.byteLength(JSON.stringify(value));
    if (size > limit) return error("payload_too_large", `${field} is too large.`);
    places.get(iv.roomId)?.get(otherOf(iv, me))?.emit(kind, { roomId: iv.roomId, from: me, [field]: value });
    return { ok: true };
  };
}
handlers["webrtc-offer"] = relay("webrtc-offer", "sdp", 64 * 1024);
handlers["webrtc-answer"] = relay("webrtc-answer", "sdp", 64 * 1024);
handlers["webrtc-ice-candidate"] = relay("webrtc-ice-candidate", "candidate", 2 * 1024);

function leavePlace(socket, iv) {
  const me = socket.data.userId;
  const room = places.get(iv.roomId);
  if (!room || room.get(me) !== socket) return;
  room.delete(me);
  socket.data.places.delete(iv.roomId);
  room.get(otherOf(iv, me))?.emit("peer-left", { roomId: iv.roomId, userId: me });
  if (iv.status === "in_progress") setTimer(iv.roomId, rejoinGraceMs, () => abandon(iv, "left"));
}

// ---- server --------------------------------------------------------------------------------
const httpServer = createServer((req, res) => {
  res.writeHead(req.url === "/healthz" ? 200 : 404, { "content-type": "application/json" });
  res.end(req.url === "/healthz" ? '{"status":"ok"}' : '{"error":{"code":"not_found","message":"Not found."}}');
});
const io = new Server(httpServer, {
  pingInterval: Number(args["ping-interval"] ?? 25) * 1000,
  pingTimeout: Number(args["ping-timeout"] ?? 20) * 1000,
  maxHttpBufferSize: 1e6,
  serveClient: false,
});

io.use((socket, next) => {
  const userId = userByToken.get(socket.handshake.auth?.token);
  if (!userId) return next(new Error("unauthorized"));
  socket.data.userId = userId;
  next();
});

io.on("connection", (socket) => {
  const me = socket.data.userId;
  socket.data.places = new Set();
  socket.data.watching = new Set();
  socket.join(`user:${me}`);
  const first = !online(me);
  if (!socketsOf.has(me)) socketsOf.set(me, new Set());
  socketsOf.get(me).add(socket);
  if (offlineTimers.has(me)) {
    clearTimeout(offlineTimers.get(me));
    offlineTimers.delete(me);
  }
  if (first) announcePresence(me);
  for (const roomId of pendingReceived.get(me) ?? []) {
    const iv = interviews.get(roomId);
    socket.emit("interview-invitation-received", { interview: interviewJson(iv), from: partnerJson(iv.inviter.id) });
  }
  for (const [event, handler] of Object.entries(handlers)) {
    socket.on(event, (payload, ack) => {
      let answer;
      try {
        answer = handler(socket, payload);
      } catch (e) {
        console.error(e);
        answer = error("internal", "Something went wrong.");
      }
      if (typeof ack === "function") ack(answer);
    });
  }
  socket.on("disconnect", () => {
    for (const roomId of [...socket.data.places]) leavePlace(socket, interviews.get(roomId));
    for (const id of socket.data.watching) watchers.get(id)?.delete(socket);
    const mine = socketsOf.get(me);
    mine?.delete(socket);
    if (mine && mine.size === 0) {
      socketsOf.delete(me);
      offlineTimers.set(me, setTimeout(() => {
        offlineTimers.delete(me);
        if (!socketsOf.has(me)) announcePresence(me);
      }, presenceLingerMs));
    }
  });
});

httpServer.listen(port, host, () => {
  console.log(`listening on http://${host}:${httpServer.address().port}`);
});
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => { io.close(); httpServer.close(); process.exit(0); });
