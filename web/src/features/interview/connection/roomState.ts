// The room machine's vocabulary (machine.ts): its states, the events it
// takes, the effects it asks for, its timers and constants. Plain data.
import type { ApiError } from '../../../lib/errors';
import type { Interview } from '../../../types';

/** pc `disconnected` this long gets an ICE restart. */
export const DISCONNECT_GRACE_MS = 2500;
/**
 * A link that has not come up by then gets an ICE restart: by the impolite
 * peer first, by the polite one (twice as patient) if that did not help.
 */
export const STALL_MS = 8000;
/** ICE restarts after failures without a connection in between, before giving up. */
export const MAX_FAILED_RESTARTS = 3;
/** After this many restarts that did not help, a stall joins the room again: both sides start afresh. */
export const REJOIN_AFTER_RESTARTS = 2;
/**
 * On a new link the polite peer waits this long for the impolite peer's offer
 * before offering itself. Perfect negotiation resolves the glare either way,
 * but Chromium sometimes gathers no ICE candidates at all on a connection that
 * rolled back its first offer, so avoiding that glare matters.
 */
export const POLITE_OFFER_WAIT_MS = 2000;
/** A join-room that failed for now (timeout, server busy) is sent again after this, while connected. */
export const JOIN_RETRY_MS = 2000;

/** join-room errors that another try cannot fix: the interview is over, or not ours. */
export const PERMANENT_JOIN_ERRORS: readonly string[] = ['conflict', 'not_found', 'forbidden', 'unauthorized', 'validation_failed'];

export const RELAY_WITHOUT_TURN = 'relay-only mode is on, but the server offered no TURN server.';
export const TURN_UNREACHABLE = 'the TURN relay could not be reached.';
export const NO_PATH = 'no network path to your partner was found (a firewall may be blocking it).';

/** One RTCPeerConnection to the partner, as the machine sees it. */
export interface Link {
  /** Which connection; events of an older one are ignored. */
  id: number;
  /** Its last reported connectionState. */
  pc: RTCPeerConnectionState;
  /** The polite peer holds its local tracks until the partner's offer arrives or the wait ends. */
  tracks: 'held' | 'sent';
  /** The selected candidate pair goes through a TURN relay. */
  relayed: boolean;
  /** ICE restarts (and rejoins) made for it, shown as "reconnecting". */
  restarts: number;
  /** Restarts for failures and stalls since it was last connected. */
  failedRestarts: number;
}

export type RoomState =
  /** join-room is in flight; attempt 0: not sent yet, the next connect sends it. */
  | { name: 'joining'; attempt: number; partnerJoined: boolean; link: Link | null }
  /** join-room failed for now; sent again after JOIN_RETRY_MS or on the next connect. */
  | { name: 'retrying'; attempt: number; link: Link | null; since: number }
  /** join-room was refused for good. */
  | { name: 'refused'; error: ApiError }
  /** In the room; the partner is not. */
  | { name: 'waiting' }
  /** A link is negotiating or restarting ICE; the stall watchdog runs. */
  | { name: 'connecting'; link: Link; since: number }
  | { name: 'connected'; link: Link }
  /** The link lost its path; ICE restarts after DISCONNECT_GRACE_MS unless it comes back. */
  | { name: 'interrupted'; link: Link; since: number }
  /** Gave up restarting; the reason is shown and the user may try again. */
  | { name: 'failed'; link: Link; reason: string }
  /** Another tab of this user took its place in the room. */
  | { name: 'moved' }
  /** The interview is over. */
  | { name: 'ended' }
  /** Left the room (the page went away). */
  | { name: 'stopped' };

export type RoomStateName = RoomState['name'];

export interface Room {
  state: RoomState;
  /** The socket is connected. */
  online: boolean;
  /** From the last join ack; null before the first. */
  polite: boolean | null;
  iceServers: RTCIceServer[];
  /** iceTransportPolicy 'relay': media only through TURN. */
  relayOnly: boolean;
  /** Tracks in the local stream (none when joining without camera and microphone). */
  localTracks: number;
  /** Successful join-room acks so far. */
  joins: number;
  /** The last join attempt, link id and timer arming handed out. */
  lastAttempt: number;
  lastLink: number;
  clock: number;
}

export type TimerName = 'join-retry' | 'stall' | 'disconnect' | 'polite-offer';

export type RoomEvent =
  | { type: 'socket-connected' }
  | { type: 'socket-disconnected' }
  | {
      type: 'join-succeeded';
      attempt: number;
      interview: Interview;
      partnerPresent: boolean;
      polite: boolean;
      iceServers: RTCIceServer[];
    }
  | { type: 'join-failed'; attempt: number; error: ApiError }
  | { type: 'peer-joined' }
  | { type: 'peer-left' }
  | { type: 'moved-elsewhere' }
  | { type: 'remote-description'; description: RTCSessionDescriptionInit }
  | { type: 'remote-candidate'; candidate: RTCIceCandidateInit }
  | { type: 'link-state'; link: number; state: RTCPeerConnectionState }
  | { type: 'tracks-sent'; link: number }
  | { type: 'relay-checked'; link: number; relayed: boolean }
  | { type: 'local-track-added'; kind: 'audio' | 'video'; localTracks: number }
  | { type: 'timeout'; timer: TimerName }
  /** The user takes the room back from another tab. */
  | { type: 'take-over' }
  /** The user asks to reconnect after a failure. */
  | { type: 'retry' }
  | { type: 'end' }
  | { type: 'stop' };

export type Effect =
  | { type: 'join'; attempt: number }
  | { type: 'leave' }
  /** An interview object from a join ack, for the cache the page reads. */
  | { type: 'interview'; interview: Interview }
  | { type: 'open-link'; link: number; iceServers: RTCIceServer[]; holdTracks: boolean; receiveOnly: boolean }
  | { type: 'close-link'; link: number }
  | { type: 'send-tracks'; link: number }
  | { type: 'send-track'; link: number; kind: 'audio' | 'video' }
  | { type: 'apply-description'; link: number; description: RTCSessionDescriptionInit }
  | { type: 'add-candidate'; link: number; candidate: RTCIceCandidateInit }
  | { type: 'restart-ice'; link: number }
  | { type: 'check-relay'; link: number };

export interface Step {
  room: Room;
  effects: Effect[];
}

export interface TimerSpec {
  name: TimerName;
  ms: number;
  /** A timer is armed again when its key changes. */
  key: string;
}

export function initialRoom(opts: { online: boolean; relayOnly: boolean; localTracks: number }): Room {
  return {
    state: { name: 'joining', attempt: 0, partnerJoined: false, link: null },
    online: opts.online,
    polite: null,
    iceServers: [],
    relayOnly: opts.relayOnly,
    localTracks: opts.localTracks,
    joins: 0,
    lastAttempt: 0,
    lastLink: 0,
    clock: 0,
  };
}

export function hasTurn(servers: RTCIceServer[]): boolean {
  return servers.some((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]).some((u) => /^turns?:/i.test(u)));
}

/** The link of a state, when it has one. */
export function linkOf(s: RoomState): Link | null {
  return 'link' in s ? s.link : null;
}
