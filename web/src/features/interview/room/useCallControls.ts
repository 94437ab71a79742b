import { useState } from 'react';
import { toast } from 'sonner';
import type { RoomConnection } from '../connection/roomConnection';

/**
 * Mute and camera: `track.enabled` changes what the partner receives (silence,
 * black frames) without renegotiating. Without a camera, "Turn camera on"
 * asks for one and sends it.
 */
export function useCallControls(stream: MediaStream, conn: RoomConnection | null) {
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
        conn?.useTrack(cam.getVideoTracks()[0]);
        setHasCamera(true);
        setCamOn(true);
      } catch (e) {
        toast.error(`Your camera could not be started (${(e as Error).name || 'error'}).`);
      }
      return;
    }
    const next = !camOn;
    stream.getVideoTracks().forEach((t) => (t.enabled = next));
    setCamOn(next);
  }

  return { micOn, camOn, hasCamera, hasMic, toggleMic, toggleCamera };
}

export type CallControlsState = ReturnType<typeof useCallControls>;
