import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/errors';
import { makeInterview } from '../../../test/fixtures';
import { timersOf, transition } from './machine';
import {
  DISCONNECT_GRACE_MS,
  JOIN_RETRY_MS,
  NO_PATH,
  POLITE_OFFER_WAIT_MS,
  RELAY_WITHOUT_TURN,
  STALL_MS,
  TURN_UNREACHABLE,
  initialRoom,
  linkOf,
  type Effect,
  type Room,
  type RoomEvent,
} from './roomState';
import { viewOf } from './view';

const interview = makeInterview({ status: 'accepted' });
const TURN: RTCIceServer[] = [{ urls: ['turn:turn.example:3478'], username: 'u', credential: 'c' }];
const STUN: RTCIceServer[] = [{ urls: 'stun:stun.example:3478' }];

/** Applies the events in order; returns the last room and every effect, in order. */
function play(room: Room, ...events: RoomEvent[]): { room: Room; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const ev of events) {
    const step = transition(room, ev);
    room = step.room;
    effects.push(...step.effects);
  }
  return { room, effects };
}
const after = (room: Room, ...events: RoomEvent[]) => play(room, ...events).room;
const effectsOf = (room: Room, ...events: RoomEvent[]) => play(room, ...events).effects;

const fresh = (over: Partial<Parameters<typeof initialRoom>[0]> = {}) =>
  initialRoom({ online: true, relayOnly: false, localTracks: 2, ...over });

const attemptOf = (room: Room) => (room.state.name === 'joining' ? room.state.attempt : -1);
const linkId = (room: Room) => linkOf(room.state)?.id ?? -1;
const ack = (room: Room, over: Partial<Extract<RoomEvent, { type: 'join-succeeded' }>> = {}): RoomEvent => ({
  type: 'join-succeeded',
  attempt: attemptOf(room),
  interview,
  partnerPresent: true,
  polite: false,
  iceServers: STUN,
  ...over,
});
const linkState = (room: Room, state: RTCPeerConnectionState): RoomEvent => ({ type: 'link-state', link: linkId(room), state });
const timeout = (timer: 'join-retry' | 'stall' | 'disconnect' | 'polite-offer'): RoomEvent => ({ type: 'timeout', timer });
const names = (room: Room) => timersOf(room).map((t) => t.name);

// ---- rooms in each state ----
const joining = (over = {}) => after(fresh(over), { type: 'socket-connected' });
const waiting = (over = {}) => {
  const j = joining(over);
  return after(j, ack(j, { partnerPresent: false }));
};
const connecting = (polite = false, over = {}) => {
  const j = joining(over);
  return after(j, ack(j, { polite }));
};
const connected = (polite = false, over = {}) => {
  const c = connecting(polite, over);
  return after(c, linkState(c, 'connected'));
};
const interrupted = () => {
  const c = connected();
  return after(c, linkState(c, 'disconnected'));
};
/** Failures without a connection in between, until it gives up. */
const failed = (over = {}) => {
  let r = connected(false, over);
  for (let i = 0; i < 5; i++) r = after(r, linkState(r, 'failed'));
  return r;
};
const retrying = () => {
  const j = joining();
  return after(j, { type: 'join-failed', attempt: attemptOf(j), error: new ApiError('timeout', 'slow') });
};
const refused = () => {
  const j = joining();
  return after(j, { type: 'join-failed', attempt: attemptOf(j), error: new ApiError('conflict', 'over') });
};
const moved = () => after(connected(), { type: 'moved-elsewhere' });
const ended = () => after(connected(), { type: 'end' });
const stopped = () => after(connected(), { type: 'stop' });

