// One participant's side of an interview room as a state machine: pure data
// in, data out, so every transition is tested without a browser (the model is
// negotiation.ts). `transition` takes the room and an event and returns the
// next room and the effects to run, in order; `timersOf` says which timers the
// room wants running; the states, events and effects are in roomState.ts and
// what the page shows of a room in view.ts. RoomConnection (roomConnection.ts)
// feeds it the socket's and the peer connection's events, runs the effects and
// keeps the timers.
//
//   joining ──ack: partner here──▶ connecting ──connected──▶ connected
//      │  └──ack: alone──▶ waiting ──peer-joined / offer──▶ connecting
//      ├──refused for good──▶ refused          connected ──disconnected──▶ interrupted
//      └──failed for now──▶ retrying ──2 s──▶ joining        interrupted ──2.5 s──▶ ICE restart
//   connecting ──stalled (8 s; 16 s polite)──▶ ICE restart; the 3rd in a row: joining again
//   any link state ──failed──▶ ICE restart; past the limit ──▶ failed (the user retries)
//   left-room ──▶ moved ──take-over──▶ joining;   end ──▶ ended;   stop ──▶ stopped
//
// A new connection (RTCPeerConnection, a "link") is made whenever the partner
// (re)joins or our join finds them there; while we join again the old link
// still carries the call until the ack replaces it.
import {
  DISCONNECT_GRACE_MS,
  JOIN_RETRY_MS,
  MAX_FAILED_RESTARTS,
  NO_PATH,
  PERMANENT_JOIN_ERRORS,
  POLITE_OFFER_WAIT_MS,
  REJOIN_AFTER_RESTARTS,
  STALL_MS,
  TURN_UNREACHABLE,
  linkOf,
  type Effect,
  type Link,
  type Room,
  type RoomEvent,
  type Step,
  type TimerSpec,
} from './roomState';

const closing = (link: Link | null): Effect[] => (link ? [{ type: 'close-link', link: link.id }] : []);
const same = (room: Room): Step => ({ room, effects: [] });
const tick = (room: Room): [Room, number] => [{ ...room, clock: room.clock + 1 }, room.clock + 1];

/** Sends join-room; `link` (the connection we had) carries the call until the ack. */
function beginJoin(room: Room, link: Link | null): Step {
  const attempt = room.lastAttempt + 1;
  return {
    room: { ...room, lastAttempt: attempt, state: { name: 'joining', attempt, partnerJoined: false, link } },
    effects: [{ type: 'join', attempt }],
  };
}

/** A new link to the partner; the polite peer with something to send holds its tracks for a while. */
function openLink(room: Room, before: Effect[] = []): Step {
  const id = room.lastLink + 1;
  const polite = room.polite === true;
  const holdTracks = polite && room.localTracks > 0;
  const link: Link = { id, pc: 'new', tracks: holdTracks ? 'held' : 'sent', relayed: false, restarts: 0, failedRestarts: 0 };
  const [r, since] = tick({ ...room, lastLink: id });
  return {
    room: { ...r, state: { name: 'connecting', link, since } },
    effects: [
      ...before,
      // With nothing to send the impolite peer still asks to receive, so it can start the negotiation.
      { type: 'open-link', link: id, iceServers: room.iceServers, holdTracks, receiveOnly: !polite && room.localTracks === 0 },
    ],
  };
}

function restartIce(room: Room, link: Link, why: 'failed' | 'disconnected' | 'stalled'): Step {
  if (!room.online) {
    // The next connect joins again and both sides start afresh.
    const [r, since] = tick(room);
    return same({ ...r, state: { name: 'interrupted', link, since } });
  }
  const failedRestarts = link.failedRestarts + (why === 'disconnected' ? 0 : 1);
  if (why === 'stalled' && failedRestarts === REJOIN_AFTER_RESTARTS + 1) {
    // The connection itself may be broken: have both sides build new ones.
    return beginJoin(room, { ...link, failedRestarts, restarts: link.restarts + 1 });
  }
  if (failedRestarts > MAX_FAILED_RESTARTS + 1) {
    const reason = room.relayOnly ? TURN_UNREACHABLE : NO_PATH;
    return same({ ...room, state: { name: 'failed', link: { ...link, failedRestarts }, reason } });
  }
  const [r, since] = tick(room);
  const next = { ...link, failedRestarts, restarts: link.restarts + 1 };
  return {
    room: { ...r, state: { name: 'connecting', link: next, since } },
    effects: [{ type: 'restart-ice', link: link.id }],
  };
}

