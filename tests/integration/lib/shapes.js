// Assertions for the objects and errors of API.md.
import assert from 'node:assert/strict';

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const STATUSES = ['pending', 'accepted', 'in_progress', 'completed', 'rejected', 'cancelled', 'expired', 'abandoned'];
export const REASONS = ['declined', 'busy', 'cancelled', 'invite_timeout', 'completed', 'no_show', 'left', 'blocked'];
export const LEVELS = ['student', 'junior', 'mid', 'senior', 'staff'];
export const CATEGORIES = ['algorithms', 'system-design', 'behavioral'];
export const DIFFICULTIES = ['easy', 'medium', 'hard'];

const ERROR_STATUS = {
  validation_failed: 400, malformed_json: 400, unauthorized: 401, forbidden: 403, not_found: 404,
  conflict: 409, invitation_expired: 410, invitee_busy: 409, payload_too_large: 413, rate_limited: 429, internal: 500,
};

const show = (res) => `${res.status} ${res.text?.slice(0, 300)}`;

export function assertIso(value, what = 'timestamp') {
  assert.equal(typeof value, 'string', `${what} should be an ISO string, got ${JSON.stringify(value)}`);
  assert.match(value, ISO_MS, `${what} should be ISO 8601 UTC with milliseconds`);
  assert.ok(!Number.isNaN(Date.parse(value)), `${what} should parse`);
}

export function assertIsoOrNull(value, what) {
  if (value !== null) assertIso(value, what);
}

export function assertErrorBody(body, code, field) {
  assert.ok(body && typeof body === 'object', `error body should be an object, got ${JSON.stringify(body)}`);
  assert.ok(body.error && typeof body.error === 'object', `body should be {error: {...}}: ${JSON.stringify(body)}`);
  assert.equal(body.error.code, code, `error code: ${JSON.stringify(body.error)}`);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0, 'error message should not be empty');
  if (field) {
    assert.ok(body.error.message.toLowerCase().includes(field.toLowerCase()),
      `message should name the field "${field}": ${body.error.message}`);
  }
}