describe('room connection: joining', () => {
  it('starts in joining, sending nothing until the socket connects', () => {
    const r = fresh({ online: false });
    expect(r.state).toEqual({ name: 'joining', attempt: 0, partnerJoined: false, link: null });
    expect(timersOf(r)).toEqual([]);
    expect(viewOf(r)).toMatchObject({ state: 'joining', polite: null, peerConnectionState: null, joins: 0 });
  });

  it('sends join-room on every connect', () => {
    const { room, effects } = play(fresh({ online: false }), { type: 'socket-connected' });
    expect(room.online).toBe(true);
    expect(room.state).toMatchObject({ name: 'joining', attempt: 1 });
    expect(effects).toEqual([{ type: 'join', attempt: 1 }]);
    expect(effectsOf(room, { type: 'socket-connected' })).toEqual([{ type: 'join', attempt: 2 }]);
  });

  it('joins again after a reconnect and keeps the call on the old link until the ack replaces it', () => {
    const c = connected();
    const old = linkId(c);
    const { room, effects } = play(c, { type: 'socket-disconnected' }, { type: 'socket-connected' });
    expect(effects).toEqual([{ type: 'join', attempt: 2 }]);
    expect(room.state).toMatchObject({ name: 'joining', link: { id: old, pc: 'connected' } });
    expect(viewOf(room).peerConnectionState).toBe('connected');
    const next = play(room, ack(room));
    expect(next.effects).toEqual([
      { type: 'interview', interview },
      { type: 'close-link', link: old },
      { type: 'open-link', link: old + 1, iceServers: STUN, holdTracks: false, receiveOnly: false },
    ]);
    expect(next.room.state).toMatchObject({ name: 'connecting', link: { id: old + 1, restarts: 0 } });
  });

  it('does not join while moved, ended or stopped', () => {
    for (const r of [moved(), ended(), stopped()]) {
      const off = after(r, { type: 'socket-disconnected' });
      const { room, effects } = play(off, { type: 'socket-connected' });
      expect(effects).toEqual([]);
      expect(room.state.name).toBe(r.state.name);
      expect(room.online).toBe(true);
    }
  });

  it('waits when the ack finds the room empty', () => {
    const j = joining();
    const { room, effects } = play(j, ack(j, { partnerPresent: false, polite: true }));
    expect(room.state).toEqual({ name: 'waiting' });
    expect(effects).toEqual([{ type: 'interview', interview }]);
    expect(viewOf(room)).toMatchObject({ state: 'waiting', polite: true, joins: 1, peerConnectionState: null });
    expect(timersOf(room)).toEqual([]);
  });

  it('opens a link when the ack lists the partner; the impolite peer sends its tracks at once', () => {
    const j = joining();
    const { room, effects } = play(j, ack(j));
    expect(effects).toContainEqual({ type: 'open-link', link: 1, iceServers: STUN, holdTracks: false, receiveOnly: false });
    expect(room.state).toMatchObject({ name: 'connecting', link: { id: 1, pc: 'new', tracks: 'sent' } });
    expect(timersOf(room)).toEqual([{ name: 'stall', ms: STALL_MS, key: expect.any(String) }]);
  });

  it('the polite peer holds its tracks for the offer, and watches the link twice as long', () => {
    const room = connecting(true);
    expect(room.state).toMatchObject({ link: { tracks: 'held' } });
    expect(timersOf(room)).toEqual([
      { name: 'stall', ms: STALL_MS * 2, key: expect.any(String) },
      { name: 'polite-offer', ms: POLITE_OFFER_WAIT_MS, key: expect.any(String) },
    ]);
  });

  it('without local media: the polite peer has nothing to hold, the impolite one asks to receive', () => {
    const pj = joining({ localTracks: 0 });
    expect(effectsOf(pj, ack(pj, { polite: true }))).toContainEqual(
      expect.objectContaining({ type: 'open-link', holdTracks: false, receiveOnly: false }),
    );
    const ij = joining({ localTracks: 0 });
    expect(effectsOf(ij, ack(ij, { polite: false }))).toContainEqual(
      expect.objectContaining({ type: 'open-link', holdTracks: false, receiveOnly: true }),
    );
  });

  it('opens a link when the partner joined while our join was in flight', () => {
    const j = after(joining(), { type: 'peer-joined' });
    expect(j.state).toMatchObject({ name: 'joining', partnerJoined: true });
    expect(after(j, ack(j, { partnerPresent: false })).state.name).toBe('connecting');
  });

  it('ignores the answer to an earlier attempt', () => {
    const j = joining();
    const again = after(j, { type: 'socket-connected' });
    const stale = play(again, ack(j));
    expect(stale.effects).toEqual([]);
    expect(stale.room).toBe(again);
    const staleFailure = play(again, { type: 'join-failed', attempt: attemptOf(j), error: new ApiError('conflict', 'x') });
    expect(staleFailure.room).toBe(again);
  });

  it('says so when relay-only mode gets no TURN server, and not when it does', () => {
    const j = joining({ relayOnly: true });
    expect(viewOf(j).failureReason).toBeNull();
    expect(viewOf(after(j, ack(j, { iceServers: STUN }))).failureReason).toBe(RELAY_WITHOUT_TURN);
    expect(viewOf(after(j, ack(j, { iceServers: TURN }))).failureReason).toBeNull();
    const w = after(j, ack(j, { iceServers: STUN, partnerPresent: false }));
    expect(viewOf(w).failureReason).toBe(RELAY_WITHOUT_TURN);
    expect(viewOf(after(w, { type: 'moved-elsewhere' })).failureReason).toBeNull();
  });
});

