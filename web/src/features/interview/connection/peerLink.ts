// One RTCPeerConnection to the partner and the "perfect negotiation" pattern
// on it (W3C WebRTC 1.0, §10.7; the decisions are in negotiation.ts). It does
// what the room's machine asks (open, send tracks, apply a description, restart
// ICE, close) and reports what the connection does; when to make, restart or
// drop a connection is the machine's decision, not this file's.
import type { Id } from '../../../types';
import type { RoomEvent } from './roomState';
import { decideOnDescription } from './negotiation';
import { isRelayed } from './status';

export type Signal =
  | { event: 'webrtc-offer' | 'webrtc-answer'; payload: { roomId: Id; sdp: string } }
  | { event: 'webrtc-ice-candidate'; payload: { roomId: Id; candidate: RTCIceCandidateInit } };

export interface PeerLinkOptions {
  id: number;
  roomId: Id;
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  local: MediaStream;
  polite: boolean;
  /** Add the local tracks only on sendTracks() or with the answer to an offer. */
  holdTracks: boolean;
  /** With nothing to send, still ask to receive audio and video. */
  receiveOnly: boolean;
}

export interface PeerLinkHost {
  signal(s: Signal): void;
  /** link-state, tracks-sent and relay-checked events for the machine. */
  report(ev: RoomEvent): void;
  /** The remote stream object changed (a track arrived). */
  remoteStreamChanged(): void;
  log(...args: unknown[]): void;
}

export class PeerLink {
  readonly pc: RTCPeerConnection;
  /** A new object whenever a track arrives, so React sees the change; the tracks are the same. */
  remoteStream: MediaStream;
  private readonly remote = new MediaStream();
  // The pattern's own state: an offer of ours is being made; we dropped a colliding
  // offer (so its candidates fail quietly); a remote answer is being applied.
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;
  private tracksHeld: boolean;

  constructor(
    private readonly opts: PeerLinkOptions,
    private readonly host: PeerLinkHost,
  ) {
    const pc = new RTCPeerConnection({ iceServers: opts.iceServers, iceTransportPolicy: opts.iceTransportPolicy });
    this.pc = pc;
    this.remoteStream = this.remote;
    this.tracksHeld = true;
    pc.ontrack = ({ track }) => {
      if (this.closed) return;
      if (!this.remote.getTracks().includes(track)) this.remote.addTrack(track);
      this.remoteStream = new MediaStream(this.remote.getTracks());
      host.remoteStreamChanged();
    };
    pc.onicecandidate = ({ candidate }) => {
      if (this.closed || !candidate) return;
      host.signal({ event: 'webrtc-ice-candidate', payload: { roomId: opts.roomId, candidate: candidate.toJSON() } });
    };
    pc.onnegotiationneeded = () => void this.offer();
    pc.onconnectionstatechange = () => {
      if (!this.closed) host.report({ type: 'link-state', link: opts.id, state: pc.connectionState });
    };
    if (!opts.holdTracks) this.sendTracks();
    if (opts.receiveOnly) {
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
  }

  get id() {
    return this.opts.id;
  }

  private get closed() {
    return this.pc.signalingState === 'closed';
  }

  /** Adds the local tracks, once; negotiationneeded follows unless an offer is being answered. */
  sendTracks() {
    if (!this.tracksHeld || this.closed) return;
    this.tracksHeld = false;
    for (const track of this.opts.local.getTracks()) this.pc.addTrack(track, this.opts.local);
    this.host.report({ type: 'tracks-sent', link: this.opts.id });
  }

  /** Sends the local stream's (new) track of this kind: on the transceiver that has one, else as a new track. */
  async sendTrack(kind: 'audio' | 'video') {
    const track = this.opts.local.getTracks().find((t) => t.kind === kind);
    if (!track || this.closed) return;
    const transceiver = this.pc
      .getTransceivers()
      .find((t) => t.sender.track?.kind === kind || (!t.sender.track && t.receiver.track.kind === kind));
    if (transceiver && transceiver.direction !== 'recvonly') await transceiver.sender.replaceTrack(track);
    else this.pc.addTrack(track, this.opts.local); // negotiationneeded follows
  }

  private async offer() {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.closed || !this.pc.localDescription) return;
      if (this.pc.localDescription.type === 'offer') {
        this.host.signal({ event: 'webrtc-offer', payload: { roomId: this.opts.roomId, sdp: this.pc.localDescription.sdp } });
      }
    } catch (e) {
      this.host.log('negotiation failed', e);
    } finally {
      this.makingOffer = false;
    }
  }

  async applyDescription(description: RTCSessionDescriptionInit) {
    if (this.closed || !description.type) return;
    const d = decideOnDescription({
      type: description.type,
      polite: this.opts.polite,
      makingOffer: this.makingOffer,
      signalingState: this.pc.signalingState,
      settingRemoteAnswerPending: this.settingRemoteAnswerPending,
    });
    this.ignoreOffer = d.ignore;
    if (d.ignore) {
      this.host.log('ignoring a colliding offer (impolite)');
      return;
    }
    try {
      this.settingRemoteAnswerPending = description.type === 'answer';
      await this.pc.setRemoteDescription(description); // rolls back our offer on collision
      this.settingRemoteAnswerPending = false;
      if (this.closed || description.type !== 'offer') return;
      // Our tracks join the transceivers the offer created, so one answer carries both ways.
      this.sendTracks();
      await this.pc.setLocalDescription();
      if (this.closed || !this.pc.localDescription) return;
      this.host.signal({ event: 'webrtc-answer', payload: { roomId: this.opts.roomId, sdp: this.pc.localDescription.sdp } });
    } catch (e) {
      this.settingRemoteAnswerPending = false;
      this.host.log('could not apply the remote description', e);
    }
  }

  async addCandidate(candidate: RTCIceCandidateInit) {
    if (this.closed) return;
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (err) {
      if (!this.ignoreOffer) this.host.log('could not add a remote ICE candidate', err);
    }
  }

  /** negotiationneeded follows, with an ICE restart offer. */
  restartIce() {
    if (!this.closed) this.pc.restartIce();
  }

  async checkRelay() {
    try {
      const stats = await this.pc.getStats();
      if (!this.closed) this.host.report({ type: 'relay-checked', link: this.opts.id, relayed: isRelayed(stats) });
    } catch {
      // Stats are a nicety; the call works without them.
    }
  }

  close() {
    const pc = this.pc;
    pc.onicecandidate = pc.ontrack = pc.onnegotiationneeded = pc.onconnectionstatechange = null;
    pc.close();
  }
}