/** Puts `link` back into the state it came from (same name, same timers). */
function withLink(room: Room, link: Link): Room {
  const s = room.state;
  if (!('link' in s) || !s.link) return room;
  return { ...room, state: { ...s, link } };
}

function onLinkState(room: Room, link: Link, pc: RTCPeerConnectionState): Step {
  const s = room.state;
  const next = { ...link, pc };
  // A link kept while we join again only carries the call; the ack replaces it.
  if (s.name === 'joining' || s.name === 'retrying') return same(withLink(room, next));
  if (pc === 'connected') {
    return {
      room: { ...room, state: { name: 'connected', link: { ...next, failedRestarts: 0 } } },
      effects: [{ type: 'check-relay', link: link.id }],
    };
  }
  if (s.name === 'failed') return same(withLink(room, next));
  if (pc === 'failed') return restartIce(room, next, 'failed');
  if (pc === 'disconnected') {
    if (s.name === 'interrupted') return same(withLink(room, next));
    const [r, since] = tick(room);
    return same({ ...r, state: { name: 'interrupted', link: next, since } });
  }
  if (s.name === 'connected' || s.name === 'interrupted') {
    // Negotiating again (an ICE restart from either side): watch it as a new one.
    const [r, since] = tick(room);
    return same({ ...r, state: { name: 'connecting', link: next, since } });
  }
  return same(withLink(room, next));
}

