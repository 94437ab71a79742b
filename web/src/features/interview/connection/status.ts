// The room's connection status, as one sentence for a `role="status"` region.
import type { RoomStateName } from './roomState';

export interface StatusInput {
  socketConnected: boolean;
  /** The room machine's state; 'media' while the camera and microphone are being asked for. */
  state: RoomStateName | 'media';
  peerConnectionState: RTCPeerConnectionState | null;
  relayed: boolean;
  restarts: number;
  failureReason: string | null;
  partnerName: string;
}

export type StatusKind = 'connecting' | 'waiting' | 'connected' | 'relayed' | 'reconnecting' | 'failed' | 'ended';

export interface RoomStatus {
  kind: StatusKind;
  text: string;
}

export function roomStatus(s: StatusInput): RoomStatus {
  if (s.state === 'ended' || s.state === 'stopped') return { kind: 'ended', text: 'The interview has ended.' };
  if (s.failureReason) return { kind: 'failed', text: `Connection failed: ${s.failureReason}` };
  if (!s.socketConnected) {
    const live = s.peerConnectionState === 'connected';
    return {
      kind: 'reconnecting',
      text: live
        ? 'Reconnecting to the server… your call continues meanwhile.'
        : 'Reconnecting to the server…',
    };
  }
  switch (s.state) {
    case 'media':
      return { kind: 'connecting', text: 'Starting your camera and microphone…' };
    case 'joining':
    case 'retrying':
      return { kind: 'connecting', text: 'Joining the interview room…' };
    case 'refused':
      return { kind: 'failed', text: 'Could not join the interview room.' };
    case 'moved':
      return { kind: 'waiting', text: 'This interview is open in another tab.' };
    case 'waiting':
      return { kind: 'waiting', text: `Waiting for ${s.partnerName} to join…` };
  }
  switch (s.peerConnectionState) {
    case 'connected':
      return s.relayed
        ? { kind: 'relayed', text: `Connected to ${s.partnerName} (relayed through a TURN server).` }
        : { kind: 'connected', text: `Connected to ${s.partnerName}.` };
    case 'disconnected':
      return { kind: 'reconnecting', text: `Connection to ${s.partnerName} interrupted. Reconnecting…` };
    case 'failed':
      return { kind: 'reconnecting', text: `Connection to ${s.partnerName} failed. Trying again…` };
    default:
      return s.restarts > 0
        ? { kind: 'reconnecting', text: `Reconnecting to ${s.partnerName}…` }
        : { kind: 'connecting', text: `Connecting to ${s.partnerName}…` };
  }
}

/** Whether the selected candidate pair in a stats report goes through a TURN relay. */
export function isRelayed(stats: RTCStatsReport | Map<string, Record<string, unknown>>): boolean {
  const byId = new Map<string, Record<string, unknown>>();
  stats.forEach((v: unknown, k: string) => byId.set(k, v as Record<string, unknown>));
  let pairId: string | undefined;
  for (const r of byId.values()) {
    if (r.type === 'transport' && typeof r.selectedCandidatePairId === 'string') pairId = r.selectedCandidatePairId;
  }
  let pair = pairId ? byId.get(pairId) : undefined;
  if (!pair) {
    for (const r of byId.values()) {
      if (r.type === 'candidate-pair' && r.state === 'succeeded' && (r.nominated || r.selected)) {
        pair = r;
        break;
      }
    }
  }
  if (!pair) return false;
  const local = byId.get(String(pair.localCandidateId));
  const remote = byId.get(String(pair.remoteCandidateId));
  return local?.candidateType === 'relay' || remote?.candidateType === 'relay';
}
