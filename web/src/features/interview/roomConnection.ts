// One participant's side of an interview room: joins the room over the socket
// (again after every reconnect), owns the RTCPeerConnection and runs perfect
// negotiation with the polite flag from the server, restarts ICE when the
// connection fails or stays disconnected, and reports a snapshot for React.
//
// The room's socket events (peer-joined, peer-left, webrtc-*, left-room) are
// handled here and nowhere else.
import { emitRequest, onEveryConnect, type AppSocket } from '../../lib/socket';
import { ApiError } from '../../lib/errors';
import type {
  CandidateSignal,
  Id,
  Interview,
  RoomPeerEvent,
  SdpSignal,
} from '../../types';
import { decideOnDescription, iceActionFor } from './negotiation';
import { isRelayed, type RoomPhase } from './status';

export interface RoomSnapshot {
  phase: RoomPhase;
  polite: boolean | null;
  partnerPresent: boolean;
  peerConnectionState: RTCPeerConnectionState | null;
  relayed: boolean;
  restarts: number;
  failureReason: string | null;
  remoteStream: MediaStream | null;
  /** Another tab of this user took its place in the room. */
  movedElsewhere: boolean;
  /** join-room was refused for good (the interview is over, or not ours). */
  joinError: ApiError | null;
}

export interface RoomOptions {
  roomId: Id;
  meId: Id;
  iceTransportPolicy: RTCIceTransportPolicy;
  /** Every interview object the server sends in a join ack. */
  onInterview: (iv: Interview) => void;
  log?: (...args: unknown[]) => void;
}

const DISCONNECT_GRACE_MS = 2500;
/**
 * A connection that has not come up by then is renegotiated with an ICE
 * restart: by the impolite peer first, by the polite one if that did not help.
 * (Chromium sometimes gathers no candidates after the polite peer rolls back.)
 */
const STALL_MS = 8000;
const MAX_FAILED_RESTARTS = 3;
/** After this many ICE restarts that did not help, join the room again: both sides start afresh. */
const REJOIN_AFTER_RESTARTS = 2;
/**
 * On a fresh connection the polite peer waits this long for the impolite
 * peer's offer before offering itself. Perfect negotiation resolves the glare
 * either way, but Chromium sometimes gathers no ICE candidates at all on a
 * connection that rolled back its first offer, so avoiding that glare matters.
 */
const POLITE_OFFER_WAIT_MS = 2000;
const JOIN_RETRY_MS = 2000;

function hasTurn(servers: RTCIceServer[]): boolean {
  return servers.some((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]).some((u) => /^turns?:/i.test(u)));
}

export class RoomConnection {
  private pc: RTCPeerConnection | null = null;
  private iceServers: RTCIceServer[] = [];
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;
  private failedRestarts = 0;
  private disconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private stallTimer: ReturnType<typeof setTimeout> | null = null;
  private politeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The local tracks are not on the current connection yet (polite peer waiting for an offer). */
  private tracksPending = false;
  private joinTimer: ReturnType<typeof setTimeout> | null = null;
  private joinEpoch = 0;
  /** peer-joined arrived while our join-room was in flight. */
  private peerJoinedWhileJoining = false;
  private stopped = false;
  private cleanups: Array<() => void> = [];
  private listeners = new Set<() => void>();
  private snap: RoomSnapshot = {
    phase: 'joining',
    polite: null,
    partnerPresent: false,
    peerConnectionState: null,
    relayed: false,
    restarts: 0,
    failureReason: null,
    remoteStream: null,
    movedElsewhere: false,
    joinError: null,
  };

  constructor(
    private readonly socket: AppSocket,
    private local: MediaStream,
    private readonly opts: RoomOptions,
  ) {}