// HTTP error: exact status (derived from the code unless given), the error shape, and optionally the field.
export function assertError(res, code, { status = ERROR_STATUS[code], field } = {}) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${show(res)}`);
  assert.match(res.headers['content-type'] ?? '', /application\/json/, 'errors are JSON');
  assertErrorBody(res.body, code, field);
  if (code === 'rate_limited') assertRetryAfter(res);
}

export function assertRetryAfter(res, maxSeconds = Infinity) {
  const ra = res.headers['retry-after'];
  assert.ok(ra !== undefined, '429 must carry Retry-After');
  assert.match(String(ra), /^\d+$/, `Retry-After should be whole seconds: ${ra}`);
  assert.ok(Number(ra) >= 1 && Number(ra) <= maxSeconds, `Retry-After out of range: ${ra}`);
}

export function assertStatus(res, status) {
  assert.equal(res.status, status, `expected ${status}, got ${show(res)}`);
}

// Socket ack error.
export function assertAckError(ack, code, { field } = {}) {
  assert.ok(ack && typeof ack === 'object', `ack should be an object: ${JSON.stringify(ack)}`);
  assert.equal(ack.ok, false, `expected an error ack ${code}, got ${JSON.stringify(ack).slice(0, 300)}`);
  assertErrorBody(ack, code, field);
}

export function assertKeys(obj, keys, what) {
  assert.ok(obj && typeof obj === 'object' && !Array.isArray(obj), `${what} should be an object: ${JSON.stringify(obj)}`);
  for (const k of keys) assert.ok(Object.hasOwn(obj, k), `${what} lacks "${k}": ${JSON.stringify(obj).slice(0, 300)}`);
}

export function assertUser(user, { withEmail }) {
  assertKeys(user, ['id', 'name', 'createdAt'], 'user');
  assert.equal(typeof user.id, 'string');
  assert.ok(user.id.length > 0);
  assert.equal(typeof user.name, 'string');
  assertIso(user.createdAt, 'user.createdAt');
  if (withEmail) assert.equal(typeof user.email, 'string');
  else assert.ok(!Object.hasOwn(user, 'email'), 'email is shown only to its owner');
  assert.ok(!Object.hasOwn(user, 'password') && !Object.hasOwn(user, 'passwordHash'), 'no password in user');
}

export function assertProfile(p) {
  assertKeys(p, ['headline', 'targetRole', 'experienceLevel', 'topics', 'languages', 'timezone', 'bio', 'available'], 'profile');
  for (const k of ['headline', 'targetRole', 'timezone', 'bio']) {
    assert.ok(p[k] === null || typeof p[k] === 'string', `profile.${k} should be a string or null`);
  }
  assert.ok(p.experienceLevel === null || LEVELS.includes(p.experienceLevel), `experienceLevel ${p.experienceLevel}`);
  assert.ok(Array.isArray(p.topics) && p.topics.every((t) => typeof t === 'string'), 'topics: [string]');
  assert.ok(Array.isArray(p.languages) && p.languages.every((t) => typeof t === 'string'), 'languages: [string]');
  assert.equal(typeof p.available, 'boolean');
}

export function assertPartner(p) {
  assertKeys(p, ['id', 'name', 'profile', 'online', 'busy', 'matchScore'], 'partner');
  assert.equal(typeof p.id, 'string');
  assert.equal(typeof p.name, 'string');
  assertProfile(p.profile);
  assert.equal(typeof p.online, 'boolean');
  assert.equal(typeof p.busy, 'boolean');
  assert.ok(Number.isInteger(p.matchScore) && p.matchScore >= 0 && p.matchScore <= 100, `matchScore ${p.matchScore}`);
  assert.ok(!JSON.stringify(p).includes('@example.test'), 'a partner never shows an email');
}

export function assertQuestion(q) {
  assertKeys(q, ['id', 'title', 'body', 'category', 'difficulty'], 'question');
  assert.equal(typeof q.id, 'string');
  assert.ok(q.title.length > 0 && q.body.length > 0);
  assert.ok(CATEGORIES.includes(q.category), `category ${q.category}`);
  assert.ok(DIFFICULTIES.includes(q.difficulty), `difficulty ${q.difficulty}`);
}

function assertPerson(p, what) {
  assertKeys(p, ['id', 'name'], what);
  assert.equal(typeof p.id, 'string');
  assert.equal(typeof p.name, 'string');
  assert.ok(!Object.hasOwn(p, 'email'), `${what} must not carry an email`);
}

export function assertInterview(iv, expect = {}) {
  assertKeys(iv, ['roomId', 'status', 'inviter', 'invitee', 'questions', 'createdAt', 'expiresAt', 'expiresInMs',
    'respondedAt', 'startedAt', 'endedAt', 'reason'], 'interview');
  assert.equal(typeof iv.roomId, 'string');
  assert.ok(STATUSES.includes(iv.status), `status ${iv.status}`);
  assertPerson(iv.inviter, 'interview.inviter');
  assertPerson(iv.invitee, 'interview.invitee');
  assert.ok(Array.isArray(iv.questions), 'questions: [question]');
  iv.questions.forEach(assertQuestion);
  assertIso(iv.createdAt, 'createdAt');
  assertIso(iv.expiresAt, 'expiresAt');
  assertIsoOrNull(iv.respondedAt, 'respondedAt');
  assertIsoOrNull(iv.startedAt, 'startedAt');
  assertIsoOrNull(iv.endedAt, 'endedAt');
  assert.ok(iv.reason === null || REASONS.includes(iv.reason), `reason ${iv.reason}`);
  if (iv.status === 'pending') {
    assert.ok(Number.isInteger(iv.expiresInMs) && iv.expiresInMs >= 0, `pending: expiresInMs should be a count of ms, got ${iv.expiresInMs}`);
    assert.equal(iv.respondedAt, null, 'pending: respondedAt null');
    assert.equal(iv.reason, null, 'pending: reason null');
  } else {
    assert.equal(iv.expiresInMs, null, `${iv.status}: expiresInMs should be null`);
    assertIso(iv.respondedAt, `${iv.status}: respondedAt`);
  }
  if (['completed', 'abandoned'].includes(iv.status)) assertIso(iv.endedAt, 'endedAt');
  else assert.equal(iv.endedAt, null, `${iv.status}: endedAt should be null`);
  if (['pending', 'accepted', 'in_progress'].includes(iv.status)) assert.equal(iv.reason, null, `${iv.status}: reason null`);
  else assert.ok(iv.reason !== null, `${iv.status}: reason should say why`);
  for (const [k, v] of Object.entries(expect)) {
    if (k === 'inviterId') assert.equal(iv.inviter.id, v, 'inviter');
    else if (k === 'inviteeId') assert.equal(iv.invitee.id, v, 'invitee');
    else assert.deepEqual(iv[k], v, `interview.${k}`);
  }
  return iv;
}

export function assertFeedback(f) {
  assertKeys(f, ['id', 'roomId', 'from', 'rating', 'rubric', 'comments', 'createdAt'], 'feedback');
  assert.equal(typeof f.id, 'string');
  assertPerson(f.from, 'feedback.from');
  assert.ok(Number.isInteger(f.rating) && f.rating >= 1 && f.rating <= 5);
  assertKeys(f.rubric, ['problemSolving', 'communication', 'codeQuality'], 'feedback.rubric');
  for (const v of Object.values(f.rubric)) assert.ok(v === null || (Number.isInteger(v) && v >= 1 && v <= 5));
  assert.ok(f.comments === null || typeof f.comments === 'string');
  assertIso(f.createdAt, 'feedback.createdAt');
}

export const ms = (iso) => Date.parse(iso);