export function transition(room: Room, ev: RoomEvent): Step {
  const s = room.state;
  const over = s.name === 'ended' || s.name === 'stopped';
  const link = linkOf(s);
  const ownLink = (id: number) => (link && link.id === id ? link : null);

  switch (ev.type) {
    case 'socket-connected': {
      const r = { ...room, online: true };
      if (over || s.name === 'moved') return same(r);
      return beginJoin(r, link);
    }
    case 'socket-disconnected':
      return same({ ...room, online: false });

    case 'join-succeeded': {
      if (s.name !== 'joining' || ev.attempt !== s.attempt) return same(room);
      const r: Room = { ...room, polite: ev.polite, iceServers: ev.iceServers, joins: room.joins + 1 };
      const before: Effect[] = [{ type: 'interview', interview: ev.interview }, ...closing(s.link)];
      if (ev.partnerPresent || s.partnerJoined) return openLink(r, before);
      return { room: { ...r, state: { name: 'waiting' } }, effects: before };
    }
    case 'join-failed': {
      if (s.name !== 'joining' || ev.attempt !== s.attempt) return same(room);
      if (PERMANENT_JOIN_ERRORS.includes(ev.error.code)) {
        return { room: { ...room, state: { name: 'refused', error: ev.error } }, effects: closing(s.link) };
      }
      const [r, since] = tick(room);
      return same({ ...r, state: { name: 'retrying', attempt: s.attempt, link: s.link, since } });
    }

    case 'peer-joined':
      // The partner (re)joined with a fresh connection: negotiate afresh.
      if (s.name === 'joining') return same({ ...room, state: { ...s, partnerJoined: true } });
      if (s.name === 'waiting' || s.name === 'connecting' || s.name === 'connected' || s.name === 'interrupted' || s.name === 'failed')
        return openLink(room, closing(link));
      return same(room); // retrying: the next ack lists them; refused, moved, over: not ours to answer
    case 'peer-left':
      if (s.name === 'joining') return { room: { ...room, state: { ...s, partnerJoined: false, link: null } }, effects: closing(link) };
      if (s.name === 'retrying') return { room: { ...room, state: { ...s, link: null } }, effects: closing(link) };
      if (s.name === 'connecting' || s.name === 'connected' || s.name === 'interrupted' || s.name === 'failed')
        return { room: { ...room, state: { name: 'waiting' } }, effects: closing(link) };
      return same(room);
    case 'moved-elsewhere':
      if (over || s.name === 'moved') return same(room);
      return { room: { ...room, state: { name: 'moved' } }, effects: closing(link) };

    case 'remote-description':
      if (over || s.name === 'moved' || s.name === 'refused') return same(room);
      if (link) return { room, effects: [{ type: 'apply-description', link: link.id, description: ev.description }] };
      // An offer from a partner we had not seen join yet. (While joining, the ack decides.)
      if (s.name === 'waiting' && ev.description.type === 'offer') {
        const step = openLink(room);
        const id = step.room.lastLink;
        return { room: step.room, effects: [...step.effects, { type: 'apply-description', link: id, description: ev.description }] };
      }
      return same(room);
    case 'remote-candidate':
      return link ? { room, effects: [{ type: 'add-candidate', link: link.id, candidate: ev.candidate }] } : same(room);

    case 'link-state': {
      const l = ownLink(ev.link);
      return l ? onLinkState(room, l, ev.state) : same(room);
    }
    case 'tracks-sent': {
      const l = ownLink(ev.link);
      return l && l.tracks === 'held' ? same(withLink(room, { ...l, tracks: 'sent' })) : same(room);
    }
    case 'relay-checked': {
      const l = ownLink(ev.link);
      return l ? same(withLink(room, { ...l, relayed: ev.relayed })) : same(room);
    }
    case 'local-track-added': {
      const r = { ...room, localTracks: ev.localTracks };
      // A link still holding its tracks sends the new one with the others.
      if (link && link.tracks === 'sent') return { room: r, effects: [{ type: 'send-track', link: link.id, kind: ev.kind }] };
      return same(r);
    }

    case 'timeout':
      switch (ev.timer) {
        case 'join-retry':
          return s.name === 'retrying' && room.online ? beginJoin(room, s.link) : same(room);
        case 'stall':
          return s.name === 'connecting' ? restartIce(room, s.link, 'stalled') : same(room);
        case 'disconnect':
          return s.name === 'interrupted' ? restartIce(room, s.link, 'disconnected') : same(room);
        case 'polite-offer':
          if (!link || link.tracks !== 'held' || s.name === 'joining' || s.name === 'retrying') return same(room);
          return { room: withLink(room, { ...link, tracks: 'sent' }), effects: [{ type: 'send-tracks', link: link.id }] };
      }
      return same(room);

    case 'take-over':
      return s.name === 'moved' ? beginJoin(room, null) : same(room);
    case 'retry':
      if (over || s.name === 'moved') return same(room);
      return beginJoin(room, link);
    case 'end':
      if (over) return same(room);
      return { room: { ...room, state: { name: 'ended' } }, effects: closing(link) };
    case 'stop': {
      if (over) return same(room);
      const leave: Effect[] = room.online && s.name !== 'moved' ? [{ type: 'leave' }] : [];
      return { room: { ...room, state: { name: 'stopped' } }, effects: [...closing(link), ...leave] };
    }
  }
}

/** The timers the room wants running now. They run only while the socket is connected. */
export function timersOf(room: Room): TimerSpec[] {
  const s = room.state;
  if (!room.online) return [];
  const out: TimerSpec[] = [];
  if (s.name === 'retrying') out.push({ name: 'join-retry', ms: JOIN_RETRY_MS, key: `join-retry:${s.since}` });
  if (s.name === 'connecting')
    out.push({ name: 'stall', ms: room.polite ? STALL_MS * 2 : STALL_MS, key: `stall:${s.since}` });
  if (s.name === 'interrupted') out.push({ name: 'disconnect', ms: DISCONNECT_GRACE_MS, key: `disconnect:${s.since}` });
  const link = linkOf(s);
  if (link && link.tracks === 'held' && s.name !== 'joining' && s.name !== 'retrying')
    out.push({ name: 'polite-offer', ms: POLITE_OFFER_WAIT_MS, key: `polite-offer:${link.id}` });
  return out;
}
