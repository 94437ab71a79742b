// What the page shows of the room, derived from the machine's room.
import type { ApiError } from '../../../lib/errors';
import { RELAY_WITHOUT_TURN, hasTurn, linkOf, type Room, type RoomStateName } from './roomState';

/** What the page shows of the room. */
export interface RoomView {
  state: RoomStateName;
  polite: boolean | null;
  peerConnectionState: RTCPeerConnectionState | null;
  relayed: boolean;
  restarts: number;
  /** Why the call cannot work as it is (a failed link, relay-only without TURN). */
  failureReason: string | null;
  /** join-room was refused for good. */
  joinError: ApiError | null;
  /**
   * Successful join-room acks so far (0 before the first). What needs a
   * joined socket (room events) loads again when it changes.
   */
  joins: number;
}

export function viewOf(room: Room): RoomView {
  const s = room.state;
  const link = linkOf(s);
  const inRoom = s.name !== 'moved' && s.name !== 'ended' && s.name !== 'stopped' && s.name !== 'refused';
  const failureReason =
    s.name === 'failed'
      ? s.reason
      : inRoom && room.joins > 0 && room.relayOnly && !hasTurn(room.iceServers)
        ? RELAY_WITHOUT_TURN
        : null;
  return {
    state: s.name,
    polite: room.polite,
    peerConnectionState: link?.pc ?? null,
    relayed: link?.relayed ?? false,
    restarts: link?.restarts ?? 0,
    failureReason,
    joinError: s.name === 'refused' ? s.error : null,
    joins: room.joins,
  };
}