  // ---- React binding ----
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  };
  getSnapshot = () => this.snap;
  private set(patch: Partial<RoomSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** The current peer connection, for diagnostics and tests. */
  get peerConnection(): RTCPeerConnection | null {
    return this.pc;
  }

  // ---- lifecycle ----
  start() {
    const s = this.socket;
    s.on('peer-joined', this.onPeerJoined);
    s.on('peer-left', this.onPeerLeft);
    s.on('webrtc-offer', this.onOffer);
    s.on('webrtc-answer', this.onAnswer);
    s.on('webrtc-ice-candidate', this.onCandidate);
    s.on('left-room', this.onLeftRoom);
    this.cleanups.push(() => {
      s.off('peer-joined', this.onPeerJoined);
      s.off('peer-left', this.onPeerLeft);
      s.off('webrtc-offer', this.onOffer);
      s.off('webrtc-answer', this.onAnswer);
      s.off('webrtc-ice-candidate', this.onCandidate);
      s.off('left-room', this.onLeftRoom);
    });
    this.cleanups.push(
      onEveryConnect(() => {
        if (!this.snap.movedElsewhere) void this.join();
      }),
    );
  }

  /** Leaves the room (the server starts its grace period) and releases the connection. */
  stop() {
    if (this.stopped) return;
    this.stopped = true;
    this.cleanups.forEach((c) => c());
    this.cleanups = [];
    this.clearTimers();
    this.closePeer();
    if (this.socket.connected && !this.snap.movedElsewhere) {
      emitRequest('leave-room', { roomId: this.opts.roomId }).catch(() => undefined);
    }
  }

  /** Stops media and signaling because the interview is over; does not leave through the server. */
  end() {
    this.cleanups.forEach((c) => c());
    this.cleanups = [];
    this.clearTimers();
    this.closePeer();
    this.stopped = true;
    this.set({ phase: 'ended', peerConnectionState: null, remoteStream: null });
  }

  /** Takes the room back after another tab of this user had taken it. */
  takeOver() {
    this.set({ movedElsewhere: false });
    void this.join();
  }

  /**
   * Starts over after a failure: joins the room again, so the partner is told
   * (peer-joined) and both sides build fresh connections.
   */
  retry() {
    this.failedRestarts = 0;
    this.set({ failureReason: null });
    void this.join();
  }

  /** Adds or replaces a local track (e.g. the camera after joining audio-only). */
  async useTrack(track: MediaStreamTrack) {
    const old = this.local.getTracks().find((t) => t.kind === track.kind);
    if (old) {
      this.local.removeTrack(old);
      old.stop();
    }
    this.local.addTrack(track);
    const pc = this.pc;
    if (!pc || this.tracksPending) return; // added with the others
    const transceiver = pc
      .getTransceivers()
      .find((t) => t.sender.track?.kind === track.kind || (!t.sender.track && t.receiver.track.kind === track.kind));
    if (transceiver && transceiver.direction !== 'recvonly') await transceiver.sender.replaceTrack(track);
    else pc.addTrack(track, this.local); // negotiationneeded follows
  }

  private clearTimers() {
    if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
    if (this.joinTimer) clearTimeout(this.joinTimer);
    if (this.stallTimer) clearTimeout(this.stallTimer);
    if (this.politeTimer) clearTimeout(this.politeTimer);
    this.disconnectTimer = this.joinTimer = this.stallTimer = this.politeTimer = null;
  }

  private armStallWatchdog(pc: RTCPeerConnection) {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    const wait = this.snap.polite ? STALL_MS * 2 : STALL_MS;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      if (this.pc !== pc || pc.connectionState === 'connected') return;
      this.restartIce(pc, 'stalled');
    }, wait);
  }

  // ---- joining ----
  private async join() {
    if (this.stopped) return;
    const epoch = ++this.joinEpoch;
    if (this.joinTimer) clearTimeout(this.joinTimer);
    this.peerJoinedWhileJoining = false;
    this.set({ phase: 'joining', joinError: null });
    let ack;
    try {
      ack = await emitRequest('join-room', { roomId: this.opts.roomId });
    } catch (e) {
      if (epoch !== this.joinEpoch || this.stopped) return;
      const err = e instanceof ApiError ? e : new ApiError('internal', String(e));
      if (['conflict', 'not_found', 'forbidden', 'unauthorized', 'validation_failed'].includes(err.code)) {
        this.set({ joinError: err });
        return;
      }
      // Timeouts and disconnects: the next connect joins again; retry meanwhile when connected.
      this.joinTimer = setTimeout(() => {
        if (this.socket.connected) void this.join();
      }, JOIN_RETRY_MS);
      return;
    }
    if (epoch !== this.joinEpoch || this.stopped) return;
    this.iceServers = Array.isArray(ack.iceServers) ? ack.iceServers : [];
    this.opts.onInterview(ack.interview);
    const partnerPresent =
      (ack.peers ?? []).some((id) => id !== this.opts.meId) || this.peerJoinedWhileJoining;
    this.set({ polite: !!ack.polite, partnerPresent });
    if (this.opts.iceTransportPolicy === 'relay' && !hasTurn(this.iceServers)) {
      this.set({ failureReason: 'relay-only mode is on, but the server offered no TURN server.' });
    }
    if (partnerPresent) this.resetPeer();
    else {
      this.closePeer();
      this.set({ phase: 'waiting', peerConnectionState: null, remoteStream: null, relayed: false });
    }
  }

  private onPeerJoined = (e: RoomPeerEvent) => {
    if (e.roomId !== this.opts.roomId || e.userId === this.opts.meId || this.stopped) return;
    // The partner (re)joined with a fresh connection: negotiate afresh.
    this.set({ partnerPresent: true });
    if (this.snap.phase === 'joining') this.peerJoinedWhileJoining = true;
    else this.resetPeer();
  };

  private onPeerLeft = (e: RoomPeerEvent) => {
    if (e.roomId !== this.opts.roomId || e.userId === this.opts.meId || this.stopped) return;
    this.closePeer();
    this.set({
      partnerPresent: false,
      phase: 'waiting',
      peerConnectionState: null,
      remoteStream: null,
      relayed: false,
      failureReason: null,
    });
  };

  private onLeftRoom = (e: { roomId: Id; reason: string }) => {
    if (e.roomId !== this.opts.roomId) return;
    this.closePeer();
    this.set({ movedElsewhere: true, peerConnectionState: null, remoteStream: null, partnerPresent: false });
  };

  // ---- the peer connection ----
  private closePeer() {
    if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
    if (this.stallTimer) clearTimeout(this.stallTimer);
    if (this.politeTimer) clearTimeout(this.politeTimer);
    this.disconnectTimer = this.stallTimer = this.politeTimer = null;
    this.tracksPending = false;
    const pc = this.pc;
    this.pc = null;
    if (pc) {
      pc.onicecandidate = pc.ontrack = pc.onnegotiationneeded = pc.onconnectionstatechange = null;
      pc.close();
    }
  }

  private resetPeer() {
    this.closePeer();
    this.makingOffer = this.ignoreOffer = this.settingRemoteAnswerPending = false;
    this.failedRestarts = 0;
    const pc = new RTCPeerConnection({
      iceServers: this.iceServers,
      iceTransportPolicy: this.opts.iceTransportPolicy,
    });
    this.pc = pc;
    const remote = new MediaStream();
    this.set({
      phase: 'negotiating',
      peerConnectionState: pc.connectionState,
      remoteStream: remote,
      relayed: false,
      restarts: 0,
      failureReason: this.snap.failureReason?.startsWith('relay-only') ? this.snap.failureReason : null,
    });

    pc.ontrack = ({ track }) => {
      if (this.pc !== pc) return;
      if (!remote.getTracks().includes(track)) remote.addTrack(track);
      // A new object so React sees the change; the tracks are the same.
      this.set({ remoteStream: new MediaStream(remote.getTracks()) });
    };
    pc.onicecandidate = ({ candidate }) => {
      if (this.pc !== pc || !candidate) return;
      this.signal('webrtc-ice-candidate', { roomId: this.opts.roomId, candidate: candidate.toJSON() });
    };
    pc.onnegotiationneeded = async () => {
      if (this.pc !== pc) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (this.pc !== pc || !pc.localDescription) return;
        if (pc.localDescription.type === 'offer') {
          this.signal('webrtc-offer', { roomId: this.opts.roomId, sdp: pc.localDescription.sdp });
        }
      } catch (e) {
        this.log('negotiation failed', e);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      this.onConnectionState(pc);
    };
    this.armStallWatchdog(pc);
    if (this.snap.polite && this.local.getTracks().length > 0) {
      this.tracksPending = true;
      this.politeTimer = setTimeout(() => this.attachLocalTracks(pc), POLITE_OFFER_WAIT_MS);
    } else {
      this.tracksPending = true;
      this.attachLocalTracks(pc);
    }
    if (this.local.getTracks().length === 0 && !this.snap.polite) {
      // Nothing to send: still ask to receive, so the impolite side can start the negotiation.
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
  }

  /** Adds the local tracks once per connection; negotiationneeded follows unless an offer is being answered. */
  private attachLocalTracks(pc: RTCPeerConnection) {
    if (this.politeTimer) clearTimeout(this.politeTimer);
    this.politeTimer = null;
    if (this.pc !== pc || !this.tracksPending) return;
    this.tracksPending = false;
    for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
  }

  private onConnectionState(pc: RTCPeerConnection) {
    const state = pc.connectionState;
    this.set({ peerConnectionState: state });
    if (state === 'connected') {
      this.failedRestarts = 0;
      if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
      if (this.stallTimer) clearTimeout(this.stallTimer);
      this.disconnectTimer = this.stallTimer = null;
      if (!this.snap.failureReason?.startsWith('relay-only')) this.set({ failureReason: null });
      void this.checkRelay(pc);
      return;
    }
    const action = iceActionFor(state);
    if (action === 'restart-now') this.restartIce(pc, 'failed');
    else if (action === 'restart-after-grace' && !this.disconnectTimer) {
      this.disconnectTimer = setTimeout(() => {
        this.disconnectTimer = null;
        if (this.pc === pc && pc.connectionState === 'disconnected') this.restartIce(pc, 'disconnected');
      }, DISCONNECT_GRACE_MS);
    }
  }

  private restartIce(pc: RTCPeerConnection, why: 'failed' | 'disconnected' | 'stalled') {
    if (!this.snap.partnerPresent || !this.socket.connected) {
      if (why === 'stalled') this.armStallWatchdog(pc);
      return;
    }
    if (why !== 'disconnected') this.failedRestarts += 1;
    if (why === 'stalled' && this.failedRestarts === REJOIN_AFTER_RESTARTS + 1) {
      // The connection itself may be broken: have both sides build new ones.
      this.log('connection stalled; joining the room again');
      this.set({ restarts: this.snap.restarts + 1 });
      void this.join();
      return;
    }
    if (this.failedRestarts > MAX_FAILED_RESTARTS + 1) {
      this.set({
        failureReason:
          this.opts.iceTransportPolicy === 'relay'
            ? 'the TURN relay could not be reached.'
            : 'no network path to your partner was found (a firewall may be blocking it).',
      });
      return;
    }
    this.log('restarting ICE after', why);
    this.set({ restarts: this.snap.restarts + 1 });
    pc.restartIce(); // negotiationneeded follows, with an ICE restart offer
    this.armStallWatchdog(pc);
  }

  private async checkRelay(pc: RTCPeerConnection) {
    try {
      const stats = await pc.getStats();
      if (this.pc === pc) this.set({ relayed: isRelayed(stats) });
    } catch {
      // Stats are a nicety; the call works without them.
    }
  }

  // ---- incoming signaling ----
  private onOffer = (e: SdpSignal) => {
    if (e.roomId === this.opts.roomId) void this.onDescription({ type: 'offer', sdp: e.sdp });
  };
  private onAnswer = (e: SdpSignal) => {
    if (e.roomId === this.opts.roomId) void this.onDescription({ type: 'answer', sdp: e.sdp });
  };

  private async onDescription(description: RTCSessionDescriptionInit) {
    if (this.stopped || this.snap.movedElsewhere) return;
    if (!this.pc) {
      if (description.type !== 'offer') return;
      // An offer from a partner we had not seen join yet.
      this.set({ partnerPresent: true });
      this.resetPeer();
    }
    const pc = this.pc!;
    const d = decideOnDescription({
      type: description.type!,
      polite: !!this.snap.polite,
      makingOffer: this.makingOffer,
      signalingState: pc.signalingState,
      settingRemoteAnswerPending: this.settingRemoteAnswerPending,
    });
    this.ignoreOffer = d.ignore;
    if (d.ignore) {
      this.log('ignoring a colliding offer (impolite)');
      return;
    }
    try {
      this.settingRemoteAnswerPending = description.type === 'answer';
      await pc.setRemoteDescription(description); // rolls back our offer on collision
      this.settingRemoteAnswerPending = false;
      if (this.pc !== pc) return;
      if (description.type === 'offer') {
        // Our tracks join the transceivers the offer created, so one answer carries both ways.
        this.attachLocalTracks(pc);
        await pc.setLocalDescription();
        if (this.pc !== pc || !pc.localDescription) return;
        this.signal('webrtc-answer', { roomId: this.opts.roomId, sdp: pc.localDescription.sdp });
      }
    } catch (e) {
      this.settingRemoteAnswerPending = false;
      this.log('could not apply the remote description', e);
    }
  }

  private onCandidate = async (e: CandidateSignal) => {
    if (e.roomId !== this.opts.roomId || !this.pc || !e.candidate) return;
    try {
      await this.pc.addIceCandidate(e.candidate);
    } catch (err) {
      if (!this.ignoreOffer) this.log('could not add a remote ICE candidate', err);
    }
  };

  private signal(
    event: 'webrtc-offer' | 'webrtc-answer' | 'webrtc-ice-candidate',
    payload: { roomId: Id; sdp: string } | { roomId: Id; candidate: RTCIceCandidateInit },
  ) {
    (emitRequest as (e: string, p: unknown) => Promise<unknown>)(event, payload).catch((err) =>
      this.log(`${event} not delivered`, err),
    );
  }

  private log(...args: unknown[]) {
    (this.opts.log ?? console.debug)('[room]', ...args);
  }
}
