// One participant's side of an interview room: runs the room's state machine
// (machine.ts) against the world. It turns the socket's room events and the
// join-room ack into machine events, runs the effects the machine returns
// (join-room, leave-room, one PeerLink at a time), keeps the timers it asks
// for (timers.ts) and publishes a snapshot for React.
//
// The room's socket events (peer-joined, peer-left, webrtc-*, left-room) are
// listened to here and nowhere else.
import { emitRequest, listen, onEveryConnect, type AppSocket } from '../../../lib/socket';
import { ApiError } from '../../../lib/errors';
import type { CandidateSignal, Id, Interview, RoomPeerEvent, SdpSignal } from '../../../types';
import { timersOf, transition } from './machine';
import { initialRoom, type Effect, type Room, type RoomEvent } from './roomState';
import { viewOf, type RoomView } from './view';
import { PeerLink, type PeerLinkHost, type Signal } from './peerLink';
import { Timers } from './timers';

export interface RoomSnapshot extends RoomView {
  remoteStream: MediaStream | null;
}

export interface RoomOptions {
  roomId: Id;
  meId: Id;
  iceTransportPolicy: RTCIceTransportPolicy;
  /** Every interview object the server sends in a join ack. */
  onInterview: (iv: Interview) => void;
  log?: (...args: unknown[]) => void;
}

export class RoomConnection {
  private room: Room;
  private link: PeerLink | null = null;
  private readonly timers = new Timers((timer) => this.dispatch({ type: 'timeout', timer }));
  private readonly queue: RoomEvent[] = [];
  private dispatching = false;
  private cleanups: Array<() => void> = [];
  private readonly listeners = new Set<() => void>();
  private snap: RoomSnapshot;
  private readonly host: PeerLinkHost = {
    signal: (s) => this.signal(s),
    report: (ev) => this.dispatch(ev),
    remoteStreamChanged: () => this.publish(),
    log: (...args) => this.log(...args),
  };

  constructor(
    private readonly socket: AppSocket,
    private readonly local: MediaStream,
    private readonly opts: RoomOptions,
  ) {
    this.room = initialRoom({
      online: socket.connected,
      relayOnly: opts.iceTransportPolicy === 'relay',
      localTracks: local.getTracks().length,
    });
    this.snap = this.snapshotNow();
  }