describe('room connection: join failures', () => {
  it('a refusal for good is shown and closes the link', () => {
    for (const code of ['conflict', 'not_found', 'forbidden', 'unauthorized', 'validation_failed'] as const) {
      const j = after(connected(), { type: 'socket-connected' });
      const error = new ApiError(code, 'no');
      const { room, effects } = play(j, { type: 'join-failed', attempt: attemptOf(j), error });
      expect(room.state).toEqual({ name: 'refused', error });
      expect(effects).toEqual([{ type: 'close-link', link: 1 }]);
      expect(viewOf(room)).toMatchObject({ state: 'refused', joinError: error, peerConnectionState: null });
      expect(timersOf(room)).toEqual([]);
    }
  });

  it('a refused room joins again on the next connect', () => {
    expect(effectsOf(refused(), { type: 'socket-connected' })).toEqual([{ type: 'join', attempt: 2 }]);
  });

  it('a failure for now retries after JOIN_RETRY_MS while connected', () => {
    for (const code of ['timeout', 'offline', 'internal', 'unavailable'] as const) {
      const j = joining();
      const r = after(j, { type: 'join-failed', attempt: attemptOf(j), error: new ApiError(code, 'later') });
      expect(r.state).toMatchObject({ name: 'retrying', attempt: 1 });
      expect(viewOf(r).joinError).toBeNull();
      expect(timersOf(r)).toEqual([{ name: 'join-retry', ms: JOIN_RETRY_MS, key: expect.any(String) }]);
      const { room, effects } = play(r, timeout('join-retry'));
      expect(effects).toEqual([{ type: 'join', attempt: 2 }]);
      expect(room.state.name).toBe('joining');
    }
  });

  it('while disconnected the retry waits for the connect', () => {
    const r = after(retrying(), { type: 'socket-disconnected' });
    expect(timersOf(r)).toEqual([]);
    expect(effectsOf(r, timeout('join-retry'))).toEqual([]);
    expect(effectsOf(r, { type: 'socket-connected' })).toEqual([{ type: 'join', attempt: 2 }]);
  });

  it('a retry keeps the link it had, and peer-joined waits for the next ack', () => {
    const j = after(connected(), { type: 'socket-connected' });
    const r = after(j, { type: 'join-failed', attempt: attemptOf(j), error: new ApiError('timeout', 'slow') });
    expect(r.state).toMatchObject({ name: 'retrying', link: { id: 1 } });
    expect(play(r, { type: 'peer-joined' })).toEqual({ room: r, effects: [] });
  });
});

describe('room connection: the partner', () => {
  it('peer-joined opens a fresh link from waiting, connecting, connected, interrupted and failed', () => {
    for (const r of [waiting(), connecting(), connected(), interrupted(), failed()]) {
      const old = linkOf(r.state);
      const { room, effects } = play(r, { type: 'peer-joined' });
      expect(room.state).toMatchObject({ name: 'connecting', link: { restarts: 0, failedRestarts: 0, pc: 'new' } });
      expect(linkId(room)).toBe(r.lastLink + 1);
      expect(effects).toEqual([
        ...(old ? [{ type: 'close-link', link: old.id }] : []),
        expect.objectContaining({ type: 'open-link', link: r.lastLink + 1 }),
      ]);
      expect(viewOf(room).failureReason).toBeNull();
    }
  });

  it('peer-joined is ignored when refused, moved or over', () => {
    for (const r of [refused(), moved(), ended(), stopped()]) expect(play(r, { type: 'peer-joined' })).toEqual({ room: r, effects: [] });
  });

  it('peer-left closes the link and waits', () => {
    for (const r of [connecting(), connected(), interrupted(), failed()]) {
      const { room, effects } = play(r, { type: 'peer-left' });
      expect(room.state).toEqual({ name: 'waiting' });
      expect(effects).toEqual([{ type: 'close-link', link: linkId(r) }]);
      expect(viewOf(room)).toMatchObject({ peerConnectionState: null, relayed: false, failureReason: null });
    }
    expect(play(waiting(), { type: 'peer-left' }).effects).toEqual([]);
  });

  it('peer-left while joining forgets the partner and the old link', () => {
    const j = after(connected(), { type: 'socket-connected' }, { type: 'peer-joined' });
    const { room, effects } = play(j, { type: 'peer-left' });
    expect(room.state).toMatchObject({ name: 'joining', partnerJoined: false, link: null });
    expect(effects).toEqual([{ type: 'close-link', link: 1 }]);
    const r = after(after(connected(), { type: 'socket-connected' }), {
      type: 'join-failed',
      attempt: 2,
      error: new ApiError('timeout', 'x'),
    });
    expect(play(r, { type: 'peer-left' }).room.state).toMatchObject({ name: 'retrying', link: null });
  });
});

