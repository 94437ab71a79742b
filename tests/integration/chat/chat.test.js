// In-room chat (API.md v2, "In-room chat"): chat-message over the socket, delivery to the other
// participant's socket in the room, the text rules, who may send when, 30 per user in any 10 s,
// the paged history over REST, and acknowledged messages surviving kill -9.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { emitAck, emitOk, nextEvent, expectNoEvent, drain } from '../lib/socket.js';
import { scenario } from '../lib/people.js';
import { assertAckError, assertError, assertIso, assertKeys, assertStatus } from '../lib/shapes.js';

const T = { timeout: 40_000 };

function assertMessage(m, { roomId, from, text }) {
  assertKeys(m, ['id', 'roomId', 'from', 'text', 'sentAt'], 'message');
  assert.equal(typeof m.id, 'string');
  assert.equal(m.roomId, roomId);
  assert.deepEqual(m.from, { id: from.user.id, name: from.user.name });
  assert.equal(m.text, text);
  assertIso(m.sentAt, 'sentAt');
  return m;
}

describe('in-room chat', () => {
  let srv, s;
  before(async () => { srv = await startServer(); s = scenario(srv); });
  after(() => srv?.cleanup());

  // a (inviter) and b, each with `tabs` sockets; the first tab of each has joined the room.
  async function room(tabs = 1) {
    const a = await s.person('Chat inviter', { tabs });
    const b = await s.person('Chat invitee', { tabs });
    const iv = await s.accepted(a, b);
    await emitOk(a.tab, 'join-room', { roomId: iv.roomId });
    await emitOk(b.tab, 'join-room', { roomId: iv.roomId });
    for (const t of [...a.tabs, ...b.tabs]) drain(t);
    return { a, b, roomId: iv.roomId };
  }
  const chat = (who, roomId, q = '') => s.c.api('GET', `/api/interviews/${encodeURIComponent(roomId)}/chat${q}`, { token: who.token });

  test('a message is acknowledged trimmed and reaches the other participant\'s socket in the room only', T, async () => {
    const { a, b, roomId } = await room(2);
    const ack = await emitOk(a.tab, 'chat-message', { roomId, text: '  Shall we start with the first question? \n' });
    const m = assertMessage(ack.message, { roomId, from: a, text: 'Shall we start with the first question?' });
    const got = await nextEvent(b.tab, 'chat-message', 2000);
    assert.deepEqual(got, { message: m });
    const back = await emitOk(b.tab, 'chat-message', { roomId, text: 'Yes \u{1F600}' });
    assertMessage(back.message, { roomId, from: b, text: 'Yes \u{1F600}' });
    assert.deepEqual(await nextEvent(a.tab, 'chat-message', 2000), { message: back.message });
    // Not the sender's own socket, and not the tabs that are not in the room.
    await Promise.all([a.tab, a.tabs[1], b.tabs[1]].map((t) => expectNoEvent(t, 'chat-message', 300, {
      where: (d) => d.message.id === m.id,
    })));
    await expectNoEvent(b.tab, 'chat-message', 0, { where: (d) => d.message.id === back.message.id });
    await expectNoEvent(a.tabs[1], 'chat-message', 0);
  });

  test('text is 1 to 2000 characters after trimming, counted in characters', T, async () => {
    const { a, roomId } = await room();
    assertAckError(await emitAck(a.tab, 'chat-message', { roomId }), 'validation_failed', { field: 'text' });
    assertAckError(await emitAck(a.tab, 'chat-message', { roomId, text: 42 }), 'validation_failed', { field: 'text' });
    assertAckError(await emitAck(a.tab, 'chat-message', { roomId, text: ' \n\t ' }), 'validation_failed', { field: 'text' });
    assertAckError(await emitAck(a.tab, 'chat-message', { roomId, text: 'x'.repeat(2001) }), 'validation_failed', { field: 'text' });
    assertAckError(await emitAck(a.tab, 'chat-message', { text: 'hi' }), 'validation_failed', { field: 'roomId' });
    const emoji = '\u{1F600}'.repeat(2000); // 2000 characters, 4000 UTF-16 units, 8000 bytes
    const ack = await emitOk(a.tab, 'chat-message', { roomId, text: `  ${emoji}  ` });
    assert.equal(ack.message.text, emoji);
  });

  test('a participant\'s socket that has not joined is forbidden, strangers not_found, after the end conflict', T, async () => {
    const { a, b, roomId } = await room(2);
    assertAckError(await emitAck(a.tabs[1], 'chat-message', { roomId, text: 'from another tab' }), 'forbidden');
    const eve = await s.person('Chat stranger');
    assertAckError(await emitAck(eve.tab, 'chat-message', { roomId, text: 'hello?' }), 'not_found');
    assertAckError(await emitAck(eve.tab, 'chat-message', { roomId: 'r_nosuchroom', text: 'hello?' }), 'not_found');
    await emitOk(a.tab, 'end-interview', { roomId });
    assertAckError(await emitAck(a.tab, 'chat-message', { roomId, text: 'one more thing' }), 'conflict');
    assertAckError(await emitAck(b.tab, 'chat-message', { roomId, text: 'one more thing' }), 'conflict');
    assertStatus(await chat(eve, roomId), 404);
  });

  test('30 messages per user in any 10 seconds, then rate_limited; the other participant may still talk', T, async () => {
    const { a, b, roomId } = await room();
    const acks = await Promise.all(Array.from({ length: 30 }, (_, i) => emitAck(a.tab, 'chat-message', { roomId, text: `m${i}` })));
    for (const ack of acks) assert.equal(ack.ok, true, JSON.stringify(ack));
    const refused = await emitAck(a.tab, 'chat-message', { roomId, text: 'one too many' });
    assertAckError(refused, 'rate_limited');
    assert.ok(refused.error.retryAfterSeconds >= 1 && refused.error.retryAfterSeconds <= 10, JSON.stringify(refused));
    await emitOk(b.tab, 'chat-message', { roomId, text: 'my turn' });
    const page = await chat(a, roomId, '?limit=100');
    assertStatus(page, 200);
    assert.equal(page.body.messages.length, 31);
    assert.ok(!page.body.messages.some((m) => m.text === 'one too many'));
  });

  test('the history pages oldest first for both participants, also after the end', T, async () => {
    const { a, b, roomId } = await room();
    const sent = [];
    for (let i = 0; i < 5; i++) {
      const who = i % 2 ? b : a;
      sent.push((await emitOk(who.tab, 'chat-message', { roomId, text: `line ${i}` })).message);
    }
    const first = await chat(b, roomId, '?limit=2');
    assertStatus(first, 200);
    assertKeys(first.body, ['messages', 'nextCursor'], 'chat page');
    assert.deepEqual(first.body.messages, sent.slice(0, 2));
    assert.equal(typeof first.body.nextCursor, 'string');
    const second = await chat(a, roomId, `?limit=2&after=${encodeURIComponent(first.body.nextCursor)}`);
    assert.deepEqual(second.body.messages, sent.slice(2, 4));
    const last = await chat(a, roomId, `?limit=2&after=${encodeURIComponent(second.body.nextCursor)}`);
    assert.deepEqual(last.body, { messages: sent.slice(4), nextCursor: null });
    const all = await chat(a, roomId);
    assert.deepEqual(all.body, { messages: sent, nextCursor: null });

    await emitOk(b.tab, 'end-interview', { roomId });
    assert.deepEqual((await chat(b, roomId)).body.messages, sent);

    assertError(await chat(a, roomId, '?after=bm90LW91cnM'), 'validation_failed', { field: 'after' });
    assertError(await chat(a, roomId, '?limit=0'), 'validation_failed', { field: 'limit' });
    assertError(await chat(a, roomId, '?limit=101'), 'validation_failed', { field: 'limit' });
    assertError(await chat(a, 'r_nosuchroom'), 'not_found');
    assertStatus(await s.c.api('GET', `/api/interviews/${roomId}/chat`), 401);
  });
});

