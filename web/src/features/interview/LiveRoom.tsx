import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api } from '../../lib/api';
import { formatElapsed, useNow } from '../../lib/countdown';
import { describeError } from '../../lib/errors';
import { currentIceTransportPolicy } from '../../lib/settings';
import { emitRequest, socket, useSocketState } from '../../lib/socket';
import type { Interview, InterviewDetailResponse } from '../../types';
import { isFinal, myRole, partnerOf } from '../../entities/interview/model';
import { describeMediaProblem } from './media';
import { QuestionsPanel } from './QuestionsPanel';
import { RoomConnection, type RoomSnapshot } from './roomConnection';
import { roomStatus } from './status';
import { useLocalMedia } from './useLocalMedia';

declare global {
  interface Window {
    /** The live room, for diagnostics and end-to-end tests. */
    __mmRoom?: RoomConnection | null;
  }
}

interface Props {
  interview: Interview;
  meId: string;
}

export function LiveRoom({ interview, meId }: Props) {
  const media = useLocalMedia();
  const partner = partnerOf(interview, meId);

  if (media.state.kind === 'ready')
    return <RoomSession interview={interview} meId={meId} stream={media.state.stream} audioOnly={media.state.choice !== 'full'} />;

  const wanted = media.state.choice === 'full' ? 'camera and microphone' : 'microphone';
  return (
    <div className="page narrow room-gate">
      <h1>Interview with {partner.name}</h1>
      {media.state.kind === 'pending' ? (
        <p role="status">Starting your {wanted}… Your browser may ask for permission.</p>
      ) : (
        <div className="card media-problem" role="alert">
          <h2>Your {wanted} could not be used</h2>
          <p>{describeMediaProblem(media.state.problem, wanted)}</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => media.request('full')}>
              Try again
            </button>
            {media.state.choice === 'full' && (
              <button type="button" className="btn" onClick={() => media.request('audio')}>
                Join audio-only
              </button>
            )}
            <button type="button" className="btn btn-ghost" onClick={() => media.request('none')}>
              Join without camera or microphone
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

const noopSubscribe = () => () => undefined;

function RoomSession({
  interview,
  meId,
  stream,
  audioOnly,
}: Props & { stream: MediaStream; audioOnly: boolean }) {
  const qc = useQueryClient();
  const roomId = interview.roomId;
  const partner = partnerOf(interview, meId);
  const role = myRole(interview, meId);
  const socketState = useSocketState();
  const [conn, setConn] = useState<RoomConnection | null>(null);

  useEffect(() => {
    const c = new RoomConnection(socket, stream, {
      roomId,
      meId,
      iceTransportPolicy: currentIceTransportPolicy(),
      onInterview: (iv) =>
        qc.setQueryData<InterviewDetailResponse>(['interview', iv.roomId], (old) => ({ ...old, interview: iv })),
    });
    c.start();
    setConn(c);
    window.__mmRoom = c;
    return () => {
      const cached = qc.getQueryData<InterviewDetailResponse>(['interview', roomId]);
      if (cached && isFinal(cached.interview.status)) c.end();
      else c.stop();
      if (window.__mmRoom === c) window.__mmRoom = null;
    };
  }, [qc, roomId, meId, stream]);

  const snap: RoomSnapshot | null = useSyncExternalStore(
    conn?.subscribe ?? noopSubscribe,
    conn?.getSnapshot ?? (() => null),
  );

  // ---- local controls: track.enabled changes what the partner receives ----
  const [micOn, setMicOn] = useState(true);
  const [camOn, setCamOn] = useState(true);
  const [hasCamera, setHasCamera] = useState(stream.getVideoTracks().length > 0);
  const hasMic = stream.getAudioTracks().length > 0;

  function toggleMic() {
    const next = !micOn;
    stream.getAudioTracks().forEach((t) => (t.enabled = next));
    setMicOn(next);
  }
  async function toggleCamera() {
    if (!hasCamera) {
      try {
        const cam = await navigator.mediaDevices.getUserMedia({ video: true });
        await conn?.useTrack(cam.getVideoTracks()[0]);
        setHasCamera(true);
        setCamOn(true);
        if (localRef.current) localRef.current.srcObject = stream;
      } catch (e) {
        toast.error(`Your camera could not be started (${(e as Error).name || 'error'}).`);
      }
      return;
    }
    const next = !camOn;
    stream.getVideoTracks().forEach((t) => (t.enabled = next));
    setCamOn(next);
  }

  // ---- video elements ----
  const localRef = useRef<HTMLVideoElement>(null);
  const remoteRef = useRef<HTMLVideoElement>(null);
  const [soundBlocked, setSoundBlocked] = useState(false);
  useEffect(() => {
    if (localRef.current) localRef.current.srcObject = stream;
  }, [stream]);
  const remoteStream = snap?.remoteStream ?? null;
  useEffect(() => {
    const v = remoteRef.current;
    if (!v) return;
    v.srcObject = remoteStream;
    if (!remoteStream) return;
    v.play().catch((e: unknown) => {
      if ((e as Error)?.name === 'NotAllowedError') {
        // Autoplay with sound needs a gesture after a reload: play muted, offer sound.
        v.muted = true;
        setSoundBlocked(true);
        void v.play().catch(() => undefined);
      }
    });
  }, [remoteStream]);

  // ---- end ----
  const [ending, setEnding] = useState(false);
  async function endInterview() {
    setEnding(true);
    try {
      const iv = socket.connected
        ? (await emitRequest('end-interview', { roomId })).interview
        : (await api.complete(roomId)).interview;
      qc.setQueryData<InterviewDetailResponse>(['interview', roomId], (old) => ({ ...old, interview: iv }));
      void qc.invalidateQueries({ queryKey: ['interview', roomId] });
      void qc.invalidateQueries({ queryKey: ['active-interview'] });
      void qc.invalidateQueries({ queryKey: ['interviews'] });
    } catch (e) {
      toast.error(describeError(e));
      setEnding(false);
    }
  }

  const status = roomStatus({
    socketConnected: socketState === 'connected',
    phase: snap?.phase ?? 'joining',
    peerConnectionState: snap?.peerConnectionState ?? null,
    relayed: snap?.relayed ?? false,
    restarts: snap?.restarts ?? 0,
    failureReason: snap?.failureReason ?? null,
    partnerName: partner.name,
  });

  const now = useNow(1000);
  const startedAt = interview.startedAt ? Date.parse(interview.startedAt) : null;

  return (
    <div className="room">
      <header className="room-head">
        <div>
          <h1>Interview with {partner.name}</h1>
          <p className="muted">
            You are the {role === 'interviewer' ? 'interviewer' : 'candidate'}
            {audioOnly ? ' · audio only' : ''}
          </p>
        </div>
        <p className="timer" data-testid="interview-timer">
          {startedAt != null && interview.status === 'in_progress' ? (
            <>
              <span className="sr-only">Interview time: </span>
              <time>{formatElapsed(now - startedAt)}</time>
            </>
          ) : (
            <span className="muted">Not started</span>
          )}
        </p>
      </header>

      <p role="status" className={`conn-status conn-${status.kind}`} data-status={status.kind}>
        <span className="dot" aria-hidden="true" />
        {status.text}
      </p>

      {snap?.movedElsewhere && (
        <div className="notice" role="alert">
          This interview is now open in another tab or window.{' '}
          <button type="button" className="btn btn-small" onClick={() => conn?.takeOver()}>
            Use this tab
          </button>
        </div>
      )}
      {snap?.joinError && (
        <div className="notice error" role="alert">
          Could not join the room: {describeError(snap.joinError)}{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => qc.invalidateQueries({ queryKey: ['interview', roomId] })}
          >
            Refresh
          </button>
        </div>
      )}
      {snap?.failureReason && (
        <div className="notice error">
          <button type="button" className="btn btn-small" onClick={() => conn?.retry()}>
            Try to reconnect
          </button>
        </div>
      )}

      <div className="room-body">
        <div className="stage">
          <figure className="video-tile partner-tile">
            <video ref={remoteRef} aria-label="Partner video" autoPlay playsInline />
            {!remoteStream && (
              <div className="video-placeholder" aria-hidden="true">
                Waiting for {partner.name}…
              </div>
            )}
            <figcaption>{partner.name}</figcaption>
            {soundBlocked && (
              <button
                type="button"
                className="btn btn-small sound-button"
                onClick={() => {
                  const v = remoteRef.current;
                  if (v) {
                    v.muted = false;
                    void v.play();
                  }
                  setSoundBlocked(false);
                }}
              >
                Turn on partner sound
              </button>
            )}
          </figure>
          <figure className="video-tile self-tile">
            <video ref={localRef} aria-label="Your video" autoPlay playsInline muted />
            {(!hasCamera || !camOn) && (
              <div className="video-placeholder" aria-hidden="true">
                {hasCamera ? 'Camera off' : 'No camera'}
              </div>
            )}
            <figcaption>
              You{!micOn ? ' (muted)' : ''}
            </figcaption>
          </figure>
        </div>

        <QuestionsPanel interview={interview} showHints={role === 'interviewer'} />
      </div>

      <div className="controls" role="group" aria-label="Call controls">
        <button type="button" className={`btn ${micOn ? '' : 'btn-warn'}`} onClick={toggleMic} disabled={!hasMic}>
          {micOn ? 'Mute' : 'Unmute'}
        </button>
        <button type="button" className={`btn ${camOn && hasCamera ? '' : 'btn-warn'}`} onClick={toggleCamera}>
          {hasCamera && camOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
        <button type="button" className="btn btn-danger" onClick={endInterview} disabled={ending}>
          {ending ? 'Ending…' : 'End interview'}
        </button>
      </div>
    </div>
  );
}