describe('room connection: signaling', () => {
  it('hands remote descriptions and candidates to the current link', () => {
    for (const r of [connecting(), connected(), interrupted(), failed()]) {
      const description = { type: 'answer' as const, sdp: 'v=0' };
      expect(effectsOf(r, { type: 'remote-description', description })).toEqual([
        { type: 'apply-description', link: linkId(r), description },
      ]);
      const candidate = { candidate: 'candidate:1', sdpMid: '0' };
      expect(effectsOf(r, { type: 'remote-candidate', candidate })).toEqual([
        { type: 'add-candidate', link: linkId(r), candidate },
      ]);
    }
  });

  it('an offer while waiting opens a link and applies it there', () => {
    const w = waiting();
    const description = { type: 'offer' as const, sdp: 'v=0' };
    const { room, effects } = play(w, { type: 'remote-description', description });
    expect(room.state.name).toBe('connecting');
    expect(effects).toEqual([
      expect.objectContaining({ type: 'open-link', link: linkId(room) }),
      { type: 'apply-description', link: linkId(room), description },
    ]);
  });

  it('drops what has no link to go to: answers while waiting, offers while joining, anything when refused, moved or over', () => {
    const offer = { type: 'remote-description' as const, description: { type: 'offer' as const, sdp: 'v=0' } };
    const answer = { type: 'remote-description' as const, description: { type: 'answer' as const, sdp: 'v=0' } };
    expect(effectsOf(waiting(), answer)).toEqual([]);
    expect(effectsOf(joining(), offer)).toEqual([]);
    for (const r of [refused(), moved(), ended(), stopped()]) {
      expect(play(r, offer)).toEqual({ room: r, effects: [] });
      expect(effectsOf(r, { type: 'remote-candidate', candidate: { candidate: 'c' } })).toEqual([]);
    }
  });
});

