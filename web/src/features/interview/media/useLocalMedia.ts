import { useCallback, useEffect, useRef, useState } from 'react';
import { acquireMedia, classifyMediaError, type MediaChoice, type MediaProblem } from './media';

export type LocalMediaState =
  | { kind: 'pending'; choice: MediaChoice }
  | { kind: 'ready'; stream: MediaStream; choice: MediaChoice }
  | { kind: 'failed'; problem: MediaProblem; choice: MediaChoice };

/** Camera and microphone for the room; stops its tracks on unmount. */
export function useLocalMedia() {
  const [state, setState] = useState<LocalMediaState>({ kind: 'pending', choice: 'full' });
  const streamRef = useRef<MediaStream | null>(null);
  const attempt = useRef(0);

  const request = useCallback(async (choice: MediaChoice) => {
    const n = ++attempt.current;
    setState({ kind: 'pending', choice });
    try {
      const stream = await acquireMedia(choice);
      if (n !== attempt.current) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      streamRef.current?.getTracks().forEach((t) => t.stop());
      streamRef.current = stream;
      setState({ kind: 'ready', stream, choice });
    } catch (e) {
      if (n !== attempt.current) return;
      console.warn('getUserMedia failed', e);
      setState({ kind: 'failed', problem: classifyMediaError(e), choice });
    }
  }, []);

  useEffect(() => {
    void request('full');
    return () => {
      attempt.current++;
      streamRef.current?.getTracks().forEach((t) => t.stop());
      streamRef.current = null;
    };
  }, [request]);

  return { state, request };
}