  // ---- React binding ----
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  };
  getSnapshot = () => this.snap;

  /** The current peer connection, for diagnostics and tests. */
  get peerConnection(): RTCPeerConnection | null {
    return this.link?.pc ?? null;
  }

  // ---- what the page does ----
  start() {
    const s = this.socket;
    const here = (e: { roomId: Id }) => e.roomId === this.opts.roomId;
    const partner = (e: RoomPeerEvent) => here(e) && e.userId !== this.opts.meId;
    const onPeerJoined = (e: RoomPeerEvent) => partner(e) && this.dispatch({ type: 'peer-joined' });
    const onPeerLeft = (e: RoomPeerEvent) => partner(e) && this.dispatch({ type: 'peer-left' });
    const onOffer = (e: SdpSignal) =>
      here(e) && this.dispatch({ type: 'remote-description', description: { type: 'offer', sdp: e.sdp } });
    const onAnswer = (e: SdpSignal) =>
      here(e) && this.dispatch({ type: 'remote-description', description: { type: 'answer', sdp: e.sdp } });
    const onCandidate = (e: CandidateSignal) =>
      here(e) && e.candidate && this.dispatch({ type: 'remote-candidate', candidate: e.candidate });
    const onLeftRoom = (e: { roomId: Id }) => here(e) && this.dispatch({ type: 'moved-elsewhere' });
    const onDisconnect = () => this.dispatch({ type: 'socket-disconnected' });
    s.on('disconnect', onDisconnect);
    this.cleanups.push(
      listen(s, 'peer-joined', onPeerJoined),
      listen(s, 'peer-left', onPeerLeft),
      listen(s, 'webrtc-offer', onOffer),
      listen(s, 'webrtc-answer', onAnswer),
      listen(s, 'webrtc-ice-candidate', onCandidate),
      listen(s, 'left-room', onLeftRoom),
      () => s.off('disconnect', onDisconnect),
      onEveryConnect(() => this.dispatch({ type: 'socket-connected' })),
    );
  }

  /** Leaves the room (the server starts its grace period) and releases the connection. */
  stop() {
    this.dispatch({ type: 'stop' });
    this.release();
  }

  /** Stops media and signaling because the interview is over; does not leave through the server. */
  end() {
    this.dispatch({ type: 'end' });
    this.release();
  }

  /** Takes the room back after another tab of this user had taken it. */
  takeOver() {
    this.dispatch({ type: 'take-over' });
  }

  /** Starts over after a failure: joins the room again, so both sides build fresh connections. */
  retry() {
    this.dispatch({ type: 'retry' });
  }

  /** Adds or replaces a local track (e.g. the camera after joining audio-only). */
  useTrack(track: MediaStreamTrack) {
    const old = this.local.getTracks().find((t) => t.kind === track.kind);
    if (old) {
      this.local.removeTrack(old);
      old.stop();
    }
    this.local.addTrack(track);
    this.dispatch({
      type: 'local-track-added',
      kind: track.kind === 'audio' ? 'audio' : 'video',
      localTracks: this.local.getTracks().length,
    });
  }

  // ---- the machine ----
  private dispatch(ev: RoomEvent) {
    this.queue.push(ev);
    if (this.dispatching) return; // an effect reported something: it runs after the current step
    this.dispatching = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const step = transition(this.room, next);
        this.room = step.room;
        for (const effect of step.effects) this.run(effect);
        this.timers.sync(timersOf(this.room));
      }
    } finally {
      this.dispatching = false;
    }
    this.publish();
  }

  private run(effect: Effect) {
    try {
      this.runEffect(effect);
    } catch (e) {
      // A broken peer connection (e.g. ICE servers it refuses) must not stop the room's other work.
      this.log(`${effect.type} failed`, e);
    }
  }

  private runEffect(effect: Effect) {
    switch (effect.type) {
      case 'join':
        void this.join(effect.attempt);
        return;
      case 'leave':
        emitRequest('leave-room', { roomId: this.opts.roomId }).catch(() => undefined);
        return;
      case 'interview':
        this.opts.onInterview(effect.interview);
        return;
      case 'open-link':
        this.link = new PeerLink(
          {
            id: effect.link,
            roomId: this.opts.roomId,
            iceServers: effect.iceServers,
            iceTransportPolicy: this.opts.iceTransportPolicy,
            local: this.local,
            polite: this.room.polite === true,
            holdTracks: effect.holdTracks,
            receiveOnly: effect.receiveOnly,
          },
          this.host,
        );
        return;
    }
    const link = this.link;
    if (!link || link.id !== effect.link) return;
    switch (effect.type) {
      case 'close-link':
        link.close();
        this.link = null;
        return;
      case 'send-tracks':
        link.sendTracks();
        return;
      case 'send-track':
        void link.sendTrack(effect.kind).catch((e) => this.log('could not send the new track', e));
        return;
      case 'apply-description':
        void link.applyDescription(effect.description);
        return;
      case 'add-candidate':
        void link.addCandidate(effect.candidate);
        return;
      case 'restart-ice':
        this.log('restarting ICE');
        link.restartIce();
        return;
      case 'check-relay':
        void link.checkRelay();
        return;
    }
  }

  private async join(attempt: number) {
    let ack;
    try {
      ack = await emitRequest('join-room', { roomId: this.opts.roomId });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError('internal', String(e));
      this.dispatch({ type: 'join-failed', attempt, error });
      return;
    }
    this.dispatch({
      type: 'join-succeeded',
      attempt,
      interview: ack.interview,
      partnerPresent: (ack.peers ?? []).some((id) => id !== this.opts.meId),
      polite: !!ack.polite,
      iceServers: Array.isArray(ack.iceServers) ? ack.iceServers : [],
    });
  }

  private release() {
    this.cleanups.forEach((c) => c());
    this.cleanups = [];
    this.timers.clear();
  }

  private signal(s: Signal) {
    const sent =
      s.event === 'webrtc-ice-candidate' ? emitRequest(s.event, s.payload) : emitRequest(s.event, s.payload);
    sent.catch((err) => this.log(`${s.event} not delivered`, err));
  }

  // ---- the snapshot ----
  private snapshotNow(): RoomSnapshot {
    return { ...viewOf(this.room), remoteStream: this.link?.remoteStream ?? null };
  }

  private publish() {
    const next = this.snapshotNow();
    const prev = this.snap as unknown as Record<string, unknown>;
    if (Object.entries(next).every(([k, v]) => prev[k] === v)) return;
    this.snap = next;
    this.listeners.forEach((l) => l());
  }

  private log(...args: unknown[]) {
    (this.opts.log ?? console.debug)('[room]', ...args);
  }
}