describe('room connection: the link', () => {
  it('ignores the events of an older link', () => {
    const c = connected();
    const fresher = after(c, { type: 'peer-joined' });
    for (const ev of [
      { type: 'link-state', link: 1, state: 'failed' },
      { type: 'tracks-sent', link: 1 },
      { type: 'relay-checked', link: 1, relayed: true },
    ] as RoomEvent[]) {
      expect(play(fresher, ev)).toEqual({ room: fresher, effects: [] });
    }
  });

  it('connecting -> connected checks for a relay and stops the watchdog', () => {
    const c = connecting();
    const { room, effects } = play(c, linkState(c, 'connected'));
    expect(room.state).toMatchObject({ name: 'connected', link: { pc: 'connected', failedRestarts: 0 } });
    expect(effects).toEqual([{ type: 'check-relay', link: linkId(c) }]);
    expect(timersOf(room)).toEqual([]);
    expect(viewOf(after(room, { type: 'relay-checked', link: linkId(c), relayed: true }))).toMatchObject({
      relayed: true,
      peerConnectionState: 'connected',
    });
  });

  it('intermediate states only update what is shown', () => {
    const c = connecting();
    const room = after(c, linkState(c, 'connecting'));
    expect(room.state.name).toBe('connecting');
    expect(timersOf(room)).toEqual(timersOf(c));
    expect(viewOf(room).peerConnectionState).toBe('connecting');
  });

  it('connected -> disconnected waits DISCONNECT_GRACE_MS, then restarts ICE', () => {
    const i = interrupted();
    expect(i.state.name).toBe('interrupted');
    expect(timersOf(i)).toEqual([{ name: 'disconnect', ms: DISCONNECT_GRACE_MS, key: expect.any(String) }]);
    const { room, effects } = play(i, timeout('disconnect'));
    expect(effects).toEqual([{ type: 'restart-ice', link: linkId(i) }]);
    expect(room.state).toMatchObject({ name: 'connecting', link: { restarts: 1, failedRestarts: 0 } });
    expect(names(room)).toEqual(['stall']);
    expect(viewOf(room).restarts).toBe(1);
  });

  it('interrupted -> connected cancels the restart', () => {
    const i = interrupted();
    const room = after(i, linkState(i, 'connected'));
    expect(room.state.name).toBe('connected');
    expect(timersOf(room)).toEqual([]);
  });

  it('a link negotiating again after it connected is watched again', () => {
    for (const r of [connected(), interrupted()]) {
      const room = after(r, linkState(r, 'connecting'));
      expect(room.state.name).toBe('connecting');
      expect(names(room)).toEqual(['stall']);
    }
  });

  it('pc failed restarts ICE at once; five failures in a row give up with a reason', () => {
    let r = connected();
    for (let i = 1; i <= 4; i++) {
      const step = play(r, linkState(r, 'failed'));
      expect(step.effects).toEqual([{ type: 'restart-ice', link: 1 }]);
      expect(step.room.state).toMatchObject({ name: 'connecting', link: { failedRestarts: i, restarts: i } });
      r = step.room;
    }
    const { room, effects } = play(r, linkState(r, 'failed'));
    expect(effects).toEqual([]);
    expect(room.state).toMatchObject({ name: 'failed', reason: NO_PATH });
    expect(viewOf(room)).toMatchObject({ state: 'failed', failureReason: NO_PATH });
    expect(timersOf(room)).toEqual([]);
    expect(viewOf(failed({ relayOnly: true })).failureReason).toBe(TURN_UNREACHABLE);
  });

  it('a connection in between starts the count again', () => {
    let r = connected();
    for (let i = 0; i < 4; i++) r = after(r, linkState(r, 'failed'));
    r = after(r, linkState(r, 'connected'));
    expect(r.state).toMatchObject({ name: 'connected', link: { failedRestarts: 0, restarts: 4 } });
    expect(after(r, linkState(r, 'failed')).state.name).toBe('connecting');
  });

  it('failed stays failed on more failures and recovers when the link connects after all', () => {
    const f = failed();
    expect(play(f, linkState(f, 'failed')).effects).toEqual([]);
    expect(after(f, linkState(f, 'disconnected')).state.name).toBe('failed');
    const room = after(f, linkState(f, 'connected'));
    expect(room.state.name).toBe('connected');
    expect(viewOf(room).failureReason).toBeNull();
  });

  it('a failure while the socket is down waits for the rejoin instead of restarting', () => {
    const c = after(connected(), { type: 'socket-disconnected' });
    const { room, effects } = play(c, linkState(c, 'failed'));
    expect(effects).toEqual([]);
    expect(room.state.name).toBe('interrupted');
    expect(timersOf(room)).toEqual([]);
  });

  it('a stalled link restarts ICE twice, then joins the room again', () => {
    let r = connecting();
    const keys: string[] = [timersOf(r)[0].key];
    for (let i = 1; i <= 2; i++) {
      const step = play(r, timeout('stall'));
      expect(step.effects).toEqual([{ type: 'restart-ice', link: 1 }]);
      expect(step.room.state).toMatchObject({ name: 'connecting', link: { failedRestarts: i, restarts: i } });
      r = step.room;
      keys.push(timersOf(r)[0].key);
    }
    expect(new Set(keys).size).toBe(3); // the watchdog is armed anew after each restart
    const { room, effects } = play(r, timeout('stall'));
    expect(effects).toEqual([{ type: 'join', attempt: 2 }]);
    expect(room.state).toMatchObject({ name: 'joining', link: { id: 1, restarts: 3 } });
    expect(timersOf(room)).toEqual([]);
  });

  it('timeouts that do not belong to the state are ignored', () => {
    for (const r of [waiting(), connected(), refused(), moved(), ended()]) {
      for (const t of ['join-retry', 'stall', 'disconnect', 'polite-offer'] as const) expect(play(r, timeout(t))).toEqual({ room: r, effects: [] });
    }
  });

  it('the link is watched only while the socket is connected', () => {
    expect(timersOf(after(connecting(true), { type: 'socket-disconnected' }))).toEqual([]);
    expect(timersOf(after(interrupted(), { type: 'socket-disconnected' }))).toEqual([]);
  });
});

