import { useEffect, useRef, useState } from 'react';
import type { CallControlsState } from './useCallControls';

/** The partner's video and this user's own, muted preview. */
export function VideoStage({
  stream,
  remoteStream,
  partnerName,
  controls,
}: {
  stream: MediaStream;
  remoteStream: MediaStream | null;
  partnerName: string;
  controls: CallControlsState;
}) {
  const localRef = useRef<HTMLVideoElement>(null);
  const remoteRef = useRef<HTMLVideoElement>(null);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const { hasCamera, camOn, micOn } = controls;

  useEffect(() => {
    // Again when a camera was added to the stream after joining without one.
    if (localRef.current) localRef.current.srcObject = stream;
  }, [stream, hasCamera]);

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

  return (
    <div className="stage">
      <figure className="video-tile partner-tile">
        <video ref={remoteRef} aria-label="Partner video" autoPlay playsInline />
        {!remoteStream && (
          <div className="video-placeholder" aria-hidden="true">
            Waiting for {partnerName}…
          </div>
        )}
        <figcaption>{partnerName}</figcaption>
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
        <figcaption>You{!micOn ? ' (muted)' : ''}</figcaption>
      </figure>
    </div>
  );
}