describe('in-room chat across kill -9', () => {
  let srv, s;
  before(async () => { srv = await startServer({ args: ['--rejoin-grace', '60'] }); s = scenario(srv); });
  after(() => srv?.cleanup());

  test('every acknowledged message is there after the server is killed', T, async () => {
    const a = await s.person('Crash chat A');
    const b = await s.person('Crash chat B');
    const iv = await s.accepted(a, b);
    const roomId = iv.roomId;
    await emitOk(a.tab, 'join-room', { roomId });
    await emitOk(b.tab, 'join-room', { roomId });
    // Both send at once, without waiting for each other; the kill comes right after the last acks.
    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      emitAck(i % 2 ? b.tab : a.tab, 'chat-message', { roomId, text: `before the crash ${i}` })));
    for (const ack of acks) assert.equal(ack.ok, true, JSON.stringify(ack));
    await srv.kill9();
    await srv.start();
    const page = await s.c.api('GET', `/api/interviews/${roomId}/chat?limit=100`, { token: a.token });
    assertStatus(page, 200);
    const kept = new Set(page.body.messages.map((m) => m.id));
    for (const ack of acks) assert.ok(kept.has(ack.message.id), `message ${ack.message.text} was lost`);
    assert.equal(page.body.messages.length, 20);
  });
});