describe('room connection: local tracks', () => {
  it('the polite peer sends its held tracks after POLITE_OFFER_WAIT_MS', () => {
    const c = connecting(true);
    const { room, effects } = play(c, timeout('polite-offer'));
    expect(effects).toEqual([{ type: 'send-tracks', link: linkId(c) }]);
    expect(room.state).toMatchObject({ link: { tracks: 'sent' } });
    expect(names(room)).toEqual(['stall']);
  });

  it('or as soon as the link sent them with its answer', () => {
    const c = connecting(true);
    const room = after(c, { type: 'tracks-sent', link: linkId(c) });
    expect(room.state).toMatchObject({ link: { tracks: 'sent' } });
    expect(names(room)).toEqual(['stall']);
    expect(play(room, { type: 'tracks-sent', link: linkId(c) }).room).toBe(room);
  });

  it('a track added later goes to a link that sent its tracks, and waits with a link that holds them', () => {
    const c = connected();
    const { room, effects } = play(c, { type: 'local-track-added', kind: 'video', localTracks: 3 });
    expect(effects).toEqual([{ type: 'send-track', link: linkId(c), kind: 'video' }]);
    expect(room.localTracks).toBe(3);
    expect(effectsOf(connecting(true), { type: 'local-track-added', kind: 'video', localTracks: 3 })).toEqual([]);
    expect(effectsOf(waiting(), { type: 'local-track-added', kind: 'video', localTracks: 3 })).toEqual([]);
  });

  it('the number of local tracks decides what the next link holds', () => {
    const w = after(waiting({ localTracks: 0 }), { type: 'local-track-added', kind: 'audio', localTracks: 1 });
    const w2 = { ...w, polite: true };
    expect(effectsOf(w2, { type: 'peer-joined' })).toContainEqual(expect.objectContaining({ type: 'open-link', holdTracks: true }));
  });
});

describe('room connection: the user and the page', () => {
  it('left-room moves the room elsewhere and closes the link; take-over joins again', () => {
    const { room, effects } = play(connected(), { type: 'moved-elsewhere' });
    expect(room.state).toEqual({ name: 'moved' });
    expect(effects).toEqual([{ type: 'close-link', link: 1 }]);
    expect(viewOf(room)).toMatchObject({ state: 'moved', peerConnectionState: null });
    const back = play(room, { type: 'take-over' });
    expect(back.effects).toEqual([{ type: 'join', attempt: 2 }]);
    expect(back.room.state).toMatchObject({ name: 'joining', link: null });
  });

  it('left-room while joining makes the ack of that join count for nothing', () => {
    const j = joining();
    const m = after(j, { type: 'moved-elsewhere' });
    expect(play(m, ack(j))).toEqual({ room: m, effects: [] });
  });

  it('take-over only from moved', () => {
    for (const r of [connected(), waiting(), ended()]) expect(play(r, { type: 'take-over' }).effects).toEqual([]);
  });

  it('retry joins again, keeping the call until the ack', () => {
    for (const r of [failed(), connected(), waiting(), refused(), retrying()]) {
      const { room, effects } = play(r, { type: 'retry' });
      expect(effects).toEqual([{ type: 'join', attempt: r.lastAttempt + 1 }]);
      expect(room.state.name).toBe('joining');
      expect(viewOf(room).failureReason).toBeNull();
    }
    for (const r of [moved(), ended(), stopped()]) expect(play(r, { type: 'retry' }).effects).toEqual([]);
  });

  it('end closes the link without leaving through the server, and nothing happens afterwards', () => {
    const { room, effects } = play(connected(), { type: 'end' });
    expect(room.state).toEqual({ name: 'ended' });
    expect(effects).toEqual([{ type: 'close-link', link: 1 }]);
    expect(play(room, { type: 'stop' })).toEqual({ room, effects: [] });
    expect(play(room, { type: 'end' })).toEqual({ room, effects: [] });
  });

  it('stop closes the link and leaves the room when connected', () => {
    expect(effectsOf(connected(), { type: 'stop' })).toEqual([{ type: 'close-link', link: 1 }, { type: 'leave' }]);
    expect(effectsOf(waiting(), { type: 'stop' })).toEqual([{ type: 'leave' }]);
    expect(effectsOf(after(connected(), { type: 'socket-disconnected' }), { type: 'stop' })).toEqual([{ type: 'close-link', link: 1 }]);
    expect(effectsOf(moved(), { type: 'stop' })).toEqual([]);
    const s = stopped();
    expect(s.state).toEqual({ name: 'stopped' });
    expect(play(s, { type: 'stop' })).toEqual({ room: s, effects: [] });
    expect(play(s, { type: 'end' })).toEqual({ room: s, effects: [] });
  });
});
