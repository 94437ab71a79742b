// Scenario helpers shared by the invitation and room tests.
import assert from 'node:assert/strict';
import { clientFor } from './http.js';
import { connect, emitAck, nextEvent } from './socket.js';
import { assertInterview } from './shapes.js';

export function scenario(srv) {
  const c = clientFor(srv);

  // A user with a complete profile and `tabs` connected sockets: { user, token, ..., tabs: [socket] }.
  async function person(name, { tabs = 1, profile = {} } = {}) {
    const u = await c.readyUser(name, profile);
    u.tabs = [];
    for (let i = 0; i < tabs; i++) u.tabs.push(await connect(srv, { token: u.token }));
    u.tab = u.tabs[0];
    return u;
  }

  async function openTab(u) {
    const s = await connect(srv, { token: u.token });
    u.tabs.push(s);
    if (!u.tab) u.tab = s;
    return s;
  }

  const sendInvitation = async (from, to, questionIds, socket = from.tab) =>
    emitAck(socket, 'send-interview-invitation', { inviteeId: to.user?.id ?? to, questionIds: questionIds ?? await c.questionIds(from.token, 2) });
  const respond = (who, roomId, accept, socket = who.tab) => emitAck(socket, 'respond-to-invitation', { roomId, accept });
  const cancel = (who, roomId, socket = who.tab) => emitAck(socket, 'cancel-interview-invitation', { roomId });

  // Socket invitation that must succeed; returns the pending interview.
  async function invited(from, to, questionIds) {
    const ack = await sendInvitation(from, to, questionIds);
    assert.equal(ack?.ok, true, `send-interview-invitation: ${JSON.stringify(ack)}`);
    return assertInterview(ack.interview, { status: 'pending' });
  }

  // An accepted interview between a (inviter) and b (invitee), over REST; returns the interview.
  async function accepted(a, b) {
    const inv = await c.invite(a, b);
    assert.equal(inv.status, 201, inv.text);
    const res = await c.act(b, 'accept', inv.body.interview.roomId);
    assert.equal(res.status, 200, res.text);
    return res.body.interview;
  }

  // Waits for `event` about roomId on every socket given; returns the payloads.
  const onEveryTab = (sockets, event, roomId, timeoutMs = 3000) =>
    Promise.all(sockets.map((s) => nextEvent(s, event, timeoutMs, { where: (d) => (d?.interview?.roomId ?? d?.roomId) === roomId })));

  const aboutRoom = (roomId) => ({ where: (d) => (d?.interview?.roomId ?? d?.roomId) === roomId });

  return { c, person, openTab, sendInvitation, respond, cancel, invited, accepted, onEveryTab, aboutRoom };
}
