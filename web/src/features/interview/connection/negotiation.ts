// The decisions of the "perfect negotiation" pattern (W3C WebRTC 1.0, §10.7),
// kept pure so they can be tested without a browser. The server tells each
// participant whether it is the polite peer in the `join-room` ack.

export interface DescriptionContext {
  type: RTCSdpType;
  polite: boolean;
  /** An offer of ours is being created and set (between negotiationneeded and setLocalDescription). */
  makingOffer: boolean;
  signalingState: RTCSignalingState;
  /** A remote answer is being applied right now (so we are about to be stable). */
  settingRemoteAnswerPending: boolean;
}

export interface DescriptionDecision {
  /** Two offers crossed. */
  collision: boolean;
  /** Drop the remote offer: we are the impolite peer and ours wins. */
  ignore: boolean;
}

export function decideOnDescription(c: DescriptionContext): DescriptionDecision {
  const readyForOffer = !c.makingOffer && (c.signalingState === 'stable' || c.settingRemoteAnswerPending);
  const collision = c.type === 'offer' && !readyForOffer;
  return { collision, ignore: !c.polite && collision };
}

/** How to react to a change of the peer connection's state. */
export type IceAction = 'none' | 'restart-now' | 'restart-after-grace';

export function iceActionFor(state: RTCPeerConnectionState): IceAction {
  if (state === 'failed') return 'restart-now';
  if (state === 'disconnected') return 'restart-after-grace';
  return 'none';
}
